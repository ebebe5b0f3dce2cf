package org.titrate.inventory.impl;

import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.db.SchemaMigrations;

/**
 * Migrates the inventory tables before any other inventory component touches them: those reference this
 * service. The day and the instant come from the platform's {@code BusinessClock}.
 */
@Component(service = InventorySchema.class)
public class InventorySchema {
    @Reference(target = "(osgi.jndi.service.name=titrate)")
    private DataSource dataSource;

    @Activate
    void activate() {
        SchemaMigrations.migrate(dataSource, "inventory", InventorySchema.class.getClassLoader());
    }
}
