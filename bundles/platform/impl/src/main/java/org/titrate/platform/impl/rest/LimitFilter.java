package org.titrate.platform.impl.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import org.titrate.platform.api.ProblemException;
import org.titrate.platform.impl.security.WebSessions;

/**
 * Before anything else reads a request: at most {@code maxConcurrentRequestsPerClient} requests of one client at once
 * (429 with {@code Retry-After}) — a client being an address and the caller its request names (its Basic user name or
 * its browser session, not yet checked), so a company's users behind one proxy each get their own share, and requests
 * without credentials share their address's, and a body of at most {@code maxBodyBytes} (413), whether it says its length
 * or streams it chunked. {@code OPTIONS} is refused (405) before CXF could answer it without asking for credentials.
 * One instance serves every endpoint of the API, so the count is per client across paths.
 */
@PreMatching
@Priority(1)
public class LimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String COUNTED = LimitFilter.class.getName() + ".counted";

    private final ConcurrentMap<String, AtomicInteger> inFlight;

    @Context
    private HttpServletRequest servletRequest;

    public LimitFilter(ConcurrentMap<String, AtomicInteger> inFlight) {
        this.inFlight = inFlight;
    }

    public static ConcurrentMap<String, AtomicInteger> newCounter() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        InputErrors.clear();
        RequestKeys.unbind(); // a thread's earlier request may have ended without its response filters
        if (javax.ws.rs.HttpMethod.OPTIONS.equals(request.getMethod())) {
            // CXF would answer OPTIONS itself, before any filter that checks credentials; the API serves its own origin
            // only (no CORS), so nobody needs it
            request.abortWith(javax.ws.rs.core.Response.fromResponse(Problems.response(405, "Method Not Allowed",
                    "OPTIONS is not served; the API answers its own origin only", java.util.List.of()))
                    .header(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, DELETE").build());
            return;
        }
        RequestLimits.Limits limits = RequestLimits.current();
        String client = (servletRequest == null ? "unknown" : servletRequest.getRemoteAddr()) + " " + caller(request);
        AtomicInteger count = inFlight.computeIfAbsent(client, k -> new AtomicInteger());
        if (count.incrementAndGet() > limits.maxConcurrentRequestsPerClient()) {
            count.decrementAndGet();
            ProblemException p = RequestLimits.refused(429, "request", "too many requests at once from this client",
                    "maxConcurrentRequestsPerClient", limits.maxConcurrentRequestsPerClient());
            request.abortWith(javax.ws.rs.core.Response.fromResponse(Problems.response(p))
                    .header(HttpHeaders.RETRY_AFTER, 1).build());
            return;
        }
        request.setProperty(COUNTED, client);
        long max = structured(request.getMediaType()) ? limits.maxBodyBytes() : Math.max(limits.maxBodyBytes(), UPLOAD_BYTES);
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = Long.MAX_VALUE;
            }
            if (declared > max) {
                ProblemException p = tooLarge(max);
                request.abortWith(Problems.response(p));
                return;
            }
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), max));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        InputErrors.clear();
        if (request.getProperty(COUNTED) instanceof String client) {
            request.removeProperty(COUNTED);
            AtomicInteger count = inFlight.get(client);
            if (count != null && count.decrementAndGet() <= 0) {
                inFlight.remove(client, count);
            }
        }
    }

    /**
     * The bound on a file sent as it is (a contract's signed scan: PDF or image, any type that is not JSON, XML, text or a
     * form): above the modules' own rules for files (10 MB), so that they answer with the field and their limit.
     */
    static final long UPLOAD_BYTES = 16L * 1024 * 1024;

    /** JSON, XML, text and forms are read as structures and bounded by {@code maxBodyBytes}; other bodies are files. */
    static boolean structured(javax.ws.rs.core.MediaType type) {
        if (type == null) {
            return true;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return type.getType().equalsIgnoreCase("text") || subtype.equals("json") || subtype.endsWith("+json") || subtype.equals("xml")
                || subtype.endsWith("+xml") || subtype.equals("x-www-form-urlencoded") || subtype.equals("form-data") || type.isWildcardType();
    }

    /** Who the request says it is, unchecked (the security filter checks later): enough to count it apart from others. */
    static String caller(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return "user " + (colon < 0 ? decoded : decoded.substring(0, colon)).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return "unreadable credentials";
            }
        }
        Cookie session = request.getCookies().get(WebSessions.COOKIE);
        return session == null ? "" : "session " + Integer.toHexString(session.getValue().hashCode());
    }

    static ProblemException tooLarge(long max) {
        return RequestLimits.refused(413, "body", "is larger than " + max + " bytes", "maxBodyBytes", max);
    }

    /** Stops reading a body at the limit, for a request that streams it without a length. */
    static final class Bounded extends FilterInputStream {
        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw tooLarge(max);
            }
        }
    }
}
