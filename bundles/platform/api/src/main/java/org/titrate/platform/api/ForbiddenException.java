package org.titrate.platform.api;

/** 403: the signed-in user lacks the role for this action. */
public class ForbiddenException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String detail) {
        super(403, "Forbidden", detail, null);
    }
}
