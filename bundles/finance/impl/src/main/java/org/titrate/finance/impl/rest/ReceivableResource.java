package org.titrate.finance.impl.rest;

import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.finance.api.FinanceService;
import org.titrate.finance.api.PartyType;
import org.titrate.platform.api.rest.RestResource;

/** {@code /receivables}: what customers owe us (the wholesaler debt query), and their credits. */
@Component(service = RestResource.class)
@Path("/receivables")
@Produces(MediaType.APPLICATION_JSON)
public class ReceivableResource extends AccountResource implements RestResource {

    @Reference
    private FinanceService finance;

    public ReceivableResource() {
        super(PartyType.CUSTOMER);
    }

    @Override
    protected FinanceService finance() {
        return finance;
    }
}
