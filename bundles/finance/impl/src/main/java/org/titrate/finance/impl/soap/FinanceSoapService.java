package org.titrate.finance.impl.soap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.xml.ws.RequestWrapper;
import org.titrate.finance.api.FinanceService;
import org.titrate.finance.api.MoneyDocument;
import org.titrate.finance.api.MoneyKind;
import org.titrate.finance.api.MoneyQuery;
import org.titrate.finance.api.OpenItem;
import org.titrate.finance.api.OpenItemQuery;
import org.titrate.finance.api.PartyType;
import org.titrate.finance.api.PaymentMethod;
import org.titrate.customers.api.CustomerService;
import org.titrate.invoicing.api.OrderInvoices;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.soap.ProblemFault;
import org.titrate.platform.api.soap.SoapFeeds;
import org.titrate.platform.api.soap.SoapTime;
import org.titrate.purchasing.api.SupplierService;

/**
 * {@code /soap/FinanceService}: the feeds a legacy finance system polls (postings since an instant or after a place in
 * the event log), balances and open items of customers (receivables) and suppliers (payables), the money registers, and
 * receipts, refunds, supplier payments and supplier refunds booked from the bank side. Document/literal wrapped. The
 * ledger is read by finance, viewer and admin only, as over REST; only finance (and admin) books money.
 */
@Allowed({Roles.FINANCE, Roles.VIEWER})
@WebService(name = "FinanceService", serviceName = "FinanceService", portName = "FinanceServicePort", targetNamespace = FinanceSoapService.NS)
public class FinanceSoapService {
    public static final String NS = "urn:titrate:finance";
    /** Postings per call of the feed; the caller asks again from the last {@code postedAt} it got. */
    static final int FEED_LIMIT = 1000;
    /** What one poll answers at most: {@code pageLimit} of PID {@code org.titrate.finance.feeds} (FinanceFeedSettings). */
    private static volatile int pageLimit = FEED_LIMIT;

    static void pageLimit(int limit) {
        pageLimit = limit;
    }

    private final FinanceService finance;
    private final CustomerService customers;
    /** Purchasing's suppliers while that module is installed (null otherwise). */
    private final Supplier<SupplierService> suppliers;
    /** Invoicing's invoice numbers of orders while that module is installed (null otherwise). */
    private final Supplier<OrderInvoices> invoices;

    public FinanceSoapService(FinanceService finance, CustomerService customers, Supplier<SupplierService> suppliers,
            Supplier<OrderInvoices> invoices) {
        this.finance = finance;
        this.customers = customers;
        this.suppliers = suppliers;
        this.invoices = invoices;
    }

    /**
     * The customer's accounts, one per currency (none when nothing was ever posted); an unknown customer is a fault, so
     * that a mistyped code never reads as a zero balance.
     */
    @WebMethod
    @WebResult(name = "balance")
    public List<BalanceData> getBalance(@WebParam(name = "customerCode") String customerCode) throws ProblemFault {
        return finance.balance(PartyType.CUSTOMER, knownCustomer(customerCode)).stream().map(BalanceData::of).toList();
    }

    /** Posts a receipt; the answer says what it settled. Sent again with the same {@code requestId}, it answers the first one. */
    @WebMethod
    @Allowed(Roles.FINANCE)
    @WebResult(name = "receipt")
    public ReceiptData registerReceipt(@WebParam(name = "receipt") ReceiptData receipt) throws ProblemFault {
        if (receipt == null) {
            throw new ValidationException("receipt", "is required");
        }
        Check check = new Check();
        PaymentMethod method = check.choice("method", receipt.method, PaymentMethod.class);
        LocalDate date = check.date("date", receipt.date);
        check.throwIfInvalid();
        MoneyDocument posted = finance.register(new MoneyDocument(null, null, MoneyKind.RECEIPT, receipt.customerCode, null, receipt.amount,
                receipt.currency, method, date, receipt.salesOrderNumber, null, receipt.reference, receipt.comment, List.of(), null, null,
                receipt.requestId));
        return ReceiptData.of(posted);
    }

    /**
     * Postings written after {@code since} (ISO-8601 instant), at most about 1 000 per call, without delay: ask again
     * from the last {@code postedAt} (the last few may come again). New integrations use {@link #listPostingsAfter}.
     */
    @WebMethod
    @WebResult(name = "posting")
    @RequestWrapper(className = "org.titrate.finance.impl.soap.ListPostingsSinceRequest")
    public List<PostingData> listPostingsSince(@WebParam(name = "since") String since) throws ProblemFault {
        Instant from;
        try {
            from = since == null || since.isBlank() ? Instant.EPOCH : Instant.parse(since.strip());
            if (from.isBefore(Instant.parse("0001-01-01T00:00:00Z")) || from.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw new ValidationException("since", "must lie between the years 1 and 9999");
            }
        } catch (DateTimeParseException e) {
            throw new ValidationException("since", "must be an ISO-8601 instant such as 2026-11-29T08:00:00Z");
        }
        return withInvoices(finance.postingsSince(from, pageLimit).stream().map(PostingData::of).toList());
    }

