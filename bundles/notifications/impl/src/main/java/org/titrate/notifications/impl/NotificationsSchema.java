package org.titrate.notifications.impl;

import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.db.SchemaMigrations;

/** Migrates the {@code NTF_} tables before any other notifications component touches them: those reference this service. */
@Component(service = NotificationsSchema.class)
public class NotificationsSchema {
    @Reference(target = "(osgi.jndi.service.name=titrate)")
    private DataSource dataSource;

    @Activate
    void activate() {
        SchemaMigrations.migrate(dataSource, "notifications", NotificationsSchema.class.getClassLoader());
    }
}
