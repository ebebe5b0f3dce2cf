package org.titrate.reporting.impl;

import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.db.SchemaMigrations;

/** Migrates reporting's read models ({@code RPT_} tables) before anything reads or feeds them. */
@Component(service = ReportingSchema.class)
public class ReportingSchema {
    @Reference(target = "(osgi.jndi.service.name=titrate)")
    private DataSource dataSource;

    @Activate
    void activate() {
        SchemaMigrations.migrate(dataSource, "reporting", ReportingSchema.class.getClassLoader());
    }

    DataSource dataSource() {
        return dataSource;
    }
}
