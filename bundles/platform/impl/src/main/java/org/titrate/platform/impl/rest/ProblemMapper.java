package org.titrate.platform.impl.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
            return Problems.response(problem);
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
            return Problems.response(problem);
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
        StreamConstraintsException limit = Problems.find(e, StreamConstraintsException.class);
        if (limit != null) {
            ProblemException p = limit(limit);
            return Problems.response(p);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            FieldError error = fieldError(mapping);
            return Problems.response(400, "Invalid input", error.field() + ": " + error.message(), List.of(error));
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null && e.getLocation() != null
                && !(e instanceof InvalidFormatException)) {
            // a body of the wrong shape altogether ([...] where an object belongs)
            String message = "must be " + describe(mismatched.getTargetType());
            return Problems.response(400, "Invalid input", "body: " + message, List.of(new FieldError("body", message)));
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Duplicate field '")) {
            String name = original.substring("Duplicate field '".length(), Math.max("Duplicate field '".length(), original.lastIndexOf('\'')));
            return Problems.response(400, "Invalid input", name + ": appears more than once", List.of(new FieldError(name, "appears more than once")));
        }
        String message = "is not well-formed JSON (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")";
        return Problems.response(400, "Invalid input", "body: " + message, List.of(new FieldError("body", message)));
    }

    /** The field a mapping error is about and what its value must be. */
    static FieldError fieldError(JsonMappingException e) {
        String field = path(e);
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
        return new FieldError(field, message);
    }

    /** Jackson's read limits (set from RequestLimits), told in the words of the setting that holds them. */
    private static ProblemException limit(StreamConstraintsException e) {
        String field = "body";
        if (e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser && parser.getParsingContext() != null) {
            String name = parser.getParsingContext().getCurrentName();
            field = name == null ? "body" : name;
        }
        return limit(e, field);
    }

    /** The refusal of a body that broke one of Jackson's read limits at this field. */
    static ProblemException limit(StreamConstraintsException e, String field) {
        RequestLimits.Limits l = RequestLimits.current();
        String said = String.valueOf(e.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
        if (said.contains("nesting depth")) {
            return RequestLimits.refused(400, "body", "nests objects and arrays deeper than " + l.maxJsonDepth(), "maxJsonDepth", l.maxJsonDepth());
        }
        if (said.contains("number value length")) {
            return RequestLimits.refused(400, field, "is a number longer than " + l.maxNumberLength() + " characters", "maxNumberLength",
                    l.maxNumberLength());
        }
        if (said.contains("name length")) {
            return RequestLimits.refused(400, "body", "has a field name that is too long", "maxStringLength", l.maxStringLength());
        }
        return RequestLimits.refused(400, field, "is a string longer than " + l.maxStringLength() + " characters", "maxStringLength",
                l.maxStringLength());
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
