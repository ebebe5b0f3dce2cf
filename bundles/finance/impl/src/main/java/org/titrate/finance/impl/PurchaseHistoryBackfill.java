package org.titrate.finance.impl;

import java.time.Instant;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
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

    // Optional, so finance installs without purchasing; dynamic, so that purchasing coming or going starts and stops
    // the following here without restarting this component and, with it, the finance services and REST resources
    // that read through it (their requests would fail meanwhile).
    private volatile PurchaseOrderService purchases;
    private volatile SupplierService suppliers;
    private boolean active;
    private boolean following;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindPurchases(PurchaseOrderService service) {
        purchases = service;
        follow();
    }

    void unbindPurchases(PurchaseOrderService service) {
        if (purchases == service) {
            purchases = null;
            follow();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindSuppliers(SupplierService service) {
        suppliers = service;
        follow();
    }

    void unbindSuppliers(SupplierService service) {
        if (suppliers == service) {
            suppliers = null;
            follow();
        }
    }

    @Reference
    private FinanceCursors cursors;

    @Activate
    synchronized void activate() {
        active = true;
        follow();
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
        follow();
    }

    /** Follows purchasing's history while this is active and purchasing is there. */
    private synchronized void follow() {
        boolean wanted = active && purchases != null && suppliers != null;
        if (wanted && !following) {
            start();
        } else if (!wanted && following) {
            stop();
        }
        following = wanted;
    }

    @Override
    protected String module() {
        return "purchasing";
    }

    @Override
    protected List<PurchaseOrder> changedSince(Instant since, int limit) {
        PurchaseOrderService service = purchases;
        return service == null ? List.of() : service.changedSince(since, limit);
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
        SupplierService supplierService = suppliers;
        Integer terms = supplierService == null ? 0
                : supplierService.findByCode(o.supplierCode()).map(Supplier::paymentTermDays).orElse(0);
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
