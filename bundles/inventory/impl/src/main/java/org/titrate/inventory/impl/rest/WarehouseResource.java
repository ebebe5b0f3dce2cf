package org.titrate.inventory.impl.rest;

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
import org.titrate.inventory.api.Warehouse;
import org.titrate.inventory.api.WarehouseService;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

/** {@code /warehouses}: kept by the warehouse staff (and admins), read by everyone. */
@Component(service = RestResource.class)
@Path("/warehouses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WarehouseResource implements RestResource {

    @Reference
    private WarehouseService warehouses;

    @GET
    public Page<Warehouse> list(@QueryParam("q") String q, @QueryParam("active") String active, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        Check check = new Check();
        String search = check.text("q", q, 200, false);
        Boolean onlyActive = check.bool("active", active);
        check.throwIfInvalid();
        return warehouses.find(search, onlyActive, PageRequest.parse(offset, limit));
    }

    @GET
    @Path("/{id}")
    public Warehouse get(@PathParam("id") String id) {
        return warehouses.get(id);
    }

    @POST
    @Allowed(Roles.WAREHOUSE)
    public Response create(Warehouse body) {
        Warehouse w = warehouses.create(body);
        return Response.created(URI.create("warehouses/" + w.code())).entity(w).build();
    }

    @PUT
    @Path("/{id}")
    @Allowed(Roles.WAREHOUSE)
    public Warehouse update(@PathParam("id") String id, Warehouse body) {
        return warehouses.update(id, body);
    }
}
