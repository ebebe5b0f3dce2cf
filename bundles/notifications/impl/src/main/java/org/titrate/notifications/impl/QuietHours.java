package org.titrate.notifications.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * No SMS at night in business time: between {@code start} and {@code end} (22:00–08:00 by default, across midnight
 * when start is after end) a message is held until {@code end}. Equal start and end mean no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public static QuietHours parse(String start, String end, ZoneId zone) {
        return new QuietHours(LocalTime.parse(start.strip()), LocalTime.parse(end.strip()), zone);
    }

    /** {@code now} when a message may go out now, else the instant the quiet hours end. */
    public Instant release(Instant now) {
        if (start.equals(end)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean overMidnight = start.isAfter(end);
        boolean quiet = overMidnight ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
        if (!quiet) {
            return now;
        }
        LocalDate day = overMidnight && !t.isBefore(start) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        return ZonedDateTime.of(day, end, zone).toInstant();
    }
}
