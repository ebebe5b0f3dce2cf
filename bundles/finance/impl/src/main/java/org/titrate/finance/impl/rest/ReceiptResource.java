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
 * {@code /receipts}: money in from customers (the wholesale receipt register), settling the order
 * named first, then the oldest open items; what is left stays on account as the customer's credit.
 */
@Component(service = RestResource.class)
@Path("/receipts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReceiptResource extends MoneyResource implements RestResource {

    @Reference
    private FinanceService finance;

    public ReceiptResource() {
        super(MoneyKind.RECEIPT, "receipts");
    }

    @Override
    protected FinanceService finance() {
        return finance;
    }
}
