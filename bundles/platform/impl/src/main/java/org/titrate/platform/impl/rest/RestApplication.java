package org.titrate.platform.impl.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.servlet.http.HttpServletRequest;
import javax.sql.DataSource;
import javax.ws.rs.Path;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.impl.licensing.ModuleLicences;
import org.titrate.platform.impl.security.WebSessions;

/**
 * The REST API at {@code /api/v1}. Modules register {@link RestResource} services; each resource
 * path ({@code /customers}, {@code /sales-orders}, …) is an endpoint of its own, so a module that comes
 * or goes publishes or withdraws only its own paths and never costs another module a request (one
 * endpoint for everything had to be torn down and published again, 404 for everybody meanwhile).
 * To the resources nothing changed: they still see {@code /api/v1} as their base, so their
 * {@code @Path}s and the relative {@code Location}s they answer mean what they meant.
 */
@Component(immediate = true, configurationPid = RestApplication.IDEMPOTENCY_PID)
@Designate(ocd = RestApplication.Idempotency.class)
public class RestApplication {
    public static final String ADDRESS = "/api/v1";
    /** The idempotency keys' settings (docs/configuration.md). */
    public static final String IDEMPOTENCY_PID = "org.titrate.platform.idempotency";

    @ObjectClassDefinition(name = "Titrate idempotency keys", description = "How long the REST API remembers the answer to a POST"
            + " sent with an Idempotency-Key header")
    public @interface Idempotency {
        @AttributeDefinition(description = "Hours an answer is kept: a retry with the same key within this time gets the first"
                + " answer again instead of doing the work twice; older keys are purged")
        int retentionHours() default 24;
    }

    /** Where CXF's servlet records the endpoint's address for the request; JAX-RS derives the base URI from it. */
    private static final String ENDPOINT_ADDRESS = "org.apache.cxf.transport.endpoint.address";
    private static final Logger LOG = LoggerFactory.getLogger(RestApplication.class);

    private final List<RestResource> resources = new CopyOnWriteArrayList<>();
    /** One endpoint per first path segment, with the resources it serves. */
    private final Map<String, Published> published = new HashMap<>();
    private final OpenApiResource openApi = new OpenApiResource();
    private Server openApiServer;
    /** {@code /api/v1} itself: the longest matching endpoint wins, so this answers only paths no module serves. */
    private Server unknownPaths;
    private boolean active;

    @Reference(target = "(titrate.schema=platform)")
    private DataSource dataSource;
    private IdempotencyStore idempotency;
    /** Requests in progress per client (address and the caller it names), across every endpoint of the API. */
    private final java.util.concurrent.ConcurrentMap<String, java.util.concurrent.atomic.AtomicInteger> inFlight = LimitFilter.newCounter();

    private record Published(List<RestResource> resources, Server server) {
    }

    @Reference
    private WebSessions sessions;

    @Reference
    private javax.transaction.TransactionManager transactions;

    @Reference
    private ModuleLicences licences;

    /** Carries the keys of requests on the events their work appends: how a retry after a crash learns the outcome. */
    @Reference
    private org.titrate.platform.api.events.EventLog eventLog;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindResource(RestResource resource) {
        resources.add(resource);
        update();
    }

    void unbindResource(RestResource resource) {
        resources.remove(resource);
        update();
    }

    @Activate
    synchronized void activate(Idempotency settings) {
        active = true;
        idempotency = new IdempotencyStore(dataSource, eventLog);
        modified(settings);
        openApiServer = create("openapi.json", List.of(openApi));
        unknownPaths = create(null, List.of(new UnknownPathResource()));
        update();
    }

    /** A changed retention applies to the next purge; the endpoints stay published. */
    @Modified
    void modified(Idempotency settings) {
        idempotency.retention(Duration.ofHours(Math.max(1, settings.retentionHours())));
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
        published.values().forEach(p -> p.server().destroy());
        published.clear();
        for (Server s : new Server[] {openApiServer, unknownPaths}) {
            if (s != null) {
                s.destroy();
            }
        }
        openApiServer = null;
        unknownPaths = null;
    }

    /** Publishes the paths that are new or changed, withdraws those whose module left, and leaves the others serving. */
    private synchronized void update() {
        if (!active) {
            return;
        }
        Map<String, List<RestResource>> wanted = new LinkedHashMap<>();
        for (RestResource r : resources) {
            wanted.computeIfAbsent(segment(r.getClass()), k -> new ArrayList<>()).add(r);
        }
        for (String segment : new ArrayList<>(published.keySet())) {
            Published p = published.get(segment);
            if (!sameResources(p.resources(), wanted.get(segment))) {
                p.server().destroy();
                published.remove(segment);
            }
        }
        wanted.forEach((segment, list) -> {
            if (!published.containsKey(segment)) {
                published.put(segment, new Published(List.copyOf(list), create(segment, new ArrayList<>(list))));
            }
        });
        openApi.setDocument(OpenApiDocument.describe(resources.stream().<Class<?>>map(Object::getClass).toList()));
        LOG.info("REST API at {} serves {}", ADDRESS, published.keySet().stream().sorted().toList());
    }

    private static boolean sameResources(List<RestResource> a, List<RestResource> b) {
        return b != null && a.size() == b.size() && a.stream().allMatch(x -> b.stream().anyMatch(y -> y == x));
    }

    /** The first segment of a resource's class {@code @Path}: {@code /sales-orders} gives {@code sales-orders}. */
    static String segment(Class<?> resourceClass) {
        Path path = resourceClass.getAnnotation(Path.class);
        if (path == null) {
            throw new IllegalArgumentException(resourceClass + " has no @Path");
        }
        String p = path.value().replaceAll("^/+", "");
        int slash = p.indexOf('/');
        return slash < 0 ? p : p.substring(0, slash);
    }

    /** An endpoint for the resources of one first path segment, or with a null segment the API's base. */
    private Server create(String segment, List<Object> beans) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(RestApplication.class.getClassLoader());
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setAddress(segment == null ? ADDRESS : ADDRESS + "/" + segment);
            factory.setServiceBeans(beans);
            factory.setInvoker(new InputCheckingInvoker(transactions));
            factory.setProviders(List.of(
                    new LimitFilter(inFlight),
                    new LenientJsonProvider(),
                    new ProblemMapper(),
                    new EmptyBodyFilter(),
                    new SecurityFilter(sessions),
                    new LicenceFilter(licences),
                    new IdempotencyFilter(idempotency),
                    new ClientErrorLog()));
            if (segment != null) {
                factory.getInInterceptors().add(new ApiBase(segment));
            }
            return factory.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * Makes {@code /api/v1} the base of a request to {@code /api/v1/<segment>/…}, before JAX-RS matches
     * the path or builds a URI: the endpoint is per path, the API is one.
     */
    static final class ApiBase extends AbstractPhaseInterceptor<Message> {
        private final String suffix;

        ApiBase(String segment) {
            super(Phase.RECEIVE);
            this.suffix = "/" + segment;
        }

        @Override
        public void handleMessage(Message message) {
            HttpServletRequest request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
            if (request == null) {
                return;
            }
            Object address = request.getAttribute(ENDPOINT_ADDRESS);
            if (address == null && message.getExchange().getDestination() instanceof AbstractHTTPDestination d) {
                address = d.getEndpointInfo().getAddress();
            }
            if (address != null && address.toString().endsWith(suffix)) {
                String full = address.toString();
                request.setAttribute(ENDPOINT_ADDRESS, full.substring(0, full.length() - suffix.length()));
            }
        }
    }
}
