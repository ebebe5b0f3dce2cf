package org.titrate.platform.impl.rest;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Response;
import org.titrate.platform.api.ProblemException;

/**
 * What {@code /api/v1} answers for a path no module serves (never heard of, or its module is not
 * installed): a problem+json 404 like any other, for everybody, signed in or not.
 */
@Path("/{path: .*}")
public class UnknownPathResource {

    /** Also HEAD: JAX-RS answers it with the GET method when a resource has none of its own. */
    @GET
    public Response get(@PathParam("path") String path) {
        throw unknown(path);
    }

    @POST
    public Response post(@PathParam("path") String path) {
        throw unknown(path);
    }

    @PUT
    public Response put(@PathParam("path") String path) {
        throw unknown(path);
    }

    @PATCH
    public Response patch(@PathParam("path") String path) {
        throw unknown(path);
    }

    @DELETE
    public Response delete(@PathParam("path") String path) {
        throw unknown(path);
    }

    private static ProblemException unknown(String path) {
        return new ProblemException(404, "Not Found", "No resource at /api/v1/" + path + " (is its module installed?)", null);
    }
}
