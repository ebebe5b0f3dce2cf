package org.titrate.invoicing.impl.soap;

import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import org.titrate.invoicing.api.InvoiceService;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.soap.ProblemFault;
import org.titrate.platform.api.soap.SoapFeeds;

/**
 * {@code /soap/InvoiceService}: invoices for legacy finance systems, by number or as a feed of changes after an event
 * sequence (continue from the last {@code seq} received). Document/literal wrapped; read-only.
 */
@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@WebService(name = "InvoiceService", serviceName = "InvoiceService", portName = "InvoiceServicePort", targetNamespace = InvoiceSoapService.NS)
public class InvoiceSoapService {
    public static final String NS = "urn:titrate:invoicing";

    private final InvoiceService invoices;

    public InvoiceSoapService(InvoiceService invoices) {
        this.invoices = invoices;
    }

    /** By our number ({@code IV-…}) or the tax system's invoice number. */
    @WebMethod
    @WebResult(name = "invoice")
    public InvoiceData getInvoice(@WebParam(name = "number") String number) throws ProblemFault {
        Check check = new Check();
        String n = check.text("number", number, 40, true);
        check.throwIfInvalid();
        return InvoiceData.of(invoices.get(n));
    }

    /** Invoices requested, issued or cancelled after the event {@code afterSeq}, oldest first, at most {@code limit} (1–500). */
    @WebMethod
    @WebResult(name = "change")
    public List<InvoiceChangeData> listInvoicesChangedAfter(@WebParam(name = "afterSeq") Long afterSeq, @WebParam(name = "limit") Integer limit) throws ProblemFault {
        long after = SoapFeeds.afterSeq(afterSeq);
        Check check = new Check();
        Integer max = check.range("limit", limit, 1, 500, false);
        check.throwIfInvalid();
        return invoices.changedAfter(after, max == null ? 100 : max).stream().map(InvoiceChangeData::of).toList();
    }
}
