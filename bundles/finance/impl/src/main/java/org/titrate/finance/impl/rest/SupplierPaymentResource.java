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
 * {@code /supplier-payments}: money out to suppliers (registering payment of what we owe), settling
 * the purchase order named first, then the oldest bills; what is left stays as our credit with them.
 */
@Component(service = RestResource.class)
@Path("/supplier-payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupplierPaymentResource extends MoneyResource implements RestResource {

    @Reference
    private FinanceService finance;

    public SupplierPaymentResource() {
        super(MoneyKind.SUPPLIER_PAYMENT, "supplier-payments");
    }

    @Override
    protected FinanceService finance() {
        return finance;
    }
}
