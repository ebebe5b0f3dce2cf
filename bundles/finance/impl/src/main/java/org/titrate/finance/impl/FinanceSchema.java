package org.titrate.finance.impl;

import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.db.SchemaMigrations;

/**
 * Migrates the finance tables before any other finance component touches them: those reference this
 * service. The day and the instant come from the platform's {@code BusinessClock}.
 */
@Component(service = FinanceSchema.class)
public class FinanceSchema {
    @Reference(target = "(osgi.jndi.service.name=titrate)")
    private DataSource dataSource;

    @Activate
    void activate() {
        SchemaMigrations.migrate(dataSource, "finance", FinanceSchema.class.getClassLoader());
    }
}
