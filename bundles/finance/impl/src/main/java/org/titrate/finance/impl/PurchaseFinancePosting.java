package org.titrate.finance.impl;

import java.time.LocalDate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.finance.api.PartyType;
import org.titrate.finance.api.PostingType;
import org.titrate.finance.impl.FinanceLedger.Entry;
import org.titrate.finance.impl.FinanceLedger.Guard;
import org.titrate.purchasing.api.PurchasePosting;
import org.titrate.purchasing.api.PurchasePostingKind;
import org.titrate.purchasing.api.PurchasePostingListener;

/**
 * The payables side of purchasing, inside the purchase action's transaction: a receipt becomes what
 * we owe the supplier (a bill, due after the supplier's payment terms); goods shipped back become a
 * debit note, settled first against the order they came from.
 */
@Component(service = PurchasePostingListener.class)
public class PurchaseFinancePosting implements PurchasePostingListener {

    @Reference
    private FinanceLedger ledger;

    @Override
    public void posted(PurchasePosting posting) {
        if (posting.totalAmount() == null || posting.totalAmount().signum() == 0) {
            return;
        }
        LocalDate day = FinanceSchema.day(posting.postedAt());
        boolean bill = posting.totalAmount().signum() > 0;
        int terms = posting.paymentTermDays() == null ? 0 : posting.paymentTermDays();
        ledger.post(new Entry(PartyType.SUPPLIER, posting.supplierCode(), bill ? PostingType.BILL : PostingType.DEBIT_NOTE,
                posting.orderNumber(), posting.sourceOrderNumber(), posting.currency(), posting.totalAmount(), day,
                bill ? day.plusDays(terms) : day, posting.postedBy(),
                posting.kind() == PurchasePostingKind.RETURN_SHIPMENT ? posting.sourceOrderNumber() : null), Guard.NONE);
    }
}
