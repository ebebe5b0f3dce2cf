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
 * {@code /refunds}: money paid back to customers out of their credit (what they paid or were
 * credited beyond what they owe): never more than that credit, also when two refunds race (409).
 * A refund naming a return ({@code salesOrderNumber}) settles that return's credit first.
 */
@Component(service = RestResource.class)
@Path("/refunds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RefundResource extends MoneyResource implements RestResource {

    @Reference
    private FinanceService finance;

    public RefundResource() {
        super(MoneyKind.REFUND, "refunds");
    }

    @Override
    protected FinanceService finance() {
        return finance;
    }
}