    /**
     * Postings whose event in the platform's log follows {@code afterSeq} (0 for the start of the log), in log order, each
     * with its {@code seq}: ask again after the highest; none is missed or repeated. {@code limit} (optional) asks for at
     * most that many; a page never holds more than {@code pageLimit} of PID {@code org.titrate.finance.feeds} (1 000 by
     * default), whatever is asked.
     */
    @WebMethod
    @WebResult(name = "posting")
    public List<PostingData> listPostingsAfter(@WebParam(name = "afterSeq") Long afterSeq, @WebParam(name = "limit") Integer limit) throws ProblemFault {
        return withInvoices(finance.postingsAfter(SoapFeeds.afterSeq(afterSeq), SoapFeeds.pageSize(limit, pageLimit)).stream()
                .map(p -> PostingData.of(p.posting(), p.seq())).toList());
    }

    /**
     * The postings with the numbers of the invoices naming their orders, read for the page at once; as they are without
     * invoicing. A shipped order's own posting names the order as its document, money and returns in {@code orderNumber}.
     */
    private List<PostingData> withInvoices(List<PostingData> postings) {
        OrderInvoices.attach(invoices.get(), postings, p -> p.orderNumber != null ? p.orderNumber : p.documentNumber,
                (p, numbers) -> p.invoiceNumbers = numbers);
        return postings;
    }

    /** One ledger entry by its {@code id} (a posting's {@code id} in the feeds); an unknown id is a fault naming {@code id}. */
    @WebMethod
    @WebResult(name = "posting")
    public LedgerEntryData getPosting(@WebParam(name = "id") String id) throws ProblemFault {
        return LedgerEntryData.of(finance.posting(id));
    }

    // ---- receivables ----

    /** The customer's open items (unpaid debts, unused credits), oldest due first; an unknown customer is a fault. */
    @WebMethod
    @WebResult(name = "openItems")
    public OpenItemPage listOpenItems(@WebParam(name = "customerCode") String customerCode, @WebParam(name = "offset") Integer offset,
            @WebParam(name = "limit") Integer limit) throws ProblemFault {
        String code = knownCustomer(customerCode);
        return OpenItemPage.of(finance.openItems(new OpenItemQuery(PartyType.CUSTOMER, code, null, false, null, null, null,
                page(offset, limit))));
    }

    /** Posts a refund to a customer (at most its credit); sent again with the same {@code requestId}, it answers the first. */
    @WebMethod
    @Allowed(Roles.FINANCE)
    @WebResult(name = "refund")
    public MoneyDocumentData registerRefund(@WebParam(name = "refund") MoneyDocumentData refund) throws ProblemFault {
        return register(MoneyKind.REFUND, "refund", refund);
    }

    /** The receipts dated in the range, newest first, optionally of one customer ({@code partyCode}). */
    @WebMethod
    @WebResult(name = "receipts")
    public MoneyPage listReceipts(@WebParam(name = "query") RegisterQuery query) throws ProblemFault {
        return register(MoneyKind.RECEIPT, query);
    }

    /** The refunds to customers dated in the range, newest first, optionally of one customer ({@code partyCode}). */
    @WebMethod
    @WebResult(name = "refunds")
    public MoneyPage listRefunds(@WebParam(name = "query") RegisterQuery query) throws ProblemFault {
        return register(MoneyKind.REFUND, query);
    }

    // ---- payables ----

    /**
     * The supplier's accounts, one per currency (none when nothing was ever posted; a negative balance is what is owed to
     * the supplier); an unknown supplier is a fault.
     */
    @WebMethod
    @WebResult(name = "balance")
    public List<AccountData> getPayableBalance(@WebParam(name = "supplierCode") String supplierCode) throws ProblemFault {
        String code = party("supplierCode", supplierCode);
        List<AccountData> accounts = finance.balance(PartyType.SUPPLIER, code).stream().map(AccountData::of).toList();
        if (accounts.isEmpty()) {
            knownSupplier(code);
        }
        return accounts;
    }

    /** The supplier's open items (what is owed to it, its unused credits), oldest due first; an unknown supplier is a fault. */
    @WebMethod
    @WebResult(name = "openItems")
    public OpenItemPage listSupplierOpenItems(@WebParam(name = "supplierCode") String supplierCode, @WebParam(name = "offset") Integer offset,
            @WebParam(name = "limit") Integer limit) throws ProblemFault {
        String code = party("supplierCode", supplierCode);
        PageRequest page = page(offset, limit);
        Page<OpenItem> items = finance.openItems(new OpenItemQuery(PartyType.SUPPLIER, code, null, false, null, null, null, page));
        if (items.total() == 0) {
            knownSupplier(code);
        }
        return OpenItemPage.of(items);
    }

