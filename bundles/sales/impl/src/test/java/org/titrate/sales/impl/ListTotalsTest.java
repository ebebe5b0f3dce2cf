package org.titrate.sales.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.Test;
import org.titrate.sales.api.CurrencyTotals;

public class ListTotalsTest {

    /** Issue 11, item 11: once one USD order existed, the unfiltered list's totals were all null and nothing said what they were. */
    @Test
    public void aListInTwoCurrenciesHasItsSumsPerCurrency() {
        ListTotals t = ListTotals.of(List.of(new Object[] {"CNY", 3L, new BigDecimal("1200.00"), new BigDecimal("-200.00")},
                new Object[] {"USD", 1L, new BigDecimal("99.5"), BigDecimal.ZERO}), null);
        assertEquals(4, t.count());
        assertNull(t.totals().shippedAmount());
        assertNull(t.totals().netAmount());
        assertNull(t.totals().currency());
        assertEquals(List.of(new CurrencyTotals("CNY", new BigDecimal("1200.00"), new BigDecimal("-200.00"), new BigDecimal("1000.00")),
                new CurrencyTotals("USD", new BigDecimal("99.50"), new BigDecimal("0.00"), new BigDecimal("99.50"))), t.byCurrency());
    }

    @Test
    public void aListInOneCurrencyKeepsItsTotals() {
        ListTotals t = ListTotals.of(List.<Object[]>of(new Object[] {"USD", 2L, new BigDecimal("10.00"), new BigDecimal("-2.50")}), null);
        assertEquals(new BigDecimal("7.50"), t.totals().netAmount());
        assertEquals("USD", t.totals().currency());
        assertEquals(1, t.byCurrency().size());
        ListTotals none = ListTotals.of(List.of(), "EUR");
        assertEquals(0, none.count());
        assertEquals(new BigDecimal("0.00"), none.totals().netAmount());
        assertEquals("EUR", none.totals().currency());
        assertEquals(List.of(), none.byCurrency());
    }
}
