package org.titrate.sales.impl.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.customers.api.Channel;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ForbiddenException;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderList;
import org.titrate.sales.api.OrderQuery;
import org.titrate.sales.api.OrderStatus;
import org.titrate.sales.api.OrderType;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.SalesOrderService;
import org.titrate.sales.api.StatusChange;
import org.titrate.sales.api.Tracking;

/**
 * {@code /sales-orders}: orders, returns and exchanges, their workflow actions and the order list
 * with net totals. Sales staff write documents and move them through the workflow; the warehouse
 * (or sales) ships orders and receives returns.
 */
@Component(service = RestResource.class)
@Path("/sales-orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SalesOrderResource implements RestResource {
    // Actions (POST .../confirm) are often sent without a body and so without a Content-Type: they consume any.
    private static final String CUSTOM_FIELD_PREFIX = "cf.";

    @Reference
    private SalesOrderService orders;

    @GET
    public OrderList list(@QueryParam("type") String type, @QueryParam("status") String status,
            @QueryParam("customerCode") String customerCode, @QueryParam("channel") String channel,
            @QueryParam("currency") String currency, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("q") String q, @QueryParam("salesperson") String salesperson, @QueryParam("contractNumber") String contract,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit, @Context UriInfo uri) {
        Check check = new Check();
        OrderType t = check.choice("type", type, OrderType.class);
        OrderStatus s = check.choice("status", status, OrderStatus.class);
        String customer = check.code("customerCode", customerCode, false);
        Channel ch = check.choice("channel", channel, Channel.class);
        String cur = currency == null || currency.isBlank() ? null : check.currency("currency", currency);
        LocalDate[] range = check.dateRange(from, to);
        String search = check.text("q", q, 200, false);
        String seller = check.code("salesperson", salesperson, false);
        String contractNumber = check.code("contractNumber", contract, false);
        Map<String, String> customFields = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (name.startsWith(CUSTOM_FIELD_PREFIX)) {
                customFields.put(name.substring(CUSTOM_FIELD_PREFIX.length()), values.get(0));
            }
        });
        check.throwIfInvalid();
        return orders.find(new OrderQuery(t, s, customer, ch == null ? null : ch.name(), cur, range[0],
                range[1], search, customFields, PageRequest.parse(offset, limit), seller, contractNumber));
    }

    @GET
    @Path("/{id}")
    public SalesOrder get(@PathParam("id") String id) {
        return orders.get(id);
    }

    @POST
    @Allowed(Roles.SALES)
    public Response create(SalesOrder body) {
        return created(orders.create(body));
    }

    @PUT
    @Path("/{id}")
    @Allowed(Roles.SALES)
    public SalesOrder update(@PathParam("id") String id, SalesOrder body) {
        return orders.update(id, body);
    }

    /** A draft return copying the order's customer, warehouse, prices and lines. */
    @POST
    @Path("/{id}/returns")
    @Allowed(Roles.SALES)
    public Response createReturn(@PathParam("id") String id, ActionRequest body) {
        return created(orders.createReturn(id, body == null ? null : body.comment()));
    }

    @GET
    @Path("/{id}/history")
    public Page<StatusChange> history(@PathParam("id") String id, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        return orders.history(id, PageRequest.parse(offset, limit));
    }

    @PUT
    @Path("/{id}/tracking")
    @Allowed(Roles.SALES)
    public SalesOrder tracking(@PathParam("id") String id, Tracking body) {
        return orders.track(id, body);
    }

    /**
     * Checks the customer's credit; {@code {"overrideCreditLimit": true, "reason"}} lets a finance user or an
     * administrator confirm above it (a finance user confirms only so).
     */
    @POST
    @Path("/{id}/confirm")
    @Allowed({Roles.SALES, Roles.FINANCE})
    public SalesOrder confirm(@PathParam("id") String id, ConfirmRequest body, @Context SecurityContext caller) {
        boolean override = body != null && Boolean.TRUE.equals(body.overrideCreditLimit());
        if (override && !caller.isUserInRole(Roles.FINANCE) && !caller.isUserInRole(Roles.ADMIN)) {
            throw new ForbiddenException("Only a finance user or an administrator may override the credit check (overrideCreditLimit)");
        }
        if (!override && !caller.isUserInRole(Roles.SALES) && !caller.isUserInRole(Roles.ADMIN)) {
            throw new ForbiddenException("A finance user confirms an order only to override the credit check (overrideCreditLimit)");
        }
        if (body == null) {
            return orders.confirm(id, null, null, false);
        }
        String note = body.reason() != null && !body.reason().isBlank() ? body.reason() : body.comment();
        return orders.confirm(id, note, body.version(), override);
    }

    /** Issues the goods and books the receivable (through the posting listeners of inventory and finance). */
    @POST
    @Path("/{id}/ship")
    @Allowed({Roles.WAREHOUSE, Roles.SALES})
    public SalesOrder ship(@PathParam("id") String id, ActionRequest body) {
        return act(id, OrderAction.SHIP, body);
    }

    @POST
    @Path("/{id}/cancel")
    @Allowed(Roles.SALES)
    public SalesOrder cancel(@PathParam("id") String id, ActionRequest body) {
        return act(id, OrderAction.CANCEL, body);
    }

    @POST
    @Path("/{id}/submit")
    @Allowed(Roles.SALES)
    public SalesOrder submit(@PathParam("id") String id, ActionRequest body) {
        return act(id, OrderAction.SUBMIT, body);
    }

    @POST
    @Path("/{id}/approve")
    @Allowed(Roles.SALES)
    public SalesOrder approve(@PathParam("id") String id, ActionRequest body) {
        return act(id, OrderAction.APPROVE, body);
    }

    /** Requires {@code {"reason"}}: the customer is told why. */
    @POST
    @Path("/{id}/reject")
    @Allowed(Roles.SALES)
    public SalesOrder reject(@PathParam("id") String id, ActionRequest body) {
        return act(id, OrderAction.REJECT, body);
    }

    /** Takes the returned goods into quarantine, issues exchange lines and books the credit. */
    @POST
    @Path("/{id}/receive")
    @Allowed({Roles.WAREHOUSE, Roles.SALES})
    public SalesOrder receive(@PathParam("id") String id, ActionRequest body) {
        return act(id, OrderAction.RECEIVE, body);
    }

    @POST
    @Path("/{id}/close")
    @Allowed(Roles.SALES)
    public SalesOrder close(@PathParam("id") String id, ActionRequest body) {
        return act(id, OrderAction.CLOSE, body);
    }

    private SalesOrder act(String id, OrderAction action, ActionRequest body) {
        if (body == null) {
            return orders.act(id, action, null, null);
        }
        String note = body.reason() != null && !body.reason().isBlank() ? body.reason() : body.comment();
        return orders.act(id, action, note, body.version());
    }

    private static Response created(SalesOrder order) {
        return Response.created(URI.create("sales-orders/" + order.number())).entity(order).build();
    }
}
