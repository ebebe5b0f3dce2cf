package org.titrate.inventory.impl.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.inventory.api.StockQuery;
import org.titrate.inventory.api.StockRow;
import org.titrate.inventory.api.StockService;
import org.titrate.inventory.api.StockStatus;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;

/**
 * {@code /stock}: on hand per product, warehouse, lot and status, read only. With
 * {@code expiringWithinDays=N}: the lots that expire within N days (or have expired), soonest first.
 */
@Component(service = RestResource.class)
@Path("/stock")
@Produces(MediaType.APPLICATION_JSON)
public class StockResource implements RestResource {

    @Reference
    private StockService stock;

    @GET
    public Page<StockRow> list(@QueryParam("sku") String sku, @QueryParam("warehouseCode") String warehouseCode,
            @QueryParam("lot") String lot, @QueryParam("status") String status,
            @QueryParam("expiringWithinDays") String expiringWithinDays, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        Check check = new Check();
        String s = check.code("sku", sku, false);
        String w = check.code("warehouseCode", warehouseCode, false);
        String l = check.code("lot", lot, false);
        StockStatus st = check.choice("status", status, StockStatus.class);
        Integer days = check.integer("expiringWithinDays", expiringWithinDays, 0, 36500);
        check.throwIfInvalid();
        return stock.stock(new StockQuery(s, w, l, st, days, PageRequest.parse(offset, limit)));
    }
}
