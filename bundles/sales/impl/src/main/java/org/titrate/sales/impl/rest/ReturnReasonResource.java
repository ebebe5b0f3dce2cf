package org.titrate.sales.impl.rest;

import java.net.URI;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.sales.api.ReturnReason;
import org.titrate.sales.api.SalesSetupService;

/** {@code /return-reasons}: the configurable reason codes of return lines. */
@Component(service = RestResource.class)
@Path("/return-reasons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReturnReasonResource implements RestResource {

    @Reference
    private SalesSetupService setup;

    @GET
    public Page<ReturnReason> list(@QueryParam("active") String active, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        Check check = new Check();
        Boolean a = check.bool("active", active);
        check.throwIfInvalid();
        return setup.returnReasons(a, PageRequest.parse(offset, limit));
    }

    @GET
    @Path("/{code}")
    public ReturnReason get(@PathParam("code") String code) {
        return setup.returnReason(code);
    }

    @POST
    public Response create(ReturnReason body) {
        ReturnReason created = setup.createReturnReason(body);
        return Response.created(URI.create("return-reasons/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    public ReturnReason update(@PathParam("code") String code, ReturnReason body) {
        return setup.updateReturnReason(code, body);
    }
}
