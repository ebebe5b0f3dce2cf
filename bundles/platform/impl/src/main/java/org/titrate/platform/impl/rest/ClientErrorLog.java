package org.titrate.platform.impl.rest;

import java.util.Map;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line for every answer in the 4xx range — whether the security filter, the exception mapper or a resource
 * gave it — so that an administrator sees what clients got wrong without a stack trace in {@code karaf.log}. The
 * path is logged without its query; the problem's detail says which field was wrong. Server errors are logged where
 * they happen (the exception mapper logs them as an ERROR with an incident id).
 */
public class ClientErrorLog implements ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(ClientErrorLog.class);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || status >= 500) {
            return;
        }
        Object detail = response.getEntity() instanceof Map<?, ?> problem ? problem.get("detail") : null;
        String path = request.getUriInfo().getPath(false);
        LOG.info("{} {}{} answered {}{}", request.getMethod(), RestApplication.ADDRESS, path.startsWith("/") ? path : "/" + path, status,
                detail == null ? "" : ": " + String.valueOf(detail).replaceAll("\\s+", " "));
    }
}
