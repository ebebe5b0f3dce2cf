package org.titrate.purchasing.impl;

import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.db.SchemaMigrations;

/**
 * Migrates the purchasing tables before any other purchasing component touches them: those reference this
 * service. The day and the instant come from the platform's {@code BusinessClock}.
 */
@Component(service = PurchasingSchema.class)
public class PurchasingSchema {
    @Reference(target = "(osgi.jndi.service.name=titrate)")
    private DataSource dataSource;

    @Activate
    void activate() {
        SchemaMigrations.migrate(dataSource, "purchasing", PurchasingSchema.class.getClassLoader());
    }
}
