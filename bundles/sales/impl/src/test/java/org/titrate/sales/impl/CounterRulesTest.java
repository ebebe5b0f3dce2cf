package org.titrate.sales.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.titrate.platform.api.ValidationException;
import org.titrate.sales.api.OrderLine;
import org.titrate.sales.api.TillSummary;

/** The till's arithmetic: change, what a sale still allows back, the day's summary. */
public class CounterRulesTest {

    @Test
    public void changeIsWhatWasPaidAboveTheTotal() {
        assertEquals(new BigDecimal("13.50"), CounterRules.change(new BigDecimal("200"), new BigDecimal("186.50")));
        assertEquals(new BigDecimal("0.00"), CounterRules.change(new BigDecimal("186.50"), new BigDecimal("186.50")));
        try {
            CounterRules.change(new BigDecimal("186.49"), new BigDecimal("186.50"));
            fail("paying less than the total must be refused");
        } catch (ValidationException e) {
            assertEquals("payment.amount", e.errors().get(0).field());
        }
    }

    @Test
    public void aReturnTakesBackAtMostWhatTheSaleShippedLessEarlierReturns() {
        Map<String, BigDecimal> shipped = Map.of("NACL-500", new BigDecimal("5"), "KOH-1", new BigDecimal("2"));
        Map<String, BigDecimal> returned = Map.of("NACL-500", new BigDecimal("3"));
        CounterRules.requireReturnable("SO-1", List.of(line("NACL-500", "-2"), line("KOH-1", "-2")), shipped, returned);
        try {
            CounterRules.requireReturnable("SO-1", List.of(line("NACL-500", "-1"), line("NACL-500", "-2"), line("H2SO4", "-1")), shipped,
                    returned);
            fail("more than shipped must be refused");
        } catch (ValidationException e) {
            List<String> fields = e.errors().stream().map(x -> x.field()).toList();
            assertEquals(List.of("lines[1].quantity", "lines[2].quantity"), fields);
            assertTrue(e.errors().get(1).message(), e.errors().get(1).message().contains("did not sell H2SO4"));
        }
    }

    @Test
    public void theSummaryNetsSalesAndReturnsPerMethodAndCurrency() {
        TillSummary s = CounterRules.summary(LocalDate.of(2026, 11, 30), List.of(
                new CounterRules.Group(CounterRules.SALE, "CASH", "CNY", 3, new BigDecimal("300.00")),
                new CounterRules.Group(CounterRules.RETURN, "CASH", "CNY", 1, new BigDecimal("-40.00")),
                new CounterRules.Group(CounterRules.SALE, "ALIPAY", "CNY", 2, new BigDecimal("99.90"))));
        assertEquals(2, s.lines().size());
        TillSummary.Line alipay = s.lines().get(0);
        TillSummary.Line cash = s.lines().get(1);
        assertEquals("ALIPAY", alipay.method());
        assertEquals(new BigDecimal("99.90"), alipay.net());
        assertEquals(0, alipay.returnCount());
        assertEquals(new BigDecimal("300.00"), cash.sales());
        assertEquals(new BigDecimal("-40.00"), cash.returns());
        assertEquals(new BigDecimal("260.00"), cash.net());
        assertEquals(3, cash.saleCount());
        assertEquals(1, cash.returnCount());
    }

    private static OrderLine line(String sku, String quantity) {
        return OrderLine.of(sku, null, new BigDecimal(quantity), null, null, null, null);
    }
}
