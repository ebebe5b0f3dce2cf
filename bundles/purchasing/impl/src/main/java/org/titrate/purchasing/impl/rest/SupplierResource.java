package org.titrate.purchasing.impl.rest;

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
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.purchasing.api.Supplier;
import org.titrate.purchasing.api.SupplierService;

/** {@code /suppliers}: kept by purchasing, read by everyone. */
@Component(service = RestResource.class)
@Path("/suppliers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupplierResource implements RestResource {

    @Reference
    private SupplierService suppliers;

    @GET
    public Page<Supplier> list(@QueryParam("q") String q, @QueryParam("active") String active, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        Check check = new Check();
        String search = check.text("q", q, 200, false);
        Boolean a = check.bool("active", active);
        check.throwIfInvalid();
        return suppliers.find(search, a, PageRequest.parse(offset, limit));
    }

    @GET
    @Path("/{id}")
    public Supplier get(@PathParam("id") String id) {
        return suppliers.get(id);
    }

    @POST
    @Allowed(Roles.PURCHASING)
    public Response create(Supplier body) {
        Supplier s = suppliers.create(body);
        return Response.created(URI.create("suppliers/" + s.code())).entity(s).build();
    }

    @PUT
    @Path("/{id}")
    @Allowed(Roles.PURCHASING)
    public Supplier update(@PathParam("id") String id, Supplier body) {
        return suppliers.update(id, body);
    }
}
