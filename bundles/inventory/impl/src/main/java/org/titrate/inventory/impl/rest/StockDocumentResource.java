package org.titrate.inventory.impl.rest;

import java.net.URI;
import java.time.LocalDate;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.inventory.api.DocumentQuery;
import org.titrate.inventory.api.StockDocument;
import org.titrate.inventory.api.StockDocumentType;
import org.titrate.inventory.api.StockService;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

/**
 * {@code /stock-documents}: receipts, issues, transfers, counts, and holds, releases and scrapping
 * of quarantined goods; posted on create by the warehouse staff, never changed afterwards.
 */
@Component(service = RestResource.class)
@Path("/stock-documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StockDocumentResource implements RestResource {

    @Reference
    private StockService stock;

    @GET
    public Page<StockDocument> list(@QueryParam("type") String type, @QueryParam("warehouseCode") String warehouseCode,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("q") String q,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Check check = new Check();
        StockDocumentType t = check.choice("type", type, StockDocumentType.class);
        String w = check.code("warehouseCode", warehouseCode, false);
        LocalDate[] range = check.dateRange(from, to);
        String search = check.text("q", q, 200, false);
        check.throwIfInvalid();
        return stock.documents(new DocumentQuery(t, w, range[0], range[1], search, PageRequest.parse(offset, limit)));
    }

    @GET
    @Path("/{id}")
    public StockDocument get(@PathParam("id") String id) {
        return stock.document(id);
    }

    @POST
    @Allowed(Roles.WAREHOUSE)
    public Response post(StockDocument body) {
        StockDocument d = stock.post(body);
        return Response.created(URI.create("stock-documents/" + d.number())).entity(d).build();
    }
}
