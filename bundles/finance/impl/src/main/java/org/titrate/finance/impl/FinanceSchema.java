package org.titrate.finance.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.db.SchemaMigrations;

/** Migrates the finance tables before any other finance component touches them; the module's clock. */
@Component(service = FinanceSchema.class)
public class FinanceSchema {
    /** Business days are the sales office's (as in sales and inventory). */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @Reference(target = "(osgi.jndi.service.name=titrate)")
    private DataSource dataSource;

    @Activate
    void activate() {
        SchemaMigrations.migrate(dataSource, "finance", FinanceSchema.class.getClassLoader());
    }

    /** Millisecond instants, as every database here stores them. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static LocalDate today() {
        return LocalDate.now(BUSINESS_ZONE);
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, BUSINESS_ZONE);
    }
}
