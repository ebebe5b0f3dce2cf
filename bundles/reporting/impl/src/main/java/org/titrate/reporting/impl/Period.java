package org.titrate.reporting.impl;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import org.titrate.platform.api.Check;

/**
 * A report's period: business days {@code from}..{@code to}, both included. Without either end it is the
 * month of the other end, and without both the current month in the business time zone. A period that ends
 * before it starts, or spans more than ten years, is refused naming {@code to}.
 */
public record Period(LocalDate from, LocalDate to) {
    static final int MAX_YEARS = 10;

    public static Period parse(Check check, String rawFrom, String rawTo, LocalDate today) {
        LocalDate from = check.date("from", rawFrom);
        LocalDate to = check.date("to", rawTo);
        if (!check.ok()) {
            return null;
        }
        if (from == null && to == null) {
            from = today.withDayOfMonth(1);
            to = today.with(TemporalAdjusters.lastDayOfMonth());
        } else if (from == null) {
            from = to.withDayOfMonth(1);
        } else if (to == null) {
            to = from.with(TemporalAdjusters.lastDayOfMonth());
        }
        if (to.isBefore(from)) {
            check.fail("to", "must not be before 'from' (" + from + ")");
            return null;
        }
        if (to.isAfter(from.plusYears(MAX_YEARS).minusDays(1))) {
            check.fail("to", "the period may span at most " + MAX_YEARS + " years");
            return null;
        }
        return new Period(from, to);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of the same length that ends the day before this one starts. */
    public Period previous() {
        LocalDate end = from.minusDays(1);
        return new Period(end.minusDays(days() - 1), end);
    }
}
