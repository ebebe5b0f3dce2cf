package org.titrate.finance.impl.rest;

import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.finance.api.FinanceService;
import org.titrate.finance.api.PartyType;
import org.titrate.platform.api.rest.RestResource;

/** {@code /payables}: what we owe suppliers (the unpaid query), and our credits with them. */
@Component(service = RestResource.class)
@Path("/payables")
@Produces(MediaType.APPLICATION_JSON)
public class PayableResource extends AccountResource implements RestResource {

    @Reference
    private FinanceService finance;

    public PayableResource() {
        super(PartyType.SUPPLIER);
    }

    @Override
    protected FinanceService finance() {
        return finance;
    }
}
