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
import org.titrate.products.api.Product;
import org.titrate.products.api.ProductChange;
import org.titrate.products.api.ProductQuery;
import org.titrate.products.api.ProductService;
import org.titrate.products.api.ProductTax;
import org.titrate.products.api.ProductTaxService;

/** {@code /products}: SKU or id in the path. Purchasing keeps the product master. */
@Component(service = RestResource.class)
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource implements RestResource {

    @Reference
    private ProductService products;

    @Reference
    private ProductTaxService taxes;

    @GET
    public Page<Product> list(@QueryParam("q") String q, @QueryParam("categoryCode") String categoryCode,
            @QueryParam("active") String active, @QueryParam("hazardClass") String hazardClass,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Check check = new Check();
        Boolean activeFlag = check.bool("active", active);
        String search = check.text("q", q, 200, false);
        String category = check.code("categoryCode", categoryCode, false);
        String hazard = check.text("hazardClass", hazardClass, 4, false);
        check.throwIfInvalid();
        return products.find(new ProductQuery(search, category, activeFlag, hazard, PageRequest.parse(offset, limit)));
    }

    @GET
    @Path("/{id}")
    public Product get(@PathParam("id") String id) {
        return products.get(id);
    }

    @GET
    @Path("/{id}/history")
    public Page<ProductChange> history(@PathParam("id") String id, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        return products.history(id, PageRequest.parse(offset, limit));
    }

    @POST
    @Allowed(Roles.PURCHASING)
    public Response create(Product body) {
        Product created = products.create(body);
        return Response.created(URI.create("products/" + created.sku())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Allowed(Roles.PURCHASING)
    public Product update(@PathParam("id") String id, Product body) {
        return products.update(id, body);
    }

    /** The product's VAT rate and tax classification code (税收分类编码), for invoices. */
    @GET
    @Path("/{id}/tax")
    public ProductTax tax(@PathParam("id") String id) {
        return taxes.get(id);
    }

    @PUT
    @Path("/{id}/tax")
    @Allowed({Roles.PURCHASING, Roles.FINANCE})
    public ProductTax setTax(@PathParam("id") String id, ProductTax body) {
        return taxes.set(id, body);
    }
}
