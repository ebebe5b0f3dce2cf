package org.titrate.invoicing.impl.rest;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.invoicing.api.Invoice;
import org.titrate.invoicing.api.InvoiceKind;
import org.titrate.invoicing.api.InvoiceProgress;
import org.titrate.invoicing.api.InvoiceQuery;
import org.titrate.invoicing.api.InvoiceRequest;
import org.titrate.invoicing.api.InvoiceService;
import org.titrate.invoicing.api.InvoiceStatus;
import org.titrate.invoicing.api.Issue;
import org.titrate.invoicing.api.IssueImport;
import org.titrate.invoicing.api.RedRequest;
import org.titrate.invoicing.impl.InvoiceSheet;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

/** {@code /invoices}: requested by sales or finance, issued, cancelled and reversed by finance, read by every role. */
@Component(service = RestResource.class)
@Path("/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource implements RestResource {

    @Reference
    private InvoiceService invoices;

    @GET
    public Page<Invoice> list(@QueryParam("customerCode") String customerCode, @QueryParam("orderNumber") String orderNumber,
            @QueryParam("kind") String kind, @QueryParam("status") String status, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        Check check = new Check();
        String customer = check.code("customerCode", customerCode, false);
        String order = check.text("orderNumber", orderNumber, 40, false);
        InvoiceKind k = check.choice("kind", kind, InvoiceKind.class);
        InvoiceStatus s = check.choice("status", status, InvoiceStatus.class);
        check.throwIfInvalid();
        return invoices.find(new InvoiceQuery(customer, order, k, s, PageRequest.parse(offset, limit)));
    }

    /** 开票进度: per order, or per customer with {@code by=customer}, of orders dated {@code from}–{@code to}. */
    @GET
    @Path("/progress")
    public Page<InvoiceProgress> progress(@QueryParam("by") String by, @QueryParam("customerCode") String customerCode,
            @QueryParam("orderNumber") String orderNumber, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Check check = new Check();
        if (by != null && !by.equals("order") && !by.equals("customer")) {
            check.fail("by", "must be order or customer");
        }
        String customer = check.code("customerCode", customerCode, false);
        String order = check.text("orderNumber", orderNumber, 40, false);
        LocalDate[] range = check.dateRange(from, to);
        check.throwIfInvalid();
        return invoices.progress("customer".equals(by), customer, order, range[0], range[1], PageRequest.parse(offset, limit));
    }

    /**
     * The requests in the tax system's import layout (XLSX, one row per line): by default every request not yet issued,
     * at most 500 invoices per file.
     */
    @GET
    @Path("/export")
    @Produces(InvoiceSheet.XLSX)
    public Response export(@QueryParam("customerCode") String customerCode, @QueryParam("kind") String kind,
            @QueryParam("status") String status) {
        Check check = new Check();
        String customer = check.code("customerCode", customerCode, false);
        InvoiceKind k = check.choice("kind", kind, InvoiceKind.class);
        InvoiceStatus s = check.choice("status", status, InvoiceStatus.class);
        check.throwIfInvalid();
        List<Invoice> found = invoices.find(new InvoiceQuery(customer, null, k, s == null ? InvoiceStatus.REQUESTED : s,
                new PageRequest(0, PageRequest.MAX_LIMIT))).items();
        StreamingOutput body = out -> InvoiceSheet.write(found, out);
        return Response.ok(body, InvoiceSheet.XLSX).header("Content-Disposition", "attachment; filename=\"invoices.xlsx\"").build();
    }

    @GET
    @Path("/{number}")
    public Invoice get(@PathParam("number") String number) {
        return invoices.get(number);
    }

    @POST
    @Allowed({Roles.SALES, Roles.FINANCE})
    public Response request(InvoiceRequest body) {
        Invoice i = invoices.request(body);
        return Response.created(URI.create("invoices/" + i.number())).entity(i).build();
    }

    @POST
    @Path("/{number}/issue")
    @Allowed(Roles.FINANCE)
    public Invoice issue(@PathParam("number") String number, Issue body) {
        return invoices.issue(number, body);
    }

    /** What the tax system issued, several at once (its export, read by the browser or a script): all or none. */
    @POST
    @Path("/issued")
    @Allowed(Roles.FINANCE)
    public List<Invoice> issued(List<Issue> body) {
        return invoices.issueAll(body);
    }

    /**
     * The tax system's own export of issued invoices (XLSX, as the raw request body, any Content-Type): each row
     * matched to a request and issued on its own; the answer says per row what happened.
     */
    @POST
    @Path("/issued/xlsx")
    @Consumes(MediaType.WILDCARD)
    @Allowed(Roles.FINANCE)
    public IssueImport importIssued(InputStream body) {
        return invoices.importIssued(body);
    }

    @POST
    @Path("/{number}/cancel")
    @Allowed(Roles.FINANCE)
    public Invoice cancel(@PathParam("number") String number, Reason body) {
        return invoices.cancel(number, body == null ? null : body.reason());
    }

    @POST
    @Path("/{number}/red")
    @Allowed(Roles.FINANCE)
    public Response reverse(@PathParam("number") String number, RedRequest body) {
        Invoice i = invoices.reverse(number, body);
        return Response.created(URI.create("invoices/" + i.number())).entity(i).build();
    }

    /** The body of a cancellation. */
    public record Reason(String reason) {
    }
}
