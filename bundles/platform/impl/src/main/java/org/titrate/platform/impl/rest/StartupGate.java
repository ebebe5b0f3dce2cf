package org.titrate.platform.impl.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.http.HttpService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code 503} with {@code Retry-After} under {@code /api/v1} and {@code /soap} until Titrate is ready, so that
 * no request meets an endpoint CXF is still publishing (a {@code NullPointerException} inside CXF, answered 500) or
 * a path whose module has not registered yet. A servlet of the HTTP service at those two aliases, longer than CXF's
 * {@code /}, withdrawn once ready: from then on CXF answers them. Ready means: the framework reached its final start
 * level, Karaf installed its boot features, every Titrate bundle runs and none of their components still waits for a
 * service (its database, its entity manager, the platform) (docs/stack-pitfalls.md, 24).
 */
@Component(immediate = true, service = {})
public class StartupGate {
    static final String RETRY_AFTER_SECONDS = "5";
    private static final String SOAP = "/soap";
    private static final String SOAP_12 = "/soap12";
    /** Opens anyway this long after the final start level, naming what still waits: a stuck module must not hide the others. */
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final Logger LOG = LoggerFactory.getLogger(StartupGate.class);

    @Reference
    private HttpService http;

    @Reference
    private ServiceComponentRuntime components;

    private BundleContext context;
    private ScheduledExecutorService checker;
    private final List<String> registered = new ArrayList<>();
    private final long created = System.nanoTime();
    private long startLevelReached;

    @Activate
    synchronized void activate(BundleContext context) {
        this.context = context;
        try {
            // One servlet per alias, each of its own class: the HTTP service refuses an instance registered twice, and
            // pax-web names a servlet after its class.
            http.registerServlet(RestApplication.ADDRESS, new ApiRefusal(), null, null);
            registered.add(RestApplication.ADDRESS);
            http.registerServlet(SOAP, new SoapRefusal(), null, null);
            registered.add(SOAP);
            http.registerServlet(SOAP_12, new Soap12Refusal(), null, null);
            registered.add(SOAP_12);
        } catch (Exception e) {
            LOG.error("Cannot hold back requests while Titrate starts; CXF answers them at once", e);
            withdraw();
            return;
        }
        checker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "titrate-startup-gate"));
        checker.scheduleWithFixedDelay(this::check, 100, 200, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    synchronized void deactivate() {
        if (checker != null) {
            checker.shutdownNow();
        }
        withdraw();
    }

    private synchronized void check() {
        try {
            if (registered.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            List<String> waiting = waiting();
            if (waiting == null) {
                return;
            }
            if (startLevelReached == 0) {
                startLevelReached = now;
            }
            if (waiting.isEmpty()) {
                LOG.info("Titrate is ready: /api/v1 and /soap served {} ms after the platform started",
                        TimeUnit.NANOSECONDS.toMillis(now - created));
            } else if (now - startLevelReached > PATIENCE_NANOS) {
                LOG.warn("Serving /api/v1 and /soap although these still wait for a service or do not run: {}", waiting);
            } else {
                return;
            }
            withdraw();
            checker.shutdown();
        } catch (RuntimeException e) {
            LOG.error("Cannot tell whether Titrate is ready; serving /api/v1 and /soap", e);
            withdraw();
            checker.shutdown();
        }
    }

    private void withdraw() {
        for (String alias : registered) {
            try {
                http.unregister(alias);
            } catch (IllegalArgumentException alreadyGone) {
                // the HTTP service went first
            }
        }
        registered.clear();
    }

    /** What keeps Titrate from serving: bundles not running, components waiting for a service; null while the framework still climbs its start levels. */
    private List<String> waiting() {
        FrameworkStartLevel level = context.getBundle(0).adapt(FrameworkStartLevel.class);
        String beginning = context.getProperty("org.osgi.framework.startlevel.beginning");
        int target = beginning == null ? 1 : Integer.parseInt(beginning.strip());
        if (level.getStartLevel() < target || context.getServiceReference("org.apache.karaf.features.BootFinished") == null) {
            return null;
        }
        List<Bundle> titrate = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() == null || !b.getSymbolicName().startsWith("org.titrate")
                    || b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            if (b.getState() == Bundle.ACTIVE) {
                titrate.add(b);
            } else {
                waiting.add(b.getSymbolicName());
            }
        }
        for (ComponentDescriptionDTO d : components.getComponentDescriptionDTOs(titrate.toArray(new Bundle[0]))) {
            if (!components.isComponentEnabled(d)) {
                continue;
            }
            for (ComponentConfigurationDTO c : components.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    waiting.add(d.name);
                }
            }
        }
        return waiting;
    }

    /** The answer while Titrate starts: 503 with Retry-After, a problem on REST, a SOAP fault on SOAP. */
    abstract static class Refusal extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            refuse(request, response);
        }
    }

    static final class ApiRefusal extends Refusal {
        private static final long serialVersionUID = 1L;
    }

    static final class SoapRefusal extends Refusal {
        private static final long serialVersionUID = 1L;
    }

    static final class Soap12Refusal extends Refusal {
        private static final long serialVersionUID = 1L;
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String detail = "Titrate is starting; retry in a few seconds";
        if (request.getRequestURI().startsWith(SOAP_12 + "/") || request.getRequestURI().equals(SOAP_12)) {
            response.setContentType("application/soap+xml");
            response.getWriter().write("<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body><env:Fault>"
                    + "<env:Code><env:Value>env:Receiver</env:Value></env:Code><env:Reason><env:Text xml:lang=\"en\">" + detail
                    + "</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>");
        } else if (request.getRequestURI().startsWith("/soap")) {
            response.setContentType("text/xml");
            response.getWriter().write("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                    + "<faultcode>soap:Server</faultcode><faultstring>" + detail + "</faultstring></soap:Fault></soap:Body></soap:Envelope>");
        } else {
            response.setContentType(Problems.MEDIA_TYPE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\""
                    + detail + "\",\"errors\":[]}");
        }
    }
}
