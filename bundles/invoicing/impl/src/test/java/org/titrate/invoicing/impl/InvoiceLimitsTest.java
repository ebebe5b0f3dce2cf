package org.titrate.invoicing.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.Test;
import org.titrate.invoicing.api.InvoiceType;
import org.titrate.platform.api.ValidationException;

/** The company's limits per invoice: amount before tax per type, lines per invoice; none unless configured. */
public class InvoiceLimitsTest {

    private static String refused(InvoiceLimits limits, InvoiceType type, int lines, String amount) {
        try {
            limits.check(type, lines, new BigDecimal(amount), "orderNumbers");
            fail("allowed " + type + " " + lines + " " + amount);
            return null;
        } catch (ValidationException e) {
            assertEquals("orderNumbers", e.errors().get(0).field());
            return e.errors().get(0).message();
        }
    }

    @Test
    public void theAmountBeforeTaxAndTheLinesAreHeldToWhatIsConfigured() {
        InvoiceLimits limits = new InvoiceLimits();
        limits.check(InvoiceType.SPECIAL, 5000, new BigDecimal("99999999.99"), "lines");
        limits.set(Map.of(InvoiceType.SPECIAL, new BigDecimal("100000")), 8);
        limits.check(InvoiceType.SPECIAL, 8, new BigDecimal("100000.00"), "lines");
        limits.check(InvoiceType.ORDINARY, 8, new BigDecimal("100000.01"), "lines");
        assertTrue(refused(limits, InvoiceType.SPECIAL, 8, "100000.01").contains("单张发票最高开票限额"));
        assertTrue(refused(limits, InvoiceType.ELECTRONIC, 9, "1.00").contains("at most 8 lines"));
    }
}
