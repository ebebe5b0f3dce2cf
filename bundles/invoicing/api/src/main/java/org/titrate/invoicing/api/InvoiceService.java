package org.titrate.invoicing.api;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;

/**
 * Invoice requests from shipped orders, their issuing, red-letter invoices and the invoicing progress. Throws the
 * platform's problems: 400 naming the field, 404 for unknown documents, 409 when a line would be invoiced beyond what
 * shipped minus what came back, reversed beyond the original minus earlier red invoices, or an issued invoice changed.
 */
@ProviderType
public interface InvoiceService {

    Page<Invoice> find(InvoiceQuery query);

    /** By our number ({@code IV-…}) or the tax system's invoice number. */
    Invoice get(String number);

    Invoice request(InvoiceRequest request);

    /** Records the tax system's number, code and date on a requested invoice. */
    Invoice issue(String number, Issue issue);

    /** Issues several requests at once (a file from the tax system); all or none. */
    List<Invoice> issueAll(List<Issue> issues);

    /**
     * Reads the tax system's export of issued invoices (XLSX) and issues the requests its rows match, row by row: by the
     * request number in 备注, else by the buyer's tax id and the amounts when exactly one request fits. A file that is no
     * such export is a 400 naming {@code file}; a row that cannot be issued is reported, the others are issued.
     */
    IssueImport importIssued(InputStream xlsx);

    /** Cancels a request not yet issued (or declines a red proposal), releasing what it held. */
    Invoice cancel(String number, String reason);

    /** Requests a red-letter invoice against an issued blue one. */
    Invoice reverse(String number, RedRequest request);

    /** Per order (or per customer when {@code byCustomer}), of orders dated {@code from}–{@code to}. */
    Page<InvoiceProgress> progress(boolean byCustomer, String customerCode, String orderNumber, LocalDate from, LocalDate to,
            PageRequest page);

    /** Invoices whose events follow {@code afterSeq} in the event log, in that order, at most {@code limit} events. */
    List<InvoiceChange> changedAfter(long afterSeq, int limit);
}
