package org.titrate.purchasing.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.db.SchemaMigrations;

/** Migrates the purchasing tables before any other purchasing component touches them; the module's clock. */
@Component(service = PurchasingSchema.class)
public class PurchasingSchema {
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @Reference(target = "(osgi.jndi.service.name=titrate)")
    private DataSource dataSource;

    @Activate
    void activate() {
        SchemaMigrations.migrate(dataSource, "purchasing", PurchasingSchema.class.getClassLoader());
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static LocalDate today() {
        return LocalDate.now(BUSINESS_ZONE);
    }
}
