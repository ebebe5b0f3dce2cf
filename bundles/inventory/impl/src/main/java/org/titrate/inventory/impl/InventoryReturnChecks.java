package org.titrate.inventory.impl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.inventory.api.StockStatus;
import org.titrate.inventory.impl.entity.LotEntity;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.products.api.Product;
import org.titrate.products.api.ProductService;
import org.titrate.sales.api.Direction;
import org.titrate.sales.api.DocumentWarning;
import org.titrate.sales.api.OrderLine;
import org.titrate.sales.api.PostingKind;
import org.titrate.sales.api.ReturnChecks;
import org.titrate.sales.api.SalesOrder;

/**
 * Traces returned lots through the ledger: a lot this customer was never shipped, a lot past its
 * expiry, a lot-tracked product returned without a lot. The approver sees these as the return's
 * warnings; returns without a source document stay allowed.
 */
@Component(service = ReturnChecks.class)
public class InventoryReturnChecks implements ReturnChecks {
    static final String NOT_SHIPPED = "LOT_NOT_SHIPPED_TO_CUSTOMER";
    static final String EXPIRED = "LOT_EXPIRED";
    static final String NO_LOT = "LOT_MISSING";

    @Reference(target = "(osgi.unit.name=titrate-inventory)")
    private JpaTemplate jpa;

    @Reference
    private ProductService products;

    private record Returned(String orderId, String customer, int index, OrderLine line) {
    }

    @Override
    public Map<String, List<DocumentWarning>> check(List<SalesOrder> returns) {
        List<Returned> returned = new ArrayList<>();
        for (SalesOrder o : returns) {
            for (int i = 0; i < o.lines().size(); i++) {
                OrderLine l = o.lines().get(i);
                if (l.direction() == Direction.RETURN) {
                    returned.add(new Returned(o.id(), o.customerCode(), i, l));
                }
            }
        }
        Map<String, List<DocumentWarning>> warnings = new HashMap<>();
        if (returned.isEmpty()) {
            return warnings;
        }
        Set<String> skus = returned.stream().map(r -> r.line().sku()).collect(Collectors.toSet());
        List<Returned> withLot = returned.stream().filter(r -> r.line().lot() != null).toList();
        Set<String> shipped = new HashSet<>();
        Map<String, LocalDate> expiries = new HashMap<>();
        if (!withLot.isEmpty()) {
            List<String> lots = withLot.stream().map(r -> r.line().lot()).distinct().toList();
            List<String> customers = withLot.stream().map(Returned::customer).distinct().toList();
            List<String> lotSkus = withLot.stream().map(r -> r.line().sku()).distinct().toList();
            jpa.tx(TransactionType.Supports, em -> {
                em.createQuery("SELECT DISTINCT m.partnerCode, m.sku, m.lot FROM MovementEntity m WHERE m.sku IN :skus AND m.lot IN :lots"
                        + " AND m.partnerCode IN :customers AND m.status = :available AND m.quantity < 0 AND m.documentType IN :kinds",
                        Object[].class)
                        .setParameter("skus", lotSkus).setParameter("lots", lots).setParameter("customers", customers)
                        .setParameter("available", StockStatus.AVAILABLE)
                        .setParameter("kinds", List.of(PostingKind.SHIPMENT.name(), PostingKind.RETURN_RECEIPT.name()))
                        .getResultList().forEach(row -> shipped.add(row[0] + "\u0000" + row[1] + "\u0000" + row[2]));
                em.createQuery("SELECT l FROM LotEntity l WHERE l.sku IN :skus AND l.lot IN :lots", LotEntity.class)
                        .setParameter("skus", lotSkus).setParameter("lots", lots).getResultList()
                        .forEach(l -> expiries.put(l.sku() + "\u0000" + l.lot(), l.expiryDate()));
            });
        }
        Map<String, Product> found = products.findBySkus(skus);
        LocalDate today = BusinessClock.today();
        for (Returned r : returned) {
            String field = "lines[" + r.index() + "].lot";
            OrderLine l = r.line();
            List<DocumentWarning> list = warnings.computeIfAbsent(r.orderId(), k -> new ArrayList<>());
            if (l.lot() == null) {
                Product p = found.get(l.sku());
                if (p != null && Boolean.TRUE.equals(p.lotTracked())) {
                    list.add(new DocumentWarning(field, NO_LOT, l.sku() + " is lot-tracked but the return names no lot:"
                            + " the goods cannot be traced to a shipment"));
                }
                continue;
            }
            if (!shipped.contains(r.customer() + "\u0000" + l.sku() + "\u0000" + l.lot())) {
                list.add(new DocumentWarning(field, NOT_SHIPPED, "lot " + l.lot() + " of " + l.sku() + " was never shipped to "
                        + r.customer()));
            }
            LocalDate expiry = expiries.get(l.sku() + "\u0000" + l.lot());
            if (expiry != null && expiry.isBefore(today)) {
                list.add(new DocumentWarning(field, EXPIRED, "lot " + l.lot() + " of " + l.sku() + " expired on " + expiry));
            }
        }
        warnings.values().removeIf(List::isEmpty);
        return warnings;
    }
}
