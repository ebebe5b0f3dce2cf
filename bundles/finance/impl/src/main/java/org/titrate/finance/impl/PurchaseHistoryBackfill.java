package org.titrate.finance.impl;

import java.util.List;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.db.Transactions;
import org.titrate.purchasing.api.PurchaseAction;
import org.titrate.purchasing.api.PurchaseChange;
import org.titrate.purchasing.api.PurchaseList;
import org.titrate.purchasing.api.PurchaseOrder;
import org.titrate.purchasing.api.PurchaseOrderService;
import org.titrate.purchasing.api.PurchasePostingKind;
import org.titrate.purchasing.api.PurchaseQuery;
import org.titrate.purchasing.api.PurchaseStatus;
import org.titrate.purchasing.api.PurchaseType;
import org.titrate.purchasing.api.Supplier;
import org.titrate.purchasing.api.SupplierService;

/**
 * Books the purchase documents received or shipped back while finance was not installed, once, as
 * {@link SalesHistoryBackfill} does for sales. It runs whenever finance and purchasing are both there
 * (finance installed after purchasing, or purchasing after finance); documents already on the ledger
 * are skipped.
 */
@Component(service = PurchaseHistoryBackfill.class, immediate = true)
public class PurchaseHistoryBackfill {
    private static final Logger LOG = LoggerFactory.getLogger(PurchaseHistoryBackfill.class);

    @Reference
    private PurchaseFinancePosting posting;

    // Optional, so finance installs without purchasing; greedy, so this starts again (and books) when purchasing arrives.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private PurchaseOrderService purchases;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private SupplierService suppliers;

    @Reference
    private TransactionManager transactions;

    @Activate
    void activate() {
        if (purchases == null || suppliers == null) {
            return;
        }
        int booked = book(PurchaseType.ORDER, PurchaseStatus.RECEIVED, PurchaseAction.RECEIVE, PurchasePostingKind.RECEIPT)
                + book(PurchaseType.ORDER, PurchaseStatus.CLOSED, PurchaseAction.RECEIVE, PurchasePostingKind.RECEIPT)
                + book(PurchaseType.RETURN, PurchaseStatus.SHIPPED, PurchaseAction.SHIP, PurchasePostingKind.RETURN_SHIPMENT)
                + book(PurchaseType.RETURN, PurchaseStatus.CLOSED, PurchaseAction.SHIP, PurchasePostingKind.RETURN_SHIPMENT);
        if (booked > 0) {
            LOG.info("Finance booked {} purchase documents posted while it was not installed", booked);
        }
    }

    private int book(PurchaseType type, PurchaseStatus status, PurchaseAction action, PurchasePostingKind kind) {
        int booked = 0;
        int offset = 0;
        while (true) {
            PurchaseList page = purchases.find(new PurchaseQuery(type, status, null, null, null, null,
                    new PageRequest(offset, PageRequest.MAX_LIMIT)));
            for (PurchaseOrder o : page.items()) {
                PurchaseChange posted = postingOf(o.history(), action);
                Integer terms = suppliers.findByCode(o.supplierCode()).map(Supplier::paymentTermDays).orElse(0);
                if (Transactions.required(transactions, () -> posting.book(kind, o.number(), o.sourceOrderNumber(), o.supplierCode(), terms,
                        o.currency(), o.totalAmount(), posted == null ? o.updatedAt() : posted.at(),
                        posted == null ? o.updatedBy() : posted.by()))) {
                    booked++;
                }
            }
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return booked;
            }
        }
    }

    private static PurchaseChange postingOf(List<PurchaseChange> history, PurchaseAction action) {
        return history.stream().filter(h -> h.action() == action).reduce((a, b) -> b).orElse(null);
    }
}
