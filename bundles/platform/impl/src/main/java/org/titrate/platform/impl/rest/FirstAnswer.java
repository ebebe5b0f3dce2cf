package org.titrate.platform.impl.rest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.servlet.RequestDispatcher;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.FieldError;

/**
 * The answer a POST cut off by a crash would have had, when its work had committed: the document it made or changed,
 * read now as the caller reads it ({@code GET}, through the API with the request's own credentials, so no right is
 * widened), with the status and {@code Location} a create or an action answers. The documents come from the events
 * the work appended under the request's key. A path naming one of them is an action on it ({@code /sales-orders/SO-1/ship}:
 * 200 and the document); otherwise the request made it ({@code POST /receipts}: 201, {@code Location: /receipts/RC-1};
 * {@code POST /sales-orders/SO-1/returns} makes {@code /sales-orders/RO-1}).
 */
final class FirstAnswer {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAnswer.class);
    /** Headers of the POST that the GET must not carry. */
    private static final Set<String> DROPPED = Set.of("content-type", "content-length", "transfer-encoding", "idempotency-key", "accept");

    /** Keeps the rebuilt answer so that the next retry replays it. */
    interface Recorder {
        void record(int status, String location, String body);
    }

    private FirstAnswer() {
    }

    private record Candidate(String path, boolean created) {
    }

    static Response.ResponseBuilder rebuild(ContainerRequestContext request, List<String> documents, Recorder recorder) {
        // The servlet request and response themselves, not the JAX-RS proxies of this thread, which the GET served below
        // sets and clears as its own.
        org.apache.cxf.message.Message message = org.apache.cxf.jaxrs.utils.JAXRSUtils.getCurrentMessage();
        HttpServletRequest servlet = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        HttpServletResponse response = (HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE);
        String path = request.getUriInfo().getPath(false).replaceAll("^/+|/+$", "");
        URI base = request.getUriInfo().getBaseUri();
        List<String> segments = List.of(path.split("/"));
        List<Candidate> candidates = new ArrayList<>();
        for (String document : documents) {
            int at = segments.indexOf(encode(document));
            if (at > 0) {
                candidates.add(new Candidate(String.join("/", segments.subList(0, at + 1)), false));
            }
        }
        if (candidates.isEmpty()) {
            for (String document : documents) {
                candidates.add(new Candidate(path + "/" + encode(document), true));
                candidates.add(new Candidate(segments.get(0) + "/" + encode(document), true));
            }
        }
        String basePath = base.getRawPath().endsWith("/") ? base.getRawPath() : base.getRawPath() + "/";
        for (Candidate candidate : candidates) {
            try {
                Captured read = read(servlet, response, basePath + candidate.path());
                if (read.status == 200) {
                    String body = read.body.toString(StandardCharsets.UTF_8);
                    int status = candidate.created() ? 201 : 200;
                    String location = candidate.created() ? base.resolve(basePath + candidate.path()).toString() : null;
                    recorder.record(status, location, body);
                    Response.ResponseBuilder answer = Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
                    return location == null ? answer : answer.location(URI.create(location));
                }
            } catch (Exception e) {
                LOG.warn("Could not read {} to answer a retry of a request cut off by a restart", candidate.path(), e);
            }
        }
        String what = String.join(", ", documents);
        return Response.fromResponse(Problems.response(409, "Conflict", "The request with " + IdempotencyFilter.HEADER
                + " was cut off by a restart of the server after its work was committed (it made or changed " + what
                + "), but its answer cannot be read back; read " + what + " instead of sending it again",
                List.of(new FieldError(IdempotencyFilter.HEADER, "was cut off by a restart after its work was committed (" + what + ")"))));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** GET of an API path, served by the servlet in this one (its filters, security and all), answered into a buffer. */
    private static Captured read(HttpServletRequest servlet, HttpServletResponse response, String uriPath) throws Exception {
        String inContext = uriPath.startsWith(servlet.getContextPath()) ? uriPath.substring(servlet.getContextPath().length()) : uriPath;
        RequestDispatcher dispatcher = servlet.getRequestDispatcher(inContext);
        if (dispatcher == null) {
            throw new IllegalStateException("No dispatcher for " + inContext);
        }
        Captured captured = new Captured(response);
        dispatcher.forward(new Get(servlet), captured);
        captured.flushBuffer();
        return captured;
    }

    /** The POST's credentials and cookies on a GET without a body; attributes set while it is served stay its own. */
    private static final class Get extends HttpServletRequestWrapper {
        private final Map<String, Object> attributes = new HashMap<>();
        private final Set<String> removed = new java.util.HashSet<>();

        Get(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getHeader(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("accept")) {
                return MediaType.APPLICATION_JSON;
            }
            return DROPPED.contains(lower) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = getHeader(name);
            if (DROPPED.contains(name.toLowerCase(Locale.ROOT))) {
                return Collections.enumeration(value == null ? List.of() : List.of(value));
            }
            return super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements();) {
                String n = e.nextElement();
                if (!DROPPED.contains(n.toLowerCase(Locale.ROOT))) {
                    names.add(n);
                }
            }
            names.add("Accept");
            return Collections.enumeration(names);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public ServletInputStream getInputStream() {
            return SoapBody.input(new ByteArrayInputStream(new byte[0]));
        }

        @Override
        public Object getAttribute(String name) {
            if (attributes.containsKey(name)) {
                return attributes.get(name);
            }
            return removed.contains(name) ? null : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            removed.remove(name);
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
            removed.add(name);
        }
    }

    /** An answer kept in memory; nothing reaches the client's connection. */
    private static final class Captured extends HttpServletResponseWrapper {
        int status = 200;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final Map<String, String> headers = new HashMap<>();
        private PrintWriter writer;
        private final ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new IllegalStateException("not asynchronous");
            }

            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                body.write(b, off, len);
            }
        };

        Captured(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return out;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
            }
            return writer;
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
        }

        @Override
        @SuppressWarnings("deprecation")
        public void setStatus(int sc, String message) {
            status = sc;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void sendError(int sc) {
            status = sc;
        }

        @Override
        public void sendError(int sc, String message) {
            status = sc;
        }

        @Override
        public void sendRedirect(String location) {
            status = 302;
        }

        @Override
        public void setHeader(String name, String value) {
            headers.put(name.toLowerCase(Locale.ROOT), value);
        }

        @Override
        public void addHeader(String name, String value) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
        }

        @Override
        public void setIntHeader(String name, int value) {
            setHeader(name, Integer.toString(value));
        }

        @Override
        public void addIntHeader(String name, int value) {
            addHeader(name, Integer.toString(value));
        }

        @Override
        public void setDateHeader(String name, long date) {
            setHeader(name, Long.toString(date));
        }

        @Override
        public void addDateHeader(String name, long date) {
            addHeader(name, Long.toString(date));
        }

        @Override
        public boolean containsHeader(String name) {
            return headers.containsKey(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String getHeader(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public java.util.Collection<String> getHeaders(String name) {
            String v = getHeader(name);
            return v == null ? List.of() : List.of(v);
        }

        @Override
        public java.util.Collection<String> getHeaderNames() {
            return headers.keySet();
        }

        @Override
        public void addCookie(javax.servlet.http.Cookie cookie) {
            // the answer is rebuilt, not sent: no cookie reaches the client from here
        }

        @Override
        public void setContentType(String type) {
            headers.put("content-type", type);
        }

        @Override
        public String getContentType() {
            return headers.get("content-type");
        }

        @Override
        public void setContentLength(int len) {
            // kept in memory
        }

        @Override
        public void setContentLengthLong(long len) {
            // kept in memory
        }

        @Override
        public void setCharacterEncoding(String charset) {
            // the API answers UTF-8
        }

        @Override
        public String getCharacterEncoding() {
            return "UTF-8";
        }

        @Override
        public void setBufferSize(int size) {
            // kept in memory
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void resetBuffer() {
            body.reset();
        }

        @Override
        public void reset() {
            body.reset();
            headers.clear();
            status = 200;
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void setLocale(Locale locale) {
            // the API answers in its own language
        }
    }
}
