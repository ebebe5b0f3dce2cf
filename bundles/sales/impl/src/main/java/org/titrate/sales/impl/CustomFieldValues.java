package org.titrate.sales.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.titrate.platform.api.Check;
import org.titrate.sales.api.CustomField;
import org.titrate.sales.api.CustomFieldType;

/**
 * Custom field values of a document, checked against their definitions and kept in a canonical
 * text form: numbers without trailing zeros, dates as {@code YYYY-MM-DD}. The same canonical form
 * of a filter value is what the order list compares, so {@code cf.drums=4.0} finds {@code 4}.
 */
final class CustomFieldValues {
    /**
     * Values are indexed for filtering; 200 characters stay within PostgreSQL's b-tree entry limit
     * (2 704 bytes) even in four-byte UTF-8. Longer notes belong in the document's comment.
     */
    static final int MAX_TEXT = 200;
    private static final BigDecimal MAX_NUMBER = new BigDecimal("1E15");

    /** A checked value: its type and canonical text. */
    record Value(CustomFieldType type, String text) {
    }

    private CustomFieldValues() {
    }

    /**
     * Checks a document's values; problems go to {@code check} as {@code customFields.<key>}.
     * Inactive definitions accept no values; required ones must have one.
     */
    static Map<String, Value> validate(Check check, Map<String, Object> values, Collection<CustomField> definitions) {
        Map<String, CustomField> byKey = new LinkedHashMap<>();
        definitions.stream().filter(d -> Boolean.TRUE.equals(d.active())).forEach(d -> byKey.put(d.key(), d));
        Map<String, Value> result = new TreeMap<>();
        Map<String, Object> given = values == null ? Map.of() : values;
        for (Map.Entry<String, Object> e : given.entrySet()) {
            String field = "customFields." + e.getKey();
            CustomField def = byKey.get(e.getKey());
            if (def == null) {
                check.fail(field, "unknown field; defined: " + byKey.keySet());
                continue;
            }
            if (e.getValue() == null) {
                continue;
            }
            if (e.getValue() instanceof String blank && blank.isBlank()) {
                continue; // an empty text is no value; a required field then says so
            }
            String text = canonical(check, field, def, e.getValue());
            if (text != null) {
                result.put(def.key(), new Value(def.type(), text));
            }
        }
        for (CustomField def : byKey.values()) {
            if (Boolean.TRUE.equals(def.required()) && !result.containsKey(def.key())) {
                check.fail("customFields." + def.key(), "is required (" + def.label() + ")");
            }
        }
        return result;
    }

    /** The canonical text of a value (from JSON or a query parameter), or null with a problem in {@code check}. */
    static String canonical(Check check, String field, CustomField def, Object raw) {
        switch (def.type()) {
            case NUMBER: {
                BigDecimal n = number(raw);
                if (n == null) {
                    check.fail(field, "must be a number");
                    return null;
                }
                if (n.abs().compareTo(MAX_NUMBER) >= 0 || n.stripTrailingZeros().scale() > 6) {
                    check.fail(field, "must be below 10^15 with at most 6 decimal places");
                    return null;
                }
                return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
            }
            case DATE: {
                if (raw instanceof String s) {
                    try {
                        return LocalDate.parse(s.strip()).toString();
                    } catch (DateTimeParseException e) {
                        // fall through to the message
                    }
                }
                check.fail(field, "must be a date YYYY-MM-DD");
                return null;
            }
            case CHOICE: {
                if (raw instanceof String s && def.choices().contains(s.strip())) {
                    return s.strip();
                }
                check.fail(field, "must be one of " + def.choices());
                return null;
            }
            default: {
                if (!(raw instanceof String s)) {
                    check.fail(field, "must be text");
                    return null;
                }
                return check.text(field, s, MAX_TEXT, false);
            }
        }
    }

    private static BigDecimal number(Object raw) {
        if (raw instanceof BigDecimal b) {
            return b;
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof java.math.BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (raw instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The value as clients see it: numbers as JSON numbers, text, choices and dates as strings. */
    static Object render(CustomFieldType type, String text) {
        return type == CustomFieldType.NUMBER ? new BigDecimal(text) : text;
    }
}
