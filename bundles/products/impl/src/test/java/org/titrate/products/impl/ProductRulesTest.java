package org.titrate.products.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import org.junit.Test;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.api.ValidationException;
import org.titrate.products.api.Product;

public class ProductRulesTest {

    @Test
    public void normalisesAValidDangerousGood() {
        Product p = ProductRules.validate(Product.of(" NAOH-25 ", "氢氧化钠", null, "袋", "1310-73-2", "un1823", "8", "II",
                new BigDecimal("120.5"), null, true, 730));
        assertEquals("NAOH-25", p.sku());
        assertEquals("UN1823", p.unNumber());
        assertEquals("120.50", p.listPrice().toPlainString());
        assertEquals("CNY", p.currency());
        assertTrue(p.active());
    }

    @Test
    public void aUnNumberNeedsAHazardClass() {
        try {
            ProductRules.validate(Product.of("X", "x", null, "kg", null, "UN1823", null, null, BigDecimal.ONE, null, false, null));
            fail();
        } catch (ValidationException e) {
            assertEquals("hazardClass", e.errors().get(0).field());
        }
    }

    @Test
    public void reportsAllBadFields() {
        try {
            ProductRules.validate(Product.of("", "", null, "", "50-00-1", "x", "10", "IV", new BigDecimal("-1"), "RMB", false, 0));
            fail();
        } catch (ValidationException e) {
            assertEquals(java.util.List.of("sku", "name", "unit", "casNumber", "unNumber", "hazardClass", "packingGroup", "listPrice",
                    "currency", "shelfLifeDays"), e.errors().stream().map(FieldError::field).toList());
        }
    }
}
