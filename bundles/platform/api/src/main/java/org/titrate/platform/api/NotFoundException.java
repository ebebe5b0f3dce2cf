package org.titrate.platform.api;

/** 404: no record with that id or code. */
public class NotFoundException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, String idOrCode) {
        super(404, "Not found", what + " '" + idOrCode + "' does not exist", null);
    }
}
