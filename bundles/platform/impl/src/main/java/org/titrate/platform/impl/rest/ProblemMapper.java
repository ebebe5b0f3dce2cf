package org.titrate.platform.impl.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.UUID;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.api.ProblemException;

/**
 * The single place where exceptions become HTTP answers. Client mistakes get a 4xx naming the
 * field; a 500 is only ever our bug, logged with an incident id the user can quote.
 */
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        ProblemException problem = Problems.find(e, ProblemException.class);
        if (problem != null) {
            return Problems.response(problem.status(), problem.title(), problem.detail(), problem.errors());
        }
        if (e instanceof WebApplicationException wae) {
            return fromWebApplication(wae);
        }
        JsonProcessingException json = Problems.find(e, JsonProcessingException.class);
        if (json != null) {
            return fromJson(json);
        }
        problem = Problems.classify(e);
        if (problem != null) {
            return Problems.response(problem.status(), problem.title(), problem.detail(), problem.errors());
        }
        return Problems.response(500, "Internal error", incident(e), List.of());
    }

    private static Response fromWebApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        JsonProcessingException json = Problems.find(e, JsonProcessingException.class);
        if (json != null) {
            return fromJson(json);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this path";
            case 406 -> "The requested representation is not available; ask for application/json";
            case 415 -> "Send the body as application/json";
            default -> e.getMessage() == null ? title : e.getMessage();
        };
        if (status >= 500) {
            detail = incident(e);
        }
        return Problems.response(status, title, detail, List.of());
    }

    /** Logs a server-side failure under an id the user can quote; returns the detail to show them. */
    private static String incident(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected error, incident {}", incident, e);
        return "Unexpected error; quote incident " + incident + " to support";
    }

    static Response fromJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String message;
            if (e instanceof InvalidFormatException invalid) {
                Class<?> target = invalid.getTargetType();
                message = target != null && target.isEnum()
                        ? "must be one of " + java.util.Arrays.toString(target.getEnumConstants())
                        : "must be " + describe(target);
            } else if (e instanceof MismatchedInputException mismatched) {
                message = "must be " + describe(mismatched.getTargetType());
            } else {
                message = "is not valid here";
            }
            return Problems.response(400, "Invalid input", field + ": " + message, List.of(new FieldError(field, message)));
        }
        String message = "is not well-formed JSON (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")";
        return Problems.response(400, "Invalid input", "body: " + message, List.of(new FieldError("body", message)));
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "body" : b.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.getName().equals("java.time.LocalDate")) {
            return "a date YYYY-MM-DD";
        }
        if (type.getName().equals("java.time.Instant")) {
            return "an ISO-8601 instant";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants()) : "an object";
    }


}
