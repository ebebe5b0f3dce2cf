package org.titrate.finance.impl;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.finance.api.PartyType;
import org.titrate.finance.api.PostingType;
import org.titrate.finance.impl.FinanceLedger.Entry;
import org.titrate.finance.impl.FinanceLedger.Guard;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.purchasing.api.PurchasePosting;
import org.titrate.purchasing.api.PurchasePostingKind;
import org.titrate.purchasing.api.PurchasePostingListener;

/**
 * The payables side of purchasing, inside the purchase action's transaction: a receipt becomes what
 * we owe the supplier (a bill, due after the supplier's payment terms); goods shipped back become a
 * debit note, settled first against the order they came from.
 */
@Component(service = {PurchasePostingListener.class, PurchaseFinancePosting.class})
public class PurchaseFinancePosting implements PurchasePostingListener {

    @Reference
    private FinanceLedger ledger;

    @Reference
    private FinanceCursors cursors;

    @Override
    public void posted(PurchasePosting posting) {
        if (!cursors.books()) {
            return; // not licensed: the backfill books it from the event log once finance is licensed
        }
        book(posting.kind(), posting.orderNumber(), posting.sourceOrderNumber(), posting.supplierCode(), posting.paymentTermDays(),
                posting.currency(), posting.totalAmount(), posting.postedAt(), posting.postedBy());
    }

    /** Books one purchase document once; false when there was nothing to book or it was booked before. */
    boolean book(PurchasePostingKind kind, String number, String sourceOrderNumber, String supplierCode, Integer paymentTermDays,
            String currency, BigDecimal total, Instant postedAt, String user) {
        if (total == null || total.signum() == 0) {
            return false;
        }
        LocalDate day = BusinessClock.day(postedAt);
        boolean bill = total.signum() > 0;
        int terms = paymentTermDays == null ? 0 : paymentTermDays;
        return ledger.post(new Entry(PartyType.SUPPLIER, supplierCode, bill ? PostingType.BILL : PostingType.DEBIT_NOTE, number,
                sourceOrderNumber, currency, total, day, bill ? day.plusDays(terms) : day, user,
                kind == PurchasePostingKind.RETURN_SHIPMENT ? sourceOrderNumber : null), Guard.NONE).isPresent();
    }
}
