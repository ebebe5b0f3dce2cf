package org.titrate.platform.impl.rest;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Response;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.api.ProblemException;

/** Builds RFC 7807 responses; filters and the exception mapper share it. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /**
     * What a failure means for the client, wherever it surfaced (REST or SOAP): our own problem
     * exceptions as they are; duplicate keys, optimistic-lock failures and lock timeouts as 409;
     * values the database refuses (SQL state class 22) as 400. Null for a genuine server error.
     */
    public static ProblemException classify(Throwable e) {
        ProblemException problem = find(e, ProblemException.class);
        if (problem != null) {
            return problem;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("OptimisticLockException")) {
                return new ProblemException(409, "Conflict", "The record was changed by someone else meanwhile; reload it and try again", null);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        SQLException sql = find(e, SQLException.class);
        String state = sql == null ? null : sql.getSQLState();
        if (state != null) {
            if (state.startsWith("23")) {
                return new ProblemException(409, "Conflict", "A record with the same code or number already exists", null);
            }
            if (state.equals("40001") || state.startsWith("40XL") || state.equals("40P01")) {
                return new ProblemException(409, "Conflict", "The record is being changed by another request; try again", null);
            }
            if (state.startsWith("22")) {
                return new ProblemException(400, "Invalid input", "A value is not acceptable to the database (too long or malformed)", null);
            }
        }
        return null;
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    public static Response response(int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(MEDIA_TYPE).entity(body(status, title, detail, errors)).build();
    }

    public static Response response(ProblemException p) {
        return response(p.status(), p.title(), p.detail(), p.errors());
    }

    /** The RFC 7807 body every refusal carries, also where no JAX-RS response is at hand (a servlet filter). */
    static Map<String, Object> body(int status, String title, String detail, List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("errors", errors == null ? List.of() : errors);
        return body;
    }
}
