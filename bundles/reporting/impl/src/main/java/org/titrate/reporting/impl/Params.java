package org.titrate.reporting.impl;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.time.BusinessClock;

/**
 * A report's parameters as the client sent them, checked: every read names its parameter when the value is
 * bad, {@link #done()} refuses parameters the report does not take, and {@link #applied()} lists every value
 * in effect (defaults included) for the answer.
 */
final class Params {
    private final Map<String, String> raw;
    private final Check check = new Check();
    private final Map<String, String> applied = new LinkedHashMap<>();
    private final Set<String> known;

    Params(Map<String, String> raw, List<String> accepted) {
        this.raw = raw == null ? Map.of() : raw;
        this.known = new java.util.HashSet<>(accepted);
    }

    private String get(String name) {
        String v = raw.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    boolean has(String name) {
        return get(name) != null;
    }

    Period period() {
        Period p = Period.parse(check, get("from"), get("to"), BusinessClock.today());
        if (p != null) {
            applied.put("from", p.from().toString());
            applied.put("to", p.to().toString());
        }
        return p;
    }

    LocalDate asOf() {
        LocalDate d = check.date("asOf", get("asOf"));
        d = d == null ? BusinessClock.today() : d;
        applied.put("asOf", d.toString());
        return d;
    }

    /** One of {@code allowed} (case-insensitive), the first one when absent. */
    String choice(String name, List<String> allowed) {
        String v = get(name);
        if (v == null) {
            v = allowed.get(0);
        } else {
            String given = v;
            v = allowed.stream().filter(a -> a.equalsIgnoreCase(given)).findFirst().orElse(null);
            if (v == null) {
                check.fail(name, "must be one of " + String.join(", ", allowed));
                return null;
            }
        }
        applied.put(name, v);
        return v;
    }

    int integer(String name, int fallback, int min, int max) {
        Integer v = check.integer(name, get(name), min, max);
        int value = v == null ? fallback : v;
        applied.put(name, String.valueOf(value));
        return value;
    }

    /** A code filter (warehouse, customer, product, ...): null when not given. */
    String code(String name) {
        String v = check.text(name, get(name), 40, false);
        if (v != null) {
            applied.put(name, v);
        }
        return v;
    }

    String requiredCode(String name) {
        String v = check.text(name, get(name), 40, true);
        if (v != null) {
            applied.put(name, v);
        }
        return v;
    }

    /** A currency filter: {@code fallback} (null: any) when not given. */
    String currency(String fallback) {
        String v = get("currency");
        if (v == null) {
            if (fallback != null) {
                applied.put("currency", fallback);
            }
            return fallback;
        }
        String c = check.currency("currency", v);
        if (c != null) {
            applied.put("currency", c);
        }
        return c;
    }

    /** Throws the collected problems, and one for each parameter the report does not take. */
    void done() {
        for (String name : raw.keySet()) {
            if (!known.contains(name)) {
                check.fail(name, "is not a parameter of this report; it takes " + String.join(", ", known.stream().sorted().toList()));
            }
        }
        check.throwIfInvalid();
    }

    Map<String, String> applied() {
        return applied;
    }
}
