package org.titrate.finance.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Instant;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerService;
import org.titrate.finance.api.PartyType;
import org.titrate.finance.api.PostingType;
import org.titrate.finance.impl.FinanceLedger.Entry;
import org.titrate.finance.impl.FinanceLedger.Guard;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.sales.api.PostingKind;
import org.titrate.sales.api.SalesPosting;
import org.titrate.sales.api.SalesPostingListener;

/**
 * The receivables side of sales, inside the sales action's transaction: a shipment becomes the
 * customer's debt, due after the customer's payment terms; a received return becomes a credit note
 * (an exchange that ships more than it takes back, a debt), settled first against the order it came
 * from. Documents worth nothing post nothing.
 */
@Component(service = {SalesPostingListener.class, SalesFinancePosting.class})
public class SalesFinancePosting implements SalesPostingListener {

    @Reference
    private FinanceLedger ledger;

    @Reference
    private FinanceCursors cursors;

    @Reference
    private CustomerService customers;

    @Override
    public void posted(SalesPosting posting) {
        if (!cursors.books()) {
            return; // not licensed: the backfill books it from the event log once finance is licensed
        }
        book(posting.kind(), posting.orderNumber(), posting.sourceOrderNumber(), posting.customerCode(), posting.currency(),
                posting.totalAmount(), posting.postedAt(), posting.postedBy());
    }

    /** Books one sales document once; false when there was nothing to book or it was booked before. */
    boolean book(PostingKind kind, String number, String sourceOrderNumber, String customerCode, String currency, BigDecimal total,
            Instant postedAt, String user) {
        if (total == null || total.signum() == 0) {
            return false;
        }
        LocalDate day = BusinessClock.day(postedAt);
        boolean debt = total.signum() > 0;
        LocalDate due = debt ? day.plusDays(paymentTermDays(customerCode)) : day;
        String preferred = kind == PostingKind.RETURN_RECEIPT ? sourceOrderNumber : null;
        return ledger.post(new Entry(PartyType.CUSTOMER, customerCode, debt ? PostingType.INVOICE : PostingType.CREDIT_NOTE, number,
                sourceOrderNumber, currency, total, day, due, user, preferred), Guard.NONE).isPresent();
    }

    private int paymentTermDays(String customerCode) {
        Integer days = customers.findByCode(customerCode).map(Customer::paymentTermDays).orElse(null);
        return days == null ? 0 : days;
    }
}
