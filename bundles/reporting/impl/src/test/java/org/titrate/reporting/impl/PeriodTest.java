package org.titrate.reporting.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import java.time.LocalDate;
import org.junit.Test;
import org.titrate.platform.api.Check;

public class PeriodTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 2, 14);

    private static String failedField(String from, String to) {
        Check check = new Check();
        assertNull(Period.parse(check, from, to, TODAY));
        assertFalse(check.ok());
        return check.errors().get(0).field();
    }

    @Test
    public void withoutEndsItIsTheCurrentMonth() {
        assertEquals(new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)), Period.parse(new Check(), null, " ", TODAY));
    }

    @Test
    public void oneEndGivesItsMonth() {
        assertEquals(new Period(LocalDate.of(2024, 2, 10), LocalDate.of(2024, 2, 29)), Period.parse(new Check(), "2024-02-10", null, TODAY));
        assertEquals(new Period(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 3)), Period.parse(new Check(), null, "2025-07-03", TODAY));
    }

    @Test
    public void badInputNamesTheParameter() {
        assertEquals("from", failedField("2026-13-01", "2026-12-31"));
        assertEquals("to", failedField("2026-01-01", "yesterday"));
        assertEquals("to", failedField("2026-03-01", "2026-02-28"));
        assertEquals("to", failedField("2016-01-01", "2026-01-01"));
    }

    @Test
    public void tenYearsAreAllowed() {
        Period p = Period.parse(new Check(), "2016-01-01", "2025-12-31", TODAY);
        assertEquals(3653, p.days());
    }

    @Test
    public void thePreviousPeriodHasTheSameLengthAndEndsTheDayBefore() {
        Period march = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        assertEquals(new Period(LocalDate.of(2026, 1, 29), LocalDate.of(2026, 2, 28)), march.previous());
    }
}
