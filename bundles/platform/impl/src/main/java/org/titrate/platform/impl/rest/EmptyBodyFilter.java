package org.titrate.platform.impl.rest;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

/**
 * Actions such as {@code POST /sales-orders/{id}/confirm} take an optional JSON body. Clients send
 * them without one and hence without a {@code Content-Type}; such a request is read as an empty
 * JSON body (no entity) instead of being refused with 415.
 */
@PreMatching
public class EmptyBodyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        if ((HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method))
                && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null && !request.hasEntity()) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
