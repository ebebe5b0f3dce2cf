package org.titrate.platform.impl.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.Response;
import org.junit.After;
import org.junit.Test;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.api.ProblemException;

public class RequestLimitsTest {
    public enum Status { PROSPECT, ACTIVE }

    public record Line(String sku, BigDecimal quantity) {
    }

    public record Body(String name, Status status, Integer paymentTermDays, BigDecimal creditLimit, List<Line> lines) {
    }

    @After
    public void defaults() {
        RequestLimits.apply(RequestLimits.DEFAULTS);
        InputErrors.clear();
    }

    private static Object read(String json) throws IOException {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Object> type = (Class) Body.class;
        return new LenientJsonProvider().readFrom(type, Body.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    public void everyUnreadableFieldIsLeftEmptyAndNamedAndTheRestIsRead() throws IOException {
        Body body = (Body) read("{\"name\":\"x\",\"status\":\"NOPE\",\"paymentTermDays\":\"soon\",\"creditLimit\":\"abc\","
                + "\"lines\":[{\"sku\":\"A\",\"quantity\":\"many\"},{\"sku\":[],\"quantity\":2}]}");
        assertEquals("x", body.name());
        assertNull(body.status());
        assertNull(body.paymentTermDays());
        assertNull(body.creditLimit());
        assertNull(body.lines().get(0).quantity());
        assertEquals(new BigDecimal("2"), body.lines().get(1).quantity());
        assertEquals(List.of("status", "paymentTermDays", "creditLimit", "lines[0].quantity", "lines[1].sku"),
                fields(InputErrors.take()).stream().sorted((a, b) -> order(a) - order(b)).toList());
    }

    private static int order(String field) {
        return List.of("status", "paymentTermDays", "creditLimit", "lines[0].quantity", "lines[1].sku").indexOf(field);
    }

    @Test
    public void aTypeErrorAndARuleOnTheSameFieldAreNamedOnce() {
        List<FieldError> merged = InputErrors.merge(List.of(new FieldError("creditLimit", "must be a number")),
                List.of(new FieldError("creditLimit", "is required"), new FieldError("name", "is required")));
        assertEquals(List.of(new FieldError("creditLimit", "must be a number"), new FieldError("name", "is required")), merged);
    }

    @Test
    public void aWellFormedBodyCollectsNothing() throws IOException {
        Body body = (Body) read("{\"name\":\"氢氧化钠\",\"status\":\"ACTIVE\",\"creditLimit\":120.50}");
        assertEquals(new BigDecimal("120.50"), body.creditLimit());
        assertTrue(InputErrors.take().isEmpty());
    }

    @Test
    public void numberBombsAreRefusedNamingTheField() throws IOException {
        for (String bomb : new String[] {"1e1000000", "1e-1000000", "9".repeat(60)}) {
            ProblemException p = problem("{\"creditLimit\":" + bomb + "}");
            assertEquals(bomb, 400, p.status());
            assertEquals(bomb, List.of("creditLimit"), fields(p.errors()));
            assertTrue(p.detail(), p.detail().contains("maxDecimalDigits"));
        }
        assertTrue(problem("{\"creditLimit\":" + "9".repeat(400) + "}").detail().contains("maxNumberLength"));
    }

    @Test
    public void depthStringLengthAndLineCountAreLimitedAndConfigurable() throws IOException {
        assertTrue(problem("{\"extra\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}").detail().contains("maxJsonDepth"));
        assertTrue(problem("{\"name\":\"x\"," + "\"a\":{".repeat(40) + "}".repeat(41)).detail().contains("maxJsonDepth = 32"));
        ProblemException tooLong = problem("{\"name\":\"" + "a".repeat(10_001) + "\"}");
        assertEquals(List.of("name"), fields(tooLong.errors()));
        assertTrue(tooLong.detail().contains("maxStringLength = 10000"));
        RequestLimits.apply(new RequestLimits.Limits(1000, 32, 10_000, 64, 38, 2, 500, 16));
        ProblemException lines = problem("{\"lines\":[{\"sku\":\"A\"},{\"sku\":\"B\"},{\"sku\":\"C\"}]}");
        assertEquals(List.of("lines"), fields(lines.errors()));
        assertTrue(lines.detail().contains("maxLinesPerDocument = 2"));
    }

    /** What the API answers for this body: the exception mapper's problem. */
    private static ProblemException problem(String json) throws IOException {
        try {
            read(json);
        } catch (Exception e) {
            Response r = new ProblemMapper().toResponse(e);
            @SuppressWarnings("unchecked")
            Map<String, Object> entity = (Map<String, Object>) r.getEntity();
            @SuppressWarnings("unchecked")
            List<FieldError> errors = (List<FieldError>) entity.get("errors");
            return new ProblemException(r.getStatus(), String.valueOf(entity.get("title")), String.valueOf(entity.get("detail")), errors);
        }
        fail("accepted: " + json.substring(0, Math.min(80, json.length())));
        return null;
    }

    /** A request with these headers and cookies, as far as LimitFilter.caller reads one. */
    private static javax.ws.rs.container.ContainerRequestContext request(String authorization, String session) {
        return (javax.ws.rs.container.ContainerRequestContext) java.lang.reflect.Proxy.newProxyInstance(getClassLoader(),
                new Class<?>[] {javax.ws.rs.container.ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderString" -> "Authorization".equals(args[0]) ? authorization : null;
                    case "getCookies" -> session == null ? Map.of()
                            : Map.of(org.titrate.platform.impl.security.WebSessions.COOKIE,
                                    new javax.ws.rs.core.Cookie(org.titrate.platform.impl.security.WebSessions.COOKIE, session));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ClassLoader getClassLoader() {
        return RequestLimitsTest.class.getClassLoader();
    }

    /** Users behind one proxy share an address, not a count: each named caller and each browser session is counted apart. */
    @Test
    public void concurrentRequestsAreCountedPerCallerNotPerAddress() {
        String wang = "Basic " + java.util.Base64.getEncoder().encodeToString("wang:secret-one".getBytes(StandardCharsets.UTF_8));
        String wangAgain = "basic " + java.util.Base64.getEncoder().encodeToString("WANG:another".getBytes(StandardCharsets.UTF_8));
        String li = "Basic " + java.util.Base64.getEncoder().encodeToString("li:secret-two".getBytes(StandardCharsets.UTF_8));
        assertEquals(LimitFilter.caller(request(wang, null)), LimitFilter.caller(request(wangAgain, null)));
        assertTrue(!LimitFilter.caller(request(wang, null)).equals(LimitFilter.caller(request(li, null))));
        assertTrue(!LimitFilter.caller(request(null, "a1b2")).equals(LimitFilter.caller(request(null, "c3d4"))));
        assertEquals("", LimitFilter.caller(request(null, null)));
        assertEquals("unreadable credentials", LimitFilter.caller(request("Basic %%%", null)));
    }

    /** Files (a contract's 10 MB scan) are bounded apart from JSON and XML bodies, above the modules' own file rules. */
    @Test
    public void filesAreBoundedApartFromStructuredBodies() {
        assertTrue(LimitFilter.structured(MediaType.APPLICATION_JSON_TYPE));
        assertTrue(LimitFilter.structured(MediaType.valueOf("application/problem+json")));
        assertTrue(LimitFilter.structured(MediaType.valueOf("application/soap+xml")));
        assertTrue(LimitFilter.structured(MediaType.TEXT_PLAIN_TYPE));
        assertTrue(LimitFilter.structured(null));
        assertTrue(!LimitFilter.structured(MediaType.valueOf("application/pdf")));
        assertTrue(!LimitFilter.structured(MediaType.valueOf("image/png")));
        assertTrue(!LimitFilter.structured(MediaType.APPLICATION_OCTET_STREAM_TYPE));
        assertTrue(LimitFilter.UPLOAD_BYTES > 10L * 1024 * 1024);
    }
}
