package org.titrate.products.impl.rest;

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
import org.titrate.products.api.Category;
import org.titrate.products.api.ProductService;

/** {@code /product-categories}: code or id in the path. */
@Component(service = RestResource.class)
@Path("/product-categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CategoryResource implements RestResource {

    @Reference
    private ProductService products;

    @GET
    public Page<Category> list(@QueryParam("q") String q, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Check check = new Check();
        String search = check.text("q", q, 200, false);
        check.throwIfInvalid();
        return products.findCategories(search, PageRequest.parse(offset, limit));
    }

    @GET
    @Path("/{id}")
    public Category get(@PathParam("id") String id) {
        return products.getCategory(id);
    }

    @POST
    @Allowed(Roles.PURCHASING)
    public Response create(Category body) {
        Category created = products.createCategory(body);
        return Response.created(URI.create("product-categories/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Allowed(Roles.PURCHASING)
    public Category update(@PathParam("id") String id, Category body) {
        return products.updateCategory(id, body);
    }
}
