package org.titrate.platform.impl.rest;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.api.ProblemException;

/**
 * Reads a body field by field: a field whose value cannot be read as its type is left empty and named in
 * {@link InputErrors}, and the rest of the body is read as usual, so that the module's validation still runs and one
 * 400 names every bad field (type errors, missing fields and broken rules alike). A well-formed body costs nothing
 * extra; a body with wrong types is read once more per bad field. A body that is not JSON at all, or breaks a limit,
 * is refused as before.
 */
public class LenientJsonProvider extends JacksonJsonProvider {
    /** More bad fields than this, and the body is refused on the first: no request needs more to be told. */
    private static final int MAX_BAD_FIELDS = 200;

    public LenientJsonProvider() {
        super(Json.MAPPER);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream entityStream) throws IOException {
        byte[] body = entityStream.readAllBytes();
        try {
            return super.readFrom(type, genericType, annotations, mediaType, headers, new ByteArrayInputStream(body));
        } catch (StreamConstraintsException limit) {
            throw ProblemMapper.limit(limit, where(body));
        } catch (JsonMappingException first) {
            StreamConstraintsException limit = Problems.find(first, StreamConstraintsException.class);
            if (limit != null) {
                throw ProblemMapper.limit(limit, where(body));
            }
            if (!fieldError(first)) {
                throw first;
            }
            JsonNode tree;
            try {
                tree = Json.MAPPER.readTree(body);
            } catch (IOException notJson) {
                throw first;
            }
            JavaType target = Json.MAPPER.getTypeFactory().constructType(genericType == null ? type : genericType);
            List<FieldError> errors = new ArrayList<>();
            JsonMappingException e = first;
            while (errors.size() < MAX_BAD_FIELDS) {
                errors.add(ProblemMapper.fieldError(e));
                if (!empty(tree, e.getPath())) {
                    throw first;
                }
                try {
                    Object value = Json.MAPPER.readerFor(target).readValue(tree);
                    InputErrors.add(errors);
                    return value;
                } catch (JsonMappingException next) {
                    if (!fieldError(next)) {
                        throw first;
                    }
                    e = next;
                }
            }
            throw first;
        }
    }

    /** The field at which reading the body breaks a limit: the body read once more, token by token, until it does. */
    static String where(byte[] body) {
        try (com.fasterxml.jackson.core.JsonParser p = Json.MAPPER.createParser(body)) {
            try {
                for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                        p.getText(); // a string's length is checked when it is read
                    }
                }
            } catch (IOException broken) {
                return RequestLimits.field(p);
            }
        } catch (IOException e) {
            return "body";
        }
        return "body";
    }

    /** A wrong value in a named field, not a broken limit or a body that is no object at all. */
    private static boolean fieldError(JsonMappingException e) {
        return !e.getPath().isEmpty() && Problems.find(e, ProblemException.class) == null
                && Problems.find(e, StreamConstraintsException.class) == null;
    }

    /** Empties the value at the path (a null, or no field where even null was wrong); false when nothing changed. */
    private static boolean empty(JsonNode root, List<JsonMappingException.Reference> path) {
        JsonNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            node = step(node, path.get(i));
            if (node == null) {
                return false;
            }
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (node instanceof ObjectNode object && last.getFieldName() != null && object.has(last.getFieldName())) {
            if (object.get(last.getFieldName()).isNull()) {
                object.remove(last.getFieldName());
            } else {
                object.set(last.getFieldName(), NullNode.getInstance());
            }
            return true;
        }
        if (node instanceof ArrayNode array && last.getIndex() >= 0 && last.getIndex() < array.size()) {
            if (array.get(last.getIndex()).isNull()) {
                return false;
            }
            array.set(last.getIndex(), NullNode.getInstance());
            return true;
        }
        return false;
    }

    private static JsonNode step(JsonNode node, JsonMappingException.Reference ref) {
        if (ref.getFieldName() != null && node.isObject()) {
            return node.get(ref.getFieldName());
        }
        if (ref.getIndex() >= 0 && node.isArray()) {
            return node.get(ref.getIndex());
        }
        return null;
    }
}
