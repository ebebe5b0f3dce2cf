package org.titrate.platform.impl.rest;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.impl.db.PlatformSchema;

/**
 * The one REST application at {@code /api/v1}. Modules register {@link RestResource} services;
 * whenever one comes or goes the endpoint is published again with the current set, so the
 * OpenAPI document, security and error mapping always cover exactly the installed modules.
 */
@Component(immediate = true)
public class RestApplication {
    public static final String ADDRESS = "/api/v1";
    private static final Logger LOG = LoggerFactory.getLogger(RestApplication.class);

    private final List<RestResource> resources = new CopyOnWriteArrayList<>();
    private Server server;
    private boolean active;
    private IdempotencyStore idempotency;

    @Reference
    private PlatformSchema schema;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindResource(RestResource resource) {
        resources.add(resource);
        republish();
    }

    void unbindResource(RestResource resource) {
        resources.remove(resource);
        republish();
    }

    @Activate
    synchronized void activate() {
        active = true;
        idempotency = new IdempotencyStore(schema.dataSource());
        publish();
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
        stop();
    }

    private synchronized void republish() {
        if (active) {
            publish();
        }
    }

    private void publish() {
        stop();
        if (resources.isEmpty()) {
            return;
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(RestApplication.class.getClassLoader());
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setAddress(ADDRESS);
            List<Object> beans = new ArrayList<>(resources);
            beans.add(new OpenApiResource(OpenApiDocument.describe(resources.stream().map(Object::getClass).toList())));
            factory.setServiceBeans(beans);
            factory.setProviders(List.of(
                    new JacksonJsonProvider(Json.MAPPER),
                    new ProblemMapper(),
                    new EmptyBodyFilter(),
                    new SecurityFilter(),
                    new IdempotencyFilter(idempotency)));
            server = factory.create();
            LOG.info("REST API published at {} with {} resources", ADDRESS, resources.size());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private void stop() {
        if (server != null) {
            server.destroy();
            server = null;
        }
    }
}
