package org.titrate.finance.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.finance.api.FinanceService;
import org.titrate.finance.api.MoneyKind;
import org.titrate.platform.api.rest.RestResource;

/**
 * {@code /supplier-refunds}: money a supplier pays back out of our credit with them; never more than
 * that credit (409), also when two race.
 */
@Component(service = RestResource.class)
@Path("/supplier-refunds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupplierRefundResource extends MoneyResource implements RestResource {

    @Reference
    private FinanceService finance;

    public SupplierRefundResource() {
        super(MoneyKind.SUPPLIER_REFUND, "supplier-refunds");
    }

    @Override
    protected FinanceService finance() {
        return finance;
    }
}
