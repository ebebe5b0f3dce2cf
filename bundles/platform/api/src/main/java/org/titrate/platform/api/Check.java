package org.titrate.platform.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every problem of one request before failing, so that the client learns about all bad
 * fields at once. Each method returns the normalised value (trimmed text, scaled decimal) or null.
 */
public final class Check {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Digits, spaces, plus, dashes, parentheses and an extension: enough for Chinese landlines and mobiles. */
    private static final Pattern PHONE = Pattern.compile("[+0-9()\\- ]{3,30}(?:[ ]?(?:ext|x|转)[ ]?[0-9]{1,6})?");

    private final List<FieldError> errors = new ArrayList<>();

    /** The request body; a missing one is a 400 naming {@code body}. */
    public static <T> T body(T body) {
        if (body == null) {
            throw new ValidationException("body", "is required");
        }
        return body;
    }

    /** The version an update is based on; optimistic locking needs it. */
    public static long version(Long sent) {
        if (sent == null) {
            throw new ValidationException("version", "is required: send the version you read");
        }
        return sent;
    }

    public void fail(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public String text(String field, String value, int maxLength, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                fail(field, "is required");
            }
            return null;
        }
        // UTF-16 units, the stricter count: Derby measures VARCHAR that way, PostgreSQL in code points,
        // so a name in CJK Extension B characters must fit both.
        if (v.length() > maxLength) {
            fail(field, "must be at most " + maxLength + " characters");
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                fail(field, "must not contain control characters");
                return null;
            }
        }
        return v;
    }

    public String code(String field, String value, boolean required) {
        String v = text(field, value, 40, required);
        if (v != null && !CODE.matcher(v).matches()) {
            fail(field, "must be 1-40 letters, digits, '.', '_' or '-', starting with a letter or digit");
            return null;
        }
        return v;
    }

    public String email(String field, String value) {
        String v = text(field, value, 200, false);
        if (v != null && !EMAIL.matcher(v).matches()) {
            fail(field, "is not an e-mail address");
            return null;
        }
        return v;
    }

    public String phone(String field, String value) {
        String v = text(field, value, 40, false);
        if (v != null && !PHONE.matcher(v).matches()) {
            fail(field, "is not a phone number");
            return null;
        }
        return v;
    }

    public <T> T required(String field, T value) {
        if (value == null) {
            fail(field, "is required");
        }
        return value;
    }

    /**
     * A decimal within [min, max] with at most {@code maxScale} decimal places; the value comes back
     * with exactly that scale, so 12.5 is stored as 12.50.
     */
    public BigDecimal decimal(String field, BigDecimal value, BigDecimal min, BigDecimal max, int maxScale, boolean required) {
        if (value == null) {
            if (required) {
                fail(field, "is required");
            }
            return null;
        }
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() > maxScale) {
            fail(field, "must have at most " + maxScale + " decimal places");
            return null;
        }
        if (min != null && v.compareTo(min) < 0) {
            fail(field, "must be at least " + min.toPlainString());
            return null;
        }
        if (max != null && v.compareTo(max) > 0) {
            fail(field, "must be at most " + max.toPlainString());
            return null;
        }
        return v.setScale(maxScale);
    }

    public Integer range(String field, Integer value, int min, int max, boolean required) {
        if (value == null) {
            if (required) {
                fail(field, "is required");
            }
            return null;
        }
        if (value < min || value > max) {
            fail(field, "must be between " + min + " and " + max);
            return null;
        }
        return value;
    }

    /** Both ends of a date range ({@code from}, {@code to}, either may be left out), refusing one that ends before it starts. */
    public java.time.LocalDate[] dateRange(String rawFrom, String rawTo) {
        java.time.LocalDate from = date("from", rawFrom);
        java.time.LocalDate to = date("to", rawTo);
        if (from != null && to != null && to.isBefore(from)) {
            fail("to", "must not be before 'from'");
        }
        return new java.time.LocalDate[] {from, to};
    }

    /** Parses a date {@code YYYY-MM-DD} from a query parameter or wire text. */
    public java.time.LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return date(field, java.time.LocalDate.parse(raw.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            fail(field, "must be a date YYYY-MM-DD");
            return null;
        }
    }

    /** A date within the years 1 to 9999, the range every supported database stores and every date calculation survives. */
    public java.time.LocalDate date(String field, java.time.LocalDate value) {
        if (value != null && (value.getYear() < 1 || value.getYear() > 9999)) {
            fail(field, "must be a date between the years 1 and 9999");
            return null;
        }
        return value;
    }

    /** Parses an integer from a query parameter. */
    public Integer integer(String field, String raw, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return range(field, Integer.valueOf(raw.strip()), min, max, false);
        } catch (NumberFormatException e) {
            fail(field, "must be a whole number");
            return null;
        }
    }

    /** An ISO 4217 currency code; {@link Money#DEFAULT_CURRENCY} when absent. */
    public String currency(String field, String value) {
        String v = text(field, value, 3, false);
        if (v == null) {
            return errors.stream().anyMatch(e -> e.field().equals(field)) ? null : Money.DEFAULT_CURRENCY;
        }
        try {
            return Currency.getInstance(v).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            fail(field, "is not an ISO 4217 currency code");
            return null;
        }
    }

    /** Parses an enum from a query parameter, naming the allowed values when it does not match. */
    public <E extends Enum<E>> E choice(String field, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(raw.strip())) {
                return e;
            }
        }
        fail(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        return null;
    }

    /** Parses a boolean from a query parameter. */
    public Boolean bool(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                fail(field, "must be true or false");
                yield null;
            }
        };
    }
}