    /** Posts a payment to a supplier; sent again with the same {@code requestId}, it answers the first one. */
    @WebMethod
    @Allowed(Roles.FINANCE)
    @WebResult(name = "payment")
    public MoneyDocumentData registerSupplierPayment(@WebParam(name = "payment") MoneyDocumentData payment) throws ProblemFault {
        return register(MoneyKind.SUPPLIER_PAYMENT, "payment", payment);
    }

    /** Posts money a supplier paid back (at most its credit); sent again with the same {@code requestId}, it answers the first. */
    @WebMethod
    @Allowed(Roles.FINANCE)
    @WebResult(name = "refund")
    public MoneyDocumentData registerSupplierRefund(@WebParam(name = "refund") MoneyDocumentData refund) throws ProblemFault {
        return register(MoneyKind.SUPPLIER_REFUND, "refund", refund);
    }

    /** The payments to suppliers dated in the range, newest first, optionally of one supplier ({@code partyCode}). */
    @WebMethod
    @WebResult(name = "payments")
    public MoneyPage listSupplierPayments(@WebParam(name = "query") RegisterQuery query) throws ProblemFault {
        return register(MoneyKind.SUPPLIER_PAYMENT, query);
    }

    /** The refunds from suppliers dated in the range, newest first, optionally of one supplier ({@code partyCode}). */
    @WebMethod
    @WebResult(name = "refunds")
    public MoneyPage listSupplierRefunds(@WebParam(name = "query") RegisterQuery query) throws ProblemFault {
        return register(MoneyKind.SUPPLIER_REFUND, query);
    }

    // ---- shared ----

    /**
     * Posts a money document of {@code kind} from what the caller sent under {@code element}: the party and order fields of
     * the other side are refused rather than ignored, so that a supplier's code sent in a refund never books on nobody.
     */
    private MoneyDocumentData register(MoneyKind kind, String element, MoneyDocumentData sent) {
        if (sent == null) {
            throw new ValidationException(element, "is required");
        }
        boolean customer = kind.postingType().partyType() == PartyType.CUSTOMER;
        Check check = new Check();
        if (customer && sent.supplierCode != null) {
            check.fail("supplierCode", "is not part of a " + kind.name().toLowerCase(Locale.ROOT) + ": it names the customer in customerCode");
        }
        if (!customer && sent.customerCode != null) {
            check.fail("customerCode", "is not part of a " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ": it names the supplier in supplierCode");
        }
        if (customer && sent.purchaseOrderNumber != null) {
            check.fail("purchaseOrderNumber", "is not part of a refund to a customer: name its order in salesOrderNumber");
        }
        if (!customer && sent.salesOrderNumber != null) {
            check.fail("salesOrderNumber", "is not part of a supplier's document: name its order in purchaseOrderNumber");
        }
        PaymentMethod method = check.choice("method", sent.method, PaymentMethod.class);
        LocalDate date = sent.date == null ? null : check.date("date", SoapTime.toDate("date", sent.date));
        check.throwIfInvalid();
        MoneyDocument posted = finance.register(new MoneyDocument(null, null, kind, sent.customerCode, sent.supplierCode, sent.amount,
                sent.currency, method, date, sent.salesOrderNumber, sent.purchaseOrderNumber, sent.reference, sent.comment, List.of(),
                null, null, sent.requestId));
        return MoneyDocumentData.of(posted);
    }

    /** A page of the money register of {@code kind} for the query's dates. */
    private MoneyPage register(MoneyKind kind, RegisterQuery query) {
        if (query == null) {
            throw new ValidationException("query", "is required: from and to (xs:date)");
        }
        Check check = new Check();
        LocalDate from = check.required("query.from", SoapTime.toDate("query.from", query.from));
        LocalDate to = check.required("query.to", SoapTime.toDate("query.to", query.to));
        String code = check.code("query.partyCode", query.partyCode, false);
        if (from != null && to != null && to.isBefore(from)) {
            check.fail("query.to", "must not be before query.from");
        }
        check.throwIfInvalid();
        return MoneyPage.of(finance.moneyDocuments(new MoneyQuery(kind, code, null, null, from, to, page(query.offset, query.limit))));
    }

    private static PageRequest page(Integer offset, Integer limit) {
        return new PageRequest(offset == null ? 0 : offset, limit == null ? PageRequest.DEFAULT_LIMIT : limit);
    }

    private static String party(String field, String code) {
        Check check = new Check();
        String c = check.code(field, code, true);
        check.throwIfInvalid();
        return c;
    }

    private String knownCustomer(String customerCode) {
        String code = party("customerCode", customerCode);
        if (customers.findByCode(code).isEmpty()) {
            throw new NotFoundException("customer", code);
        }
        return code;
    }

    /** A supplier without postings is known only to purchasing: without that module, or unknown there, it is a fault. */
    private void knownSupplier(String code) {
        SupplierService s = suppliers.get();
        if (s == null || s.findByCode(code).isEmpty()) {
            throw new NotFoundException("supplier", code);
        }
    }
}
