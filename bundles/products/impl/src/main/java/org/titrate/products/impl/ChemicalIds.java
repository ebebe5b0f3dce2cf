package org.titrate.products.impl;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rules for the identifiers of chemicals: CAS registry numbers, UN numbers, UN hazard classes. */
final class ChemicalIds {
    private static final Pattern CAS = Pattern.compile("(\\d{2,7})-(\\d{2})-(\\d)");
    private static final Pattern UN = Pattern.compile("(?:UN)?\\s?(\\d{4})", Pattern.CASE_INSENSITIVE);
    /** UN Model Regulations classes and divisions. */
    public static final Set<String> HAZARD_CLASSES = Set.of(
            "1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2", "2.3", "3", "4.1", "4.2", "4.3",
            "5.1", "5.2", "6.1", "6.2", "7", "8", "9");
    public static final Set<String> PACKING_GROUPS = Set.of("I", "II", "III");

    private ChemicalIds() {
    }

    /**
     * True when {@code cas} has the form {@code NNNNNNN-NN-N} and its check digit is right: the
     * digits before it, weighted 1, 2, 3, ... from the right, sum to the check digit modulo 10.
     */
    public static boolean isValidCas(String cas) {
        Matcher m = CAS.matcher(cas);
        if (!m.matches()) {
            return false;
        }
        String digits = m.group(1) + m.group(2);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(digits.length() - 1 - i) - '0') * (i + 1);
        }
        return sum % 10 == m.group(3).charAt(0) - '0';
    }

    /** {@code UN1823}, {@code un 1823} or {@code 1823} become {@code UN1823}; anything else gives null. */
    public static String normalizeUn(String un) {
        Matcher m = UN.matcher(un.strip());
        return m.matches() && !m.group(1).equals("0000") ? "UN" + m.group(1) : null;
    }
}
