package org.titrate.web;

import java.util.List;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Publishes the browser application as a CXF endpoint at {@code /}. The CXF servlet owns the whole HTTP
 * root ({@code /*}, for {@code /api/v1} and {@code /soap}), and a servlet mapped beside it never sees the
 * root or a client route; an endpoint of CXF's own does. CXF hands a request to the endpoint with the
 * longest matching address, so {@code /api/v1/...} and {@code /soap/...} keep going where they went and
 * this endpoint answers only what no other endpoint serves.
 */
@Component(immediate = true)
public class WebApplication {
    public static final String ADDRESS = "/";
    private Server server;

    @Activate
    void activate(BundleContext context) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(WebApplication.class.getClassLoader());
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setAddress(ADDRESS);
            factory.setServiceBeans(List.of(new WebResource(new BundleFiles(context.getBundle()))));
            server = factory.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
            server = null;
        }
    }
}
