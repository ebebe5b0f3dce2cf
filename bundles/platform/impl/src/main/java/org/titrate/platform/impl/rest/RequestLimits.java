package org.titrate.platform.impl.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.ProblemException;

/**
 * The limits every request to the REST API (and, where they apply, SOAP) is held to, so that one client's request can
 * cost the server only so much: body size, JSON nesting depth, string and number length, digits of a decimal, items in
 * a list (the lines of a document), page size and requests at once per client. Set from PID {@code org.titrate.platform}
 * ({@code PlatformSettings}); a change applies to the next request. Each refusal names the limit and its setting.
 */
public final class RequestLimits {
    /** The settings, in one immutable value. */
    public record Limits(long maxBodyBytes, int maxJsonDepth, int maxStringLength, int maxNumberLength, int maxDecimalDigits,
            int maxLinesPerDocument, int maxPageSize, int maxConcurrentRequestsPerClient) {
    }

    public static final Limits DEFAULTS = new Limits(2L * 1024 * 1024, 32, 10_000, 64, 38, 1000, PageRequest.MAX_LIMIT, 16);

    private static volatile Limits current = DEFAULTS;

    private RequestLimits() {
    }

    public static Limits current() {
        return current;
    }

    /** Takes new limits; values below 1 keep the default of that limit. */
    public static synchronized void apply(Limits wanted) {
        Limits l = new Limits(wanted.maxBodyBytes() < 1 ? DEFAULTS.maxBodyBytes() : wanted.maxBodyBytes(),
                positive(wanted.maxJsonDepth(), DEFAULTS.maxJsonDepth()), positive(wanted.maxStringLength(), DEFAULTS.maxStringLength()),
                positive(wanted.maxNumberLength(), DEFAULTS.maxNumberLength()), positive(wanted.maxDecimalDigits(), DEFAULTS.maxDecimalDigits()),
                positive(wanted.maxLinesPerDocument(), DEFAULTS.maxLinesPerDocument()),
                Math.min(positive(wanted.maxPageSize(), DEFAULTS.maxPageSize()), PageRequest.MAX_LIMIT),
                positive(wanted.maxConcurrentRequestsPerClient(), DEFAULTS.maxConcurrentRequestsPerClient()));
        current = l;
        Json.MAPPER.getFactory().setStreamReadConstraints(constraints(l));
        PageRequest.useClientLimit(l.maxPageSize());
    }

    static StreamReadConstraints constraints(Limits l) {
        return StreamReadConstraints.builder()
                .maxNestingDepth(l.maxJsonDepth())
                .maxStringLength(l.maxStringLength())
                .maxNumberLength(l.maxNumberLength())
                .maxNameLength(Math.min(l.maxStringLength(), 1000))
                .build();
    }

    private static int positive(int value, int fallback) {
        return value < 1 ? fallback : value;
    }

    /** A refusal naming the limit: 400 for a value or a body shape, 413 for the body's size, 429 for requests at once. */
    static ProblemException refused(int status, String field, String what, String setting, Object value) {
        String message = what + " (limit " + setting + " = " + value + ")";
        String title = switch (status) {
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            default -> "Invalid input";
        };
        return new ProblemException(status, title, field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** What the JSON mapping adds: lists of at most {@code maxLinesPerDocument} items, decimals of bounded size. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("titrate-limits");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new BoundedList(deserializer);
            }
        });
        module.addDeserializer(BigDecimal.class, new BoundedDecimal());
        return module;
    }

    /** The field a parser stands in, as the API names fields ({@code lines[1].quantity}); {@code body} at the top. */
    static String field(JsonParser p) {
        String path = p.getParsingContext().pathAsPointer().toString().replaceFirst("^/", "").replace('/', '.');
        return path.isEmpty() ? "body" : path.replaceAll("\\.(\\d+)(?=\\.|$)", "[$1]");
    }

    /** A list holds at most {@code maxLinesPerDocument} items: the lines of a document, or any other list of a body. */
    static final class BoundedList extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;

        BoundedList(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new BoundedList(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            int max = current.maxLinesPerDocument();
            if (value instanceof Collection<?> c && c.size() > max) {
                throw refused(400, field(p), "must hold at most " + max + " items, not " + c.size(), "maxLinesPerDocument", max);
            }
            return value;
        }
    }

    /**
     * A decimal of at most {@code maxDecimalDigits} significant digits and an exponent no wider than that: {@code 1e1000000}
     * is nine characters but a number no rounding or database column can take; it is refused where it is read.
     */
    static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {
        private static final long serialVersionUID = 1L;

        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            String text = p.getText();
            int max = current.maxDecimalDigits();
            BigDecimal value;
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException e) {
                return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, text, "not a decimal");
            }
            if (value.precision() > max || Math.abs((long) value.scale()) > max) {
                throw refused(400, field(p), "must be a number of at most " + max + " digits", "maxDecimalDigits", max);
            }
            return value;
        }
    }
}
