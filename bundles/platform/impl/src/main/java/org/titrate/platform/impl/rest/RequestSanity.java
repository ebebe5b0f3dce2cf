package org.titrate.platform.impl.rest;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Dictionary;
import java.util.List;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.http.HttpContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.api.ProblemException;
import org.titrate.platform.impl.soap.CxfSoapEndpoints;

/**
 * In front of CXF's servlet (which serves the API, SOAP, the tracking page and the browser application): a request
 * whose path is no valid URI ({@code /track/<script>}, a backslash) or whose body declares a charset Java does not know
 * is refused here with a problem (400, 415). CXF would fail on both before any endpoint, interceptor or exception
 * mapper of ours runs, and the servlet container would answer 500. A body that declares more than {@code maxBodyBytes}
 * is refused (413) before it is read; a SOAP body is held to {@code maxBodyBytes} however it is sent and to
 * {@code maxLinesPerDocument} elements of one name in one parent ({@link SoapBody}), as the REST API holds its JSON.
 * A main list asked for as CSV or XLSX is readdressed to its export ({@link ListExports}).
 *
 * <p>The filter must sit in the same HTTP context as CXF's servlet, which CXF's HTTP transport bundle registers through
 * the HTTP service in its own name: the filter is registered through that bundle's HTTP service the same way. The
 * pax-web API is reached by reflection, so the platform adds no dependency for one call. A Whiteboard filter of this
 * bundle cannot take its place: CXF 3.6 registers its servlet with {@code HttpService.registerServlet} and
 * {@code createDefaultHttpContext()}, a context Pax Web 8 scopes to CXF's bundle and does not share, and Pax Web 8 lets a
 * Whiteboard element select only the HttpService contexts of the bundle that registers it, so a filter of the platform
 * would never be in that servlet's chain.
 */
@Component(immediate = true, service = {})
public class RequestSanity implements Filter {
    static final String CXF_HTTP_TRANSPORT = "org.apache.cxf.cxf-rt-transports-http";
    private static final String WEB_CONTAINER = "org.ops4j.pax.web.service.WebContainer";
    private static final Logger LOG = LoggerFactory.getLogger(RequestSanity.class);

    private Object container;
    private Method unregister;
    private ServiceReference<?> reference;
    private BundleContext cxfContext;

    @Activate
    void activate(BundleContext context) {
        for (Bundle b : context.getBundles()) {
            if (CXF_HTTP_TRANSPORT.equals(b.getSymbolicName()) && b.getBundleContext() != null) {
                cxfContext = b.getBundleContext();
            }
        }
        try {
            reference = cxfContext == null ? null : cxfContext.getServiceReference(WEB_CONTAINER);
            if (reference == null) {
                LOG.warn("No HTTP service for {}: requests with a malformed path or charset are left to the servlet container",
                        CXF_HTTP_TRANSPORT);
                return;
            }
            container = cxfContext.getService(reference);
            Class<?> api = find(container.getClass(), WEB_CONTAINER);
            Method register = api.getMethod("registerFilter", Filter.class, String[].class, String[].class, Dictionary.class,
                    HttpContext.class);
            register.invoke(container, this, new String[] {"/*"}, null, null, null);
            unregister = api.getMethod("unregisterFilter", Filter.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Could not place the request check in front of CXF's servlet", e);
        }
    }

    @Deactivate
    void deactivate() {
        try {
            if (unregister != null) {
                unregister.invoke(container, this);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Request check already gone", e);
        } finally {
            if (reference != null) {
                try {
                    cxfContext.ungetService(reference);
                } catch (RuntimeException gone) {
                    LOG.debug("CXF's HTTP transport already stopped", gone);
                }
            }
        }
    }

    /** The interface of that name among the object's class and its supertypes. */
    private static Class<?> find(Class<?> type, String name) throws ClassNotFoundException {
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (c.getName().equals(name)) {
                return c;
            }
            todo.addAll(List.of(c.getInterfaces()));
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            FieldError problem = pathProblem(http.getRequestURI());
            int status = 400;
            if (problem == null) {
                problem = charsetProblem(http.getContentType());
                status = 415;
            }
            if (problem != null) {
                refuse(answer, new ProblemException(status, status == 400 ? "Bad Request" : "Unsupported Media Type",
                        problem.field() + ": " + problem.message(), List.of(problem)));
                return;
            }
            long max = bodyLimit(http.getContentType());
            if (http.getContentLengthLong() > max) {
                // Answered before a byte of the body is read, and the connection closed: the servlet container would
                // otherwise wait for the declared bytes (until its idle timeout) before it could answer or reuse it.
                refuse(answer, LimitFilter.tooLarge(max));
                return;
            }
            String path = http.getRequestURI();
            boolean soap12 = path != null && path.startsWith(CxfSoapEndpoints.PREFIX_12);
            if (path != null && (soap12 || path.startsWith(CxfSoapEndpoints.PREFIX)) && "POST".equals(http.getMethod())) {
                SoapBody body = SoapBody.read(http, max);
                if (body.tooLarge()) {
                    refuse(answer, LimitFilter.tooLarge(max));
                    return;
                }
                String lines = body.tooManyLines(RequestLimits.current().maxLinesPerDocument());
                if (lines != null) {
                    body.refuse(answer, lines, soap12);
                    return;
                }
                chain.doFilter(body.request(), response);
                return;
            }
            HttpServletRequest export;
            try {
                export = ListExports.rewrite(http);
            } catch (ProblemException p) {
                refuse(answer, p);
                return;
            }
            if (export != null) {
                chain.doFilter(export, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The bound of a body of that type: {@code maxBodyBytes} for JSON, XML, text and forms, more for files (LimitFilter). */
    static long bodyLimit(String contentType) {
        javax.ws.rs.core.MediaType type;
        try {
            type = contentType == null ? null : javax.ws.rs.core.MediaType.valueOf(contentType);
        } catch (IllegalArgumentException unreadable) {
            type = null;
        }
        long max = RequestLimits.current().maxBodyBytes();
        return LimitFilter.structured(type) ? max : Math.max(max, LimitFilter.UPLOAD_BYTES);
    }

    private static void refuse(HttpServletResponse answer, ProblemException p) throws IOException {
        answer.setStatus(p.status());
        answer.setContentType(Problems.MEDIA_TYPE);
        answer.setHeader("Cache-Control", "no-store");
        answer.setHeader("X-Content-Type-Options", "nosniff");
        if (p.status() == 413) {
            answer.setHeader("Connection", "close");
        }
        answer.getOutputStream().write(Json.MAPPER.writeValueAsBytes(Problems.body(p.status(), p.title(), p.detail(), p.errors())));
    }

    static FieldError pathProblem(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        try {
            new URI(rawPath);
            return null;
        } catch (URISyntaxException e) {
            return new FieldError("path", "is not a valid URI path (characters such as < > \\ must be percent-encoded)");
        }
    }

    static FieldError charsetProblem(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).strip().replace("\"", "");
                boolean known;
                try {
                    known = !name.isEmpty() && Charset.isSupported(name);
                } catch (IllegalCharsetNameException e) {
                    known = false;
                }
                if (!known) {
                    return new FieldError("Content-Type", "names charset '" + name + "', which is not supported; send UTF-8");
                }
            }
        }
        return null;
    }

    @Override
    public void init(javax.servlet.FilterConfig config) {
        // nothing to set up
    }

    @Override
    public void destroy() {
        // nothing held
    }
}
