package org.titrate.sales.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.Test;

/** Exposure, what is left of the limit, and when old debts block. */
public class CreditRulesTest {

    @Test
    public void exposureAddsReceivablesUnshippedOrdersAndThisOrder() {
        assertEquals(new BigDecimal("1750.50"), CreditRules.exposure(new BigDecimal("1000"), new BigDecimal("500.50"), new BigDecimal("250")));
        assertEquals(new BigDecimal("250.00"), CreditRules.exposure(null, null, new BigDecimal("250")));
        // A credit (negative receivables) lowers the exposure.
        assertEquals(new BigDecimal("50.00"), CreditRules.exposure(new BigDecimal("-200"), BigDecimal.ZERO, new BigDecimal("250")));
    }

    @Test
    public void theLimitIsExceededOnlyAboveIt() {
        assertFalse(CreditRules.exceeds(new BigDecimal("1000"), new BigDecimal("1000.00")));
        assertTrue(CreditRules.exceeds(new BigDecimal("1000"), new BigDecimal("1000.01")));
        assertFalse("no limit, no check", CreditRules.exceeds(null, new BigDecimal("99999999")));
        assertEquals(new BigDecimal("-0.01"), CreditRules.available(new BigDecimal("1000"), new BigDecimal("1000.01")));
        assertNull(CreditRules.available(null, BigDecimal.ONE));
        assertNull("zero is how customers stores no limit", CreditRules.limitOf(new BigDecimal("0.00")));
        assertEquals(new BigDecimal("1000"), CreditRules.limitOf(new BigDecimal("1000")));
    }

    @Test
    public void overdueDebtsBlockFromTheConfiguredDay() {
        assertNull(CreditRules.blockingDueBefore(LocalDate.of(2026, 11, 30), 0));
        assertEquals(LocalDate.of(2026, 10, 31), CreditRules.blockingDueBefore(LocalDate.of(2026, 11, 30), 30));
    }

    @Test
    public void theRefusalNamesExposureAndLimit() {
        String m = CreditRules.overLimit("C1", new BigDecimal("1200.00"), new BigDecimal("1000"), "CNY");
        assertTrue(m, m.contains("1200.00 CNY") && m.contains("1000 CNY"));
    }
}
