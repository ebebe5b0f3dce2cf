package org.titrate.customers.impl;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) that is a Chinese company's tax id: 18 characters
 * from {@code 0-9A-HJ-NPQRTUWXY} (no I, O, S, V, Z), the last a check character computed from the first 17.
 */
public final class TaxIds {
    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private TaxIds() {
    }

    /** Why {@code id} is not a valid code, or null when it is. */
    public static String problem(String id) {
        if (id == null || id.length() != 18) {
            return "must be the 18-character unified social credit code (统一社会信用代码)";
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int v = CHARS.indexOf(id.charAt(i));
            if (v < 0) {
                return "may hold only digits and the capital letters of 0-9A-HJ-NPQRTUWXY, not '" + id.charAt(i) + "'";
            }
            if (i < 17) {
                sum += v * WEIGHTS[i];
            }
        }
        char check = CHARS.charAt((31 - sum % 31) % 31);
        return id.charAt(17) == check ? null : "check character does not match: a typing error in the unified social credit code";
    }
}
