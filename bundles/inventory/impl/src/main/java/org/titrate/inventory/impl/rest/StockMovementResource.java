package org.titrate.inventory.impl.rest;

import java.time.LocalDate;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.inventory.api.MovementQuery;
import org.titrate.inventory.api.StockMovement;
import org.titrate.inventory.api.StockService;
import org.titrate.inventory.api.StockStatus;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;

/** {@code /stock-movements}: the stock ledger, newest first, read only. */
@Component(service = RestResource.class)
@Path("/stock-movements")
@Produces(MediaType.APPLICATION_JSON)
public class StockMovementResource implements RestResource {

    @Reference
    private StockService stock;

    @GET
    public Page<StockMovement> list(@QueryParam("sku") String sku, @QueryParam("warehouseCode") String warehouseCode,
            @QueryParam("lot") String lot, @QueryParam("status") String status, @QueryParam("documentType") String documentType,
            @QueryParam("documentNumber") String documentNumber, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Check check = new Check();
        String s = check.code("sku", sku, false);
        String w = check.code("warehouseCode", warehouseCode, false);
        String l = check.code("lot", lot, false);
        StockStatus st = check.choice("status", status, StockStatus.class);
        String type = check.code("documentType", documentType, false);
        String number = check.text("documentNumber", documentNumber, 40, false);
        LocalDate[] range = check.dateRange(from, to);
        check.throwIfInvalid();
        return stock.movements(new MovementQuery(s, w, l, st, type == null ? null : type.toUpperCase(java.util.Locale.ROOT), number,
                range[0], range[1], PageRequest.parse(offset, limit)));
    }
}
