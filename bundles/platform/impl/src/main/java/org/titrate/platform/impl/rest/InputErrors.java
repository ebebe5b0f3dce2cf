package org.titrate.platform.impl.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.titrate.platform.api.FieldError;

/**
 * The fields of the request being served that could not even be read (a word where a number belongs, an unknown
 * enum value): the platform reads such a body leniently, leaving those fields empty, so that the module's validation
 * still runs and the 400 names every bad field at once. Bound to the request's thread; the platform clears it.
 */
public final class InputErrors {
    private static final ThreadLocal<List<FieldError>> ERRORS = new ThreadLocal<>();

    private InputErrors() {
    }

    public static void add(List<FieldError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        List<FieldError> list = ERRORS.get();
        if (list == null) {
            list = new ArrayList<>();
            ERRORS.set(list);
        }
        list.addAll(errors);
    }

    /** The errors collected so far, and none afterwards. */
    public static List<FieldError> take() {
        List<FieldError> list = ERRORS.get();
        ERRORS.remove();
        return list == null ? List.of() : list;
    }

    public static void clear() {
        ERRORS.remove();
    }

    /**
     * One list naming each bad field once: the type errors first; a rule broken by the same field (for instance
     * "is required", because the unreadable value was left empty) adds nothing to what its type error says.
     */
    public static List<FieldError> merge(List<FieldError> unreadable, List<FieldError> invalid) {
        Map<String, FieldError> byField = new LinkedHashMap<>();
        for (FieldError e : unreadable) {
            byField.putIfAbsent(e.field(), e);
        }
        List<FieldError> merged = new ArrayList<>(byField.values());
        for (FieldError e : invalid) {
            if (!byField.containsKey(e.field())) {
                merged.add(e);
            }
        }
        return merged;
    }
}
