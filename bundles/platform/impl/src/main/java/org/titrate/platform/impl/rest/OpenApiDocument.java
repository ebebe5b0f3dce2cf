package org.titrate.platform.impl.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.rest.Returns;
import org.titrate.platform.api.security.Allowed;

/**
 * Builds the OpenAPI 3 description of the published resources from their JAX-RS annotations and
 * the records they exchange. (CXF's OpenAPI module is not available for the CXF version we run.)
 */
final class OpenApiDocument {

    private OpenApiDocument() {
    }

    static Map<String, Object> describe(List<Class<?>> resourceClasses) {
        Map<String, Object> schemas = new TreeMap<>();
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        List<Class<?>> sorted = new ArrayList<>(resourceClasses);
        sorted.sort(Comparator.comparing(Class::getName));
        for (Class<?> type : sorted) {
            javax.ws.rs.Path base = type.getAnnotation(javax.ws.rs.Path.class);
            if (base == null) {
                continue;
            }
            String tag = base.value().replaceAll("^/|/.*$", "");
            Method[] methods = type.getMethods();
            java.util.Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method m : methods) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                javax.ws.rs.Path sub = m.getAnnotation(javax.ws.rs.Path.class);
                String path = join(base.value(), sub == null ? "" : sub.value());
                paths.computeIfAbsent(path, p -> new TreeMap<>()).put(verb, operation(type, m, verb, tag, schemas));
            }
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "object");
        problem.put("properties", Map.of(
                "type", Map.of("type", "string"), "title", Map.of("type", "string"), "status", Map.of("type", "integer"),
                "detail", Map.of("type", "string"), "errors", Map.of("type", "array", "items", Map.of("type", "object",
                        "properties", Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string"))))));
        schemas.put("Problem", problem);

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Titrate REST API", "version", "v1",
                "description", "Sales, returns and refunds for chemical distributors. Errors are application/problem+json."));
        doc.put("servers", List.of(Map.of("url", RestApplication.ADDRESS)));
        doc.put("security", List.of(Map.of("basicAuth", List.of())));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas,
                "securitySchemes", Map.of("basicAuth", Map.of("type", "http", "scheme", "basic"))));
        return doc;
    }

    private static Map<String, Object> operation(Class<?> type, Method m, String verb, String tag, Map<String, Object> schemas) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("tags", List.of(tag));
        op.put("operationId", type.getSimpleName().replace("Resource", "") + "_" + m.getName());
        Allowed allowed = m.getAnnotation(Allowed.class) != null ? m.getAnnotation(Allowed.class) : type.getAnnotation(Allowed.class);
        if (allowed != null) {
            op.put("description", "Roles: admin, " + String.join(", ", allowed.value()));
        }
        List<Object> params = new ArrayList<>();
        Type body = null;
        for (Parameter p : m.getParameters()) {
            String in = null;
            String name = null;
            for (Annotation a : p.getAnnotations()) {
                if (a instanceof PathParam pp) {
                    in = "path";
                    name = pp.value();
                } else if (a instanceof QueryParam qp) {
                    in = "query";
                    name = qp.value();
                } else if (a instanceof HeaderParam hp) {
                    in = "header";
                    name = hp.value();
                } else if (a instanceof Context) {
                    in = "context";
                }
            }
            if (in == null) {
                body = p.getParameterizedType();
            } else if (!in.equals("context")) {
                params.add(Map.of("name", name, "in", in, "required", in.equals("path"), "schema", schema(p.getParameterizedType(), schemas)));
            }
        }
        if (verb.equals("post")) {
            params.add(Map.of("name", IdempotencyFilter.HEADER, "in", "header", "required", false, "schema", Map.of("type", "string")));
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (body == java.io.InputStream.class) {
            // A file sent as the raw body (a contract's signed scan): any type, judged by the resource.
            op.put("requestBody", Map.of("required", true, "content", Map.of("application/octet-stream",
                    Map.of("schema", Map.of("type", "string", "format", "binary")))));
        } else if (body != null) {
            op.put("requestBody", Map.of("required", true, "content", Map.of("application/json", Map.of("schema", schema(body, schemas)))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Type result = m.getGenericReturnType();
        // Creates answer 201 with a Response carrying Location; actions (POST .../confirm) answer 200 with the document.
        String ok = verb.equals("post") && result == javax.ws.rs.core.Response.class ? "201" : "200";
        if (result == void.class) {
            responses.put("204", Map.of("description", "Done"));
        } else if (result == javax.ws.rs.core.Response.class && m.getAnnotation(Returns.class) != null) {
            Returns returns = m.getAnnotation(Returns.class);
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("application/json", Map.of("schema", schema(returns.value(), schemas)));
            javax.ws.rs.Produces produces = m.getAnnotation(javax.ws.rs.Produces.class) != null ? m.getAnnotation(javax.ws.rs.Produces.class)
                    : type.getAnnotation(javax.ws.rs.Produces.class);
            for (String media : produces == null ? new String[0] : produces.value()) {
                if (!media.startsWith("application/json")) {
                    content.put(media, Map.of("schema", Map.of("type", "string", "format", "binary")));
                }
            }
            responses.put(ok, Map.of("description", returns.description().isEmpty() ? "OK" : returns.description(), "content", content));
        } else if (result == javax.ws.rs.core.Response.class) {
            responses.put(ok, Map.of("description", ok.equals("201") ? "Created; Location names the new record" : "OK"));
        } else {
            responses.put(ok, Map.of("description", "OK", "content", Map.of("application/json", Map.of("schema", schema(result, schemas)))));
        }
        Map<String, Object> problem = Map.of("description", "Error", "content",
                Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
        responses.put("default", problem);
        op.put("responses", responses);
        return op;
    }

    static Map<String, Object> schema(Type type, Map<String, Object> schemas) {
        if (type instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            Type[] args = pt.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schema(args[0], schemas));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schema(args[1], schemas));
            }
            if (raw == Page.class) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("items", Map.of("type", "array", "items", schema(args[0], schemas)));
                props.put("total", Map.of("type", "integer", "format", "int64"));
                props.put("offset", Map.of("type", "integer"));
                props.put("limit", Map.of("type", "integer"));
                return Map.of("type", "object", "properties", props);
            }
            return schema(raw, schemas);
        }
        if (!(type instanceof Class<?> c)) {
            return Map.of("type", "object");
        }
        if (c == Object.class) {
            return Map.of(); // any JSON value, e.g. the values of custom fields
        }
        if (c == String.class) {
            return Map.of("type", "string");
        }
        if (c == BigDecimal.class) {
            return Map.of("type", "number");
        }
        if (c == Integer.class || c == int.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == Long.class || c == long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (c == Boolean.class || c == boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c.isEnum()) {
            return Map.of("type", "string", "enum", java.util.Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
        }
        if (c.isRecord()) {
            String name = c.getSimpleName();
            if (!schemas.containsKey(name)) {
                schemas.put(name, Map.of());
                Map<String, Object> props = new LinkedHashMap<>();
                for (RecordComponent rc : c.getRecordComponents()) {
                    props.put(rc.getName(), schema(rc.getGenericType(), schemas));
                }
                schemas.put(name, Map.of("type", "object", "properties", props));
            }
            return Map.of("$ref", "#/components/schemas/" + name);
        }
        return Map.of("type", "object");
    }

    private static String verb(Method m) {
        if (m.isAnnotationPresent(GET.class)) {
            return "get";
        }
        if (m.isAnnotationPresent(POST.class)) {
            return "post";
        }
        if (m.isAnnotationPresent(PUT.class)) {
            return "put";
        }
        if (m.isAnnotationPresent(DELETE.class)) {
            return "delete";
        }
        return null;
    }

    private static String join(String a, String b) {
        String s = ("/" + a + "/" + b).replaceAll("/+", "/");
        s = s.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
