package org.titrate.platform.api;

import java.util.List;

/** 400: the request is malformed; every bad field is named. */
public class ValidationException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public ValidationException(List<FieldError> errors) {
        super(400, "Invalid input", describe(errors), errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    private static String describe(List<FieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + ": " + errors.get(0).message();
        }
        return errors.size() + " fields are invalid";
    }
}
