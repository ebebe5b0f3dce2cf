package org.titrate.platform.api;

import java.util.List;

/** 409: the request is well formed but clashes with the current state (stale version, duplicate code, illegal state change). */
public class ConflictException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String detail) {
        super(409, "Conflict", detail, null);
    }

    public ConflictException(String field, String detail) {
        super(409, "Conflict", detail, List.of(new FieldError(field, detail)));
    }

    /** Refuses an update based on an outdated copy of the record. */
    public static void requireCurrentVersion(String what, String code, long current, long sent) {
        if (current != sent) {
            throw new ConflictException("version", what + " '" + code + "' is at version " + current
                    + " but the request was based on version " + sent + "; reload and apply the change again");
        }
    }
}
