package org.titrate.platform.api.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The business calendar of the installation: which day it is for the sales office, and the instants
 * every module stores. The zone is one setting, {@code businessTimeZone} of PID {@code org.titrate.platform}
 * ({@code etc/org.titrate.platform.cfg}); a change applies to the next call, without a restart.
 *
 * <p>Static rather than a service: every module reads the day in entity rules, demo data and static
 * helpers alike, and a reference in each component only to learn one process-wide value would tie
 * their activation to the platform's configuration for nothing. The platform bundle owns the value;
 * until its configuration component has started, the default zone applies.
 */
public final class BusinessClock {
    /** The zone of a fresh installation: the sales office's. */
    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    private static volatile ZoneId zone = ZoneId.of(DEFAULT_ZONE);

    private BusinessClock() {
    }

    public static ZoneId zone() {
        return zone;
    }

    /** Today for the business, in its zone. */
    public static LocalDate today() {
        return LocalDate.now(zone);
    }

    /** The business day an instant falls on. */
    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** The first instant of a business day, for queries by day over stored instants. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** Now in milliseconds, as every database here stores instants (Derby and PostgreSQL alike). */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Sets the zone. Only the platform's configuration component calls this (and tests); modules read
     * the zone, they never set it.
     */
    public static void useZone(ZoneId newZone) {
        zone = Objects.requireNonNull(newZone, "zone");
    }
}
