package org.titrate.inventory.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.db.SchemaMigrations;

/** Migrates the inventory tables before any other inventory component touches them; the module's clock. */
@Component(service = InventorySchema.class)
public class InventorySchema {
    /** Business days are the sales office's (as in sales). */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @Reference(target = "(osgi.jndi.service.name=titrate)")
    private DataSource dataSource;

    @Activate
    void activate() {
        SchemaMigrations.migrate(dataSource, "inventory", InventorySchema.class.getClassLoader());
    }

    /** Millisecond instants, as every database here stores them. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static LocalDate today() {
        return LocalDate.now(BUSINESS_ZONE);
    }
}
