package org.titrate.finance.impl.soap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import org.titrate.finance.api.FinanceService;
import org.titrate.finance.api.MoneyDocument;
import org.titrate.finance.api.MoneyKind;
import org.titrate.finance.api.PartyType;
import org.titrate.finance.api.PaymentMethod;
import org.titrate.customers.api.CustomerService;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

/**
 * {@code /soap/FinanceService}: the feed a legacy finance system polls (postings since an instant),
 * a customer's balance, and receipts booked from the bank side. Document/literal wrapped.
 */
@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
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

    public FinanceSoapService(FinanceService finance, CustomerService customers) {
        this.finance = finance;
        this.customers = customers;
    }

    /**
     * The customer's accounts, one per currency (none when nothing was ever posted); an unknown customer is a fault, so
     * that a mistyped code never reads as a zero balance.
     */
    @WebMethod
    @WebResult(name = "balance")
    public List<BalanceData> getBalance(@WebParam(name = "customerCode") String customerCode) {
        Check check = new Check();
        String code = check.code("customerCode", customerCode, true);
        check.throwIfInvalid();
        if (customers.findByCode(code).isEmpty()) {
            throw new NotFoundException("customer", code);
        }
        return finance.balance(PartyType.CUSTOMER, code).stream().map(BalanceData::of).toList();
    }

    /** Posts a receipt; the answer says what it settled. Sent again with the same {@code requestId}, it answers the first one. */
    @WebMethod
    @Allowed(Roles.FINANCE)
    @WebResult(name = "receipt")
    public ReceiptData registerReceipt(@WebParam(name = "receipt") ReceiptData receipt) {
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
    public List<PostingData> listPostingsSince(@WebParam(name = "since") String since) {
        Instant from;
        try {
            from = since == null || since.isBlank() ? Instant.EPOCH : Instant.parse(since.strip());
            if (from.isBefore(Instant.parse("0001-01-01T00:00:00Z")) || from.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw new ValidationException("since", "must lie between the years 1 and 9999");
            }
        } catch (DateTimeParseException e) {
            throw new ValidationException("since", "must be an ISO-8601 instant such as 2026-11-29T08:00:00Z");
        }
        return finance.postingsSince(from, pageLimit).stream().map(PostingData::of).toList();
    }

    /**
     * Postings whose event in the platform's log follows {@code afterSeq} (0 for the start of the log), in log order,
     * at most about 1 000 per call, each with its {@code seq}: ask again after the highest; none is missed or repeated.
     */
    @WebMethod
    @WebResult(name = "posting")
    public List<PostingData> listPostingsAfter(@WebParam(name = "afterSeq") Long afterSeq) {
        if (afterSeq == null || afterSeq < 0) {
            throw new ValidationException("afterSeq", "is required: a sequence number, 0 or more");
        }
        return finance.postingsAfter(afterSeq, pageLimit).stream().map(p -> PostingData.of(p.posting(), p.seq())).toList();
    }
}
