package org.titrate.platform.impl.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;
import org.titrate.platform.impl.modules.SystemStatus;

/**
 * {@code GET /api/v1/health} for load balancers: {@code 200 {"status":"UP"}} or {@code 503 {"status":"DOWN"}}, no login
 * and no detail. A servlet of its own beside the API's (the HTTP service picks the longest alias), so it answers
 * without credentials and while the API's endpoint is being republished.
 */
@Component(immediate = true)
public class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String ALIAS = "/api/v1/health";

    @Reference
    private transient HttpService http;

    @Reference
    private transient SystemStatus status;

    @Activate
    void activate() throws javax.servlet.ServletException, NamespaceException {
        http.registerServlet(ALIAS, this, null, null);
    }

    @Deactivate
    void deactivate() {
        http.unregister(ALIAS);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up = status.healthy();
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!up) {
            response.setHeader("Retry-After", "5");
        }
        response.getWriter().write(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }
}
