package org.titrate.platform.impl.rest;

import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code GET /api/v1/openapi.json}: public, so integrators can read it before they have an account. */
@Path("/openapi.json")
public class OpenApiResource {
    /** Replaced whole whenever a module comes or goes; the endpoint itself stays. */
    private volatile Map<String, Object> document = Map.of();

    void setDocument(Map<String, Object> document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> get() {
        return document;
    }
}
