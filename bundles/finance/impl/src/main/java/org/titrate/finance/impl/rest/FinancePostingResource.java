package org.titrate.finance.impl.rest;

import java.time.LocalDate;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.finance.api.FinanceService;
import org.titrate.finance.api.PartyType;
import org.titrate.finance.api.Posting;
import org.titrate.finance.api.PostingQuery;
import org.titrate.finance.api.PostingType;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

/**
 * {@code /finance-postings}: the finance ledger, newest first, read only; each entry with the account's balance after it.
 * {@code /{id}} one entry. Read by finance, viewer and admin only, as every read of the ledger.
 */
@Allowed({Roles.FINANCE, Roles.VIEWER})
@Component(service = RestResource.class)
@Path("/finance-postings")
@Produces(MediaType.APPLICATION_JSON)
public class FinancePostingResource implements RestResource {

    @Reference
    private FinanceService finance;

    @GET
    public Page<Posting> list(@QueryParam("partyType") String partyType, @QueryParam("partyCode") String partyCode,
            @QueryParam("type") String type, @QueryParam("documentNumber") String documentNumber, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Check check = new Check();
        PartyType pt = check.choice("partyType", partyType, PartyType.class);
        String code = check.code("partyCode", partyCode, false);
        PostingType t = check.choice("type", type, PostingType.class);
        String number = check.text("documentNumber", documentNumber, 40, false);
        LocalDate[] range = check.dateRange(from, to);
        check.throwIfInvalid();
        return finance.postings(new PostingQuery(pt, code, t, number, range[0], range[1], PageRequest.parse(offset, limit)));
    }

    @GET
    @Path("/{id}")
    public Posting get(@PathParam("id") String id) {
        return finance.posting(id);
    }
}
