package org.titrate.finance.impl;

import java.time.Instant;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.titrate.finance.api.PartyType;
import org.titrate.purchasing.api.PurchaseAction;
import org.titrate.purchasing.api.PurchaseChange;
import org.titrate.purchasing.api.PurchaseOrder;
import org.titrate.purchasing.api.PurchaseOrderService;
import org.titrate.purchasing.api.PurchasePostingKind;
import org.titrate.purchasing.api.PurchaseStatus;
import org.titrate.purchasing.api.PurchaseType;
import org.titrate.purchasing.api.PurchasingEvents;
import org.titrate.purchasing.api.Supplier;
import org.titrate.purchasing.api.SupplierService;

/**
 * Books the purchase documents received or shipped back while finance was not installed, as
 * {@link SalesHistoryBackfill} does for sales, whenever finance and purchasing are both there.
 */
@Component(service = PurchaseHistoryBackfill.class, immediate = true)
public class PurchaseHistoryBackfill extends HistoryBackfill<PurchaseOrder> {

    @Reference
    private PurchaseFinancePosting posting;

    // Optional, so finance installs without purchasing; greedy, so this starts again (and books) when purchasing arrives.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private PurchaseOrderService purchases;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private SupplierService suppliers;

    @Reference
    private FinanceCursors cursors;

    @Activate
    void activate() {
        if (purchases != null && suppliers != null) {
            start();
        }
    }

    @Deactivate
    void deactivate() {
        if (purchases != null && suppliers != null) {
            stop();
        }
    }

    @Override
    protected String module() {
        return "purchasing";
    }

    @Override
    protected List<PurchaseOrder> changedSince(Instant since, int limit) {
        return purchases.changedSince(since, limit);
    }

    @Override
    protected Instant changedAt(PurchaseOrder o) {
        return o.updatedAt();
    }

    @Override
    protected boolean book(PurchaseOrder o) {
        boolean order = o.type() == PurchaseType.ORDER;
        boolean posted = o.status() == (order ? PurchaseStatus.RECEIVED : PurchaseStatus.SHIPPED) || o.status() == PurchaseStatus.CLOSED;
        if (!posted) {
            return false;
        }
        PurchaseAction action = order ? PurchaseAction.RECEIVE : PurchaseAction.SHIP;
        PurchaseChange at = o.history().stream().filter(h -> h.action() == action).reduce((a, b) -> b).orElse(null);
        Integer terms = suppliers.findByCode(o.supplierCode()).map(Supplier::paymentTermDays).orElse(0);
        return posting.book(order ? PurchasePostingKind.RECEIPT : PurchasePostingKind.RETURN_SHIPMENT, o.number(), o.sourceOrderNumber(),
                o.supplierCode(), terms, o.currency(), o.totalAmount(), at == null ? o.updatedAt() : at.at(),
                at == null ? o.updatedBy() : at.by());
    }

    @Override
    protected String typePrefix() {
        return PurchasingEvents.TOPIC_PREFIX;
    }

    @Override
    protected boolean posts(String type) {
        return type.equals(PurchasingEvents.topic(PurchaseAction.RECEIVE)) || type.equals(PurchasingEvents.topic(PurchaseAction.SHIP));
    }

    @Override
    protected PartyType party() {
        return PartyType.SUPPLIER;
    }

    @Override
    protected PurchaseOrder load(String number) {
        PurchaseOrderService service = purchases;
        return service == null ? null : service.get(number);
    }

    @Override
    protected FinanceCursors cursors() {
        return cursors;
    }
}
