package org.titrate.sales.impl.rest;

import java.net.URI;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.sales.api.CounterReturnRequest;
import org.titrate.sales.api.CounterSale;
import org.titrate.sales.api.CounterSaleRequest;
import org.titrate.sales.api.CounterSaleService;
import org.titrate.sales.api.TillSummary;

/**
 * {@code /counter-sales}: a sale at the counter (order, shipment and receipt in one step), a counter return
 * (return, receipt into quarantine and refund in one step) and the till summary of a day.
 */
@Component(service = RestResource.class)
@Path("/counter-sales")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CounterSaleResource implements RestResource {

    @Reference
    private CounterSaleService counter;

    @POST
    @Allowed(Roles.SALES)
    public Response sell(CounterSaleRequest body) {
        return created(counter.sell(body));
    }

    @POST
    @Path("/returns")
    @Allowed(Roles.SALES)
    public Response takeBack(CounterReturnRequest body) {
        return created(counter.takeBack(body));
    }

    /** Per payment method and currency: sales, returns, net and counts of the business day ({@code date}, default today). */
    @GET
    @Path("/summary")
    public TillSummary summary(@QueryParam("date") String date) {
        Check check = new Check();
        java.time.LocalDate day = check.date("date", date);
        check.throwIfInvalid();
        return counter.summary(day);
    }

    private static Response created(CounterSale sale) {
        return Response.created(URI.create("sales-orders/" + sale.order().number())).entity(sale).build();
    }
}
