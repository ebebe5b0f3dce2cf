package org.titrate.products.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import org.junit.Test;
import org.titrate.platform.api.Check;

/** A product's VAT rate is one of the PRC's rates, its classification code 19 digits. */
public class TaxRulesTest {

    @Test
    public void theVatRatesAndNineteenDigitCodesPass() {
        Check check = new Check();
        assertEquals(new BigDecimal("0.13"), TaxRules.rate(check, new BigDecimal("0.1300")));
        assertEquals(BigDecimal.ZERO, TaxRules.rate(check, new BigDecimal("0.00")));
        assertEquals("1070213010000000000", TaxRules.code(check, " 1070213010000000000 "));
        assertTrue(check.ok());
    }

    @Test
    public void otherRatesAndCodesAreRefusedNamingTheField() {
        Check check = new Check();
        TaxRules.rate(check, new BigDecimal("0.17"));
        TaxRules.code(check, "107021301000000000A");
        TaxRules.code(check, "0070213010000000000");
        assertEquals(java.util.List.of("taxRate", "taxCode", "taxCode"), check.errors().stream().map(e -> e.field()).toList());
    }

    @Test
    public void theSpecificationIsOptionalShortAndOnOneLine() {
        Check check = new Check();
        assertEquals("99.2% 40kg/袋", TaxRules.specification(check, " 99.2% 40kg/袋 "));
        assertEquals(null, TaxRules.specification(check, "  "));
        TaxRules.specification(check, "x".repeat(TaxRules.SPECIFICATION_LENGTH + 1));
        TaxRules.specification(check, "40kg\n袋");
        assertEquals(java.util.List.of("specification", "specification"), check.errors().stream().map(e -> e.field()).toList());
    }
}
