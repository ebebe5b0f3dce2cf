package org.titrate.finance.impl.rest;

import java.net.URI;
import java.time.LocalDate;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;
import org.titrate.finance.api.FinanceService;
import org.titrate.finance.api.MoneyDocument;
import org.titrate.finance.api.MoneyKind;
import org.titrate.finance.api.MoneyQuery;
import org.titrate.finance.api.PartyType;
import org.titrate.finance.api.PaymentMethod;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

/**
 * A register of money documents of one kind: the list with date filters, one document, and posting a
 * new one, for the finance role (never changed afterwards; a wrong receipt is answered by a refund).
 * Customers' money is filtered by {@code customerCode} and {@code salesOrderNumber}, suppliers' by
 * {@code supplierCode} and {@code purchaseOrderNumber}.
 */
abstract class MoneyResource {

    private final MoneyKind kind;
    /** The path segment, for the Location header. */
    private final String path;

    MoneyResource(MoneyKind kind, String path) {
        this.kind = kind;
        this.path = path;
    }

    /** The service, referenced by each resource component (DS does not inject into superclasses). */
    protected abstract FinanceService finance();

    @GET
    @Allowed({Roles.FINANCE, Roles.VIEWER})
    public Page<MoneyDocument> list(@QueryParam("customerCode") String customerCode, @QueryParam("supplierCode") String supplierCode,
            @QueryParam("method") String method, @QueryParam("salesOrderNumber") String salesOrderNumber,
            @QueryParam("purchaseOrderNumber") String purchaseOrderNumber, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        boolean customers = kind.postingType().partyType() == PartyType.CUSTOMER;
        Check check = new Check();
        String c = customers ? check.code("customerCode", customerCode, false) : check.code("supplierCode", supplierCode, false);
        PaymentMethod m = check.choice("method", method, PaymentMethod.class);
        String order = customers ? check.text("salesOrderNumber", salesOrderNumber, 40, false)
                : check.text("purchaseOrderNumber", purchaseOrderNumber, 40, false);
        LocalDate[] range = check.dateRange(from, to);
        check.throwIfInvalid();
        return finance().moneyDocuments(new MoneyQuery(kind, c, m, order, range[0], range[1], PageRequest.parse(offset, limit)));
    }

    @GET
    @Allowed({Roles.FINANCE, Roles.VIEWER})
    @javax.ws.rs.Path("/{id}")
    public MoneyDocument get(@PathParam("id") String id) {
        return finance().moneyDocument(kind, id);
    }

    @POST
    @Allowed(Roles.FINANCE)
    public Response post(MoneyDocument body) {
        MoneyDocument d = finance().register(Check.body(body).as(kind));
        return Response.created(URI.create(path + "/" + d.number())).entity(d).build();
    }
}
