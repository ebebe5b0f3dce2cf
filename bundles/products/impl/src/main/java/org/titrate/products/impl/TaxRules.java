package org.titrate.products.impl;

import java.math.BigDecimal;
import java.util.List;
import org.titrate.platform.api.Check;

/** What the tax system accepts as a product's VAT rate and classification code. */
public final class TaxRules {
    /** The VAT rates of the PRC (13 % goods, 9 %, 6 %, the small-taxpayer levy rates 5 %, 3 %, 1 %, and zero). */
    public static final List<BigDecimal> RATES = List.of(new BigDecimal("0.13"), new BigDecimal("0.09"), new BigDecimal("0.06"),
            new BigDecimal("0.05"), new BigDecimal("0.03"), new BigDecimal("0.01"), BigDecimal.ZERO);

    public static final int SPECIFICATION_LENGTH = 40;

    private TaxRules() {
    }

    public static BigDecimal rate(Check check, BigDecimal rate) {
        if (rate == null) {
            check.fail("taxRate", "is required");
            return null;
        }
        for (BigDecimal r : RATES) {
            if (r.compareTo(rate) == 0) {
                return r;
            }
        }
        check.fail("taxRate", "must be one of the VAT rates 0.13, 0.09, 0.06, 0.05, 0.03, 0.01 or 0, not " + rate.toPlainString());
        return null;
    }

    /** The classification code: 19 digits, the first not 0. */
    public static String code(Check check, String code) {
        String c = code == null ? null : code.strip();
        if (c == null || c.isEmpty()) {
            check.fail("taxCode", "is required");
            return null;
        }
        if (!c.matches("[1-9][0-9]{18}")) {
            check.fail("taxCode", "must be the 19-digit tax classification code (税收分类编码), e.g. 1070213010000000000");
            return null;
        }
        return c;
    }

    /**
     * The specification (规格型号): optional, at most {@value #SPECIFICATION_LENGTH} characters, the width the
     * tax system's batch import gives the column; no control characters (it is printed on the invoice).
     */
    public static String specification(Check check, String specification) {
        String s = specification == null ? null : specification.strip();
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (s.length() > SPECIFICATION_LENGTH) {
            check.fail("specification", "must be at most " + SPECIFICATION_LENGTH + " characters, not " + s.length());
            return null;
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            check.fail("specification", "must not hold control characters (tabs, line breaks)");
            return null;
        }
        return s;
    }
}
