package org.titrate.purchasing.impl.rest;

import java.net.URI;
import java.time.LocalDate;
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
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.purchasing.api.PurchaseAction;
import org.titrate.purchasing.api.PurchaseList;
import org.titrate.purchasing.api.PurchaseOrder;
import org.titrate.purchasing.api.PurchaseOrderService;
import org.titrate.purchasing.api.PurchaseQuery;
import org.titrate.purchasing.api.PurchaseStatus;
import org.titrate.purchasing.api.PurchaseType;

/**
 * {@code /purchase-orders}: purchase orders and returns to suppliers, listed with date filters and
 * net totals. Purchasing writes them and moves them through the workflow; the warehouse (or
 * purchasing) receives orders and ships returns.
 */
@Component(service = RestResource.class)
@Path("/purchase-orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PurchaseOrderResource implements RestResource {

    @Reference
    private PurchaseOrderService orders;

    @GET
    public PurchaseList list(@QueryParam("type") String type, @QueryParam("status") String status,
            @QueryParam("supplierCode") String supplierCode, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("q") String q, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Check check = new Check();
        PurchaseType t = check.choice("type", type, PurchaseType.class);
        PurchaseStatus s = check.choice("status", status, PurchaseStatus.class);
        String supplier = check.code("supplierCode", supplierCode, false);
        LocalDate[] range = check.dateRange(from, to);
        String search = check.text("q", q, 200, false);
        check.throwIfInvalid();
        return orders.find(new PurchaseQuery(t, s, supplier, range[0], range[1], search, PageRequest.parse(offset, limit)));
    }

    @GET
    @Path("/{id}")
    public PurchaseOrder get(@PathParam("id") String id) {
        return orders.get(id);
    }

    @POST
    @Allowed(Roles.PURCHASING)
    public Response create(PurchaseOrder body) {
        return created(orders.create(body));
    }

    @PUT
    @Path("/{id}")
    @Allowed(Roles.PURCHASING)
    public PurchaseOrder update(@PathParam("id") String id, PurchaseOrder body) {
        return orders.update(id, body);
    }

    /** A draft return of a received order. */
    @POST
    @Path("/{id}/returns")
    @Allowed(Roles.PURCHASING)
    public Response createReturn(@PathParam("id") String id, PurchaseActionRequest body) {
        return created(orders.createReturn(id, body == null ? null : body.comment()));
    }

    @POST
    @Path("/{id}/confirm")
    @Allowed(Roles.PURCHASING)
    public PurchaseOrder confirm(@PathParam("id") String id, PurchaseActionRequest body) {
        return act(id, PurchaseAction.CONFIRM, body);
    }

    /** The goods arrived: into available stock with the lots named, and what we owe the supplier. */
    @POST
    @Path("/{id}/receive")
    @Allowed({Roles.WAREHOUSE, Roles.PURCHASING})
    public PurchaseOrder receive(@PathParam("id") String id, PurchaseActionRequest body) {
        return act(id, PurchaseAction.RECEIVE, body);
    }

    /** A return leaves for the supplier: out of stock (a quarantined lot first), and less owed. */
    @POST
    @Path("/{id}/ship")
    @Allowed({Roles.WAREHOUSE, Roles.PURCHASING})
    public PurchaseOrder ship(@PathParam("id") String id, PurchaseActionRequest body) {
        return act(id, PurchaseAction.SHIP, body);
    }

    @POST
    @Path("/{id}/cancel")
    @Allowed(Roles.PURCHASING)
    public PurchaseOrder cancel(@PathParam("id") String id, PurchaseActionRequest body) {
        return act(id, PurchaseAction.CANCEL, body);
    }

    @POST
    @Path("/{id}/close")
    @Allowed(Roles.PURCHASING)
    public PurchaseOrder close(@PathParam("id") String id, PurchaseActionRequest body) {
        return act(id, PurchaseAction.CLOSE, body);
    }

    private PurchaseOrder act(String id, PurchaseAction action, PurchaseActionRequest body) {
        return body == null ? orders.act(id, action, null, null, null) : orders.act(id, action, body.comment(), body.version(), body.lots());
    }

    private static Response created(PurchaseOrder order) {
        return Response.created(URI.create("purchase-orders/" + order.number())).entity(order).build();
    }
}
