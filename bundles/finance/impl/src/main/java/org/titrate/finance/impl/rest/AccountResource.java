package org.titrate.finance.impl.rest;

import java.time.LocalDate;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import org.titrate.finance.api.Balance;
import org.titrate.finance.api.BalanceQuery;
import org.titrate.finance.api.FinanceService;
import org.titrate.finance.api.OpenItem;
import org.titrate.finance.api.OpenItemQuery;
import org.titrate.finance.api.PartyType;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

/**
 * What parties owe or are owed: the open items (unpaid debts, unused credits), oldest due first, with
 * {@code overdue=true} keeping the debts past due (as of {@code asOf}, today by default);
 * {@code /balances} per party and currency; {@code /{code}} one party's accounts with their open items.
 */
abstract class AccountResource {

    /** One party's accounts (a balance per currency) and what is open on them. */
    public record Account(String partyCode, List<Balance> balances, List<OpenItem> openItems, long openItemsTotal) {
    }

    private final PartyType party;
    private final String partyField;

    AccountResource(PartyType party) {
        this.party = party;
        this.partyField = party == PartyType.CUSTOMER ? "customerCode" : "supplierCode";
    }

    /** The service, referenced by each resource component (DS does not inject into superclasses). */
    protected abstract FinanceService finance();

    @GET
    @Allowed({Roles.FINANCE, Roles.VIEWER})
    public Page<OpenItem> list(@QueryParam("customerCode") String customerCode, @QueryParam("supplierCode") String supplierCode,
            @QueryParam("currency") String currency, @QueryParam("overdue") String overdue, @QueryParam("asOf") String asOf,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        Check check = new Check();
        String code = check.code(partyField, party == PartyType.CUSTOMER ? customerCode : supplierCode, false);
        String cur = currency == null ? null : check.currency("currency", currency);
        Boolean late = check.bool("overdue", overdue);
        LocalDate day = check.date("asOf", asOf);
        LocalDate[] range = check.dateRange(from, to);
        check.throwIfInvalid();
        return finance().openItems(new OpenItemQuery(party, code, cur, Boolean.TRUE.equals(late), day, range[0], range[1],
                PageRequest.parse(offset, limit)));
    }

    @GET
    @Allowed({Roles.FINANCE, Roles.VIEWER})
    @Path("/balances")
    public Page<Balance> balances(@QueryParam("customerCode") String customerCode, @QueryParam("supplierCode") String supplierCode,
            @QueryParam("currency") String currency, @QueryParam("open") String open, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        Check check = new Check();
        String code = check.code(partyField, party == PartyType.CUSTOMER ? customerCode : supplierCode, false);
        String cur = currency == null ? null : check.currency("currency", currency);
        Boolean openOnly = check.bool("open", open);
        check.throwIfInvalid();
        return finance().balances(new BalanceQuery(party, code, cur, Boolean.TRUE.equals(openOnly), PageRequest.parse(offset, limit)));
    }

    @GET
    @Allowed({Roles.FINANCE, Roles.VIEWER})
    @Path("/{code}")
    public Account account(@PathParam("code") String code) {
        Check check = new Check();
        String c = check.code(partyField, code, true);
        check.throwIfInvalid();
        Page<OpenItem> open = finance().openItems(new OpenItemQuery(party, c, null, false, null, null, null,
                new PageRequest(0, PageRequest.MAX_LIMIT)));
        return new Account(c, finance().balance(party, c), open.items(), open.total());
    }
}
