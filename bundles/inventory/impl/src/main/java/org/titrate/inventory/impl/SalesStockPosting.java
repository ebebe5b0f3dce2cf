package org.titrate.inventory.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.inventory.api.StockStatus;
import org.titrate.inventory.impl.StockLedger.Opened;
import org.titrate.inventory.impl.StockLedger.Source;
import org.titrate.products.api.ProductService;
import org.titrate.sales.api.Direction;
import org.titrate.sales.api.PostingKind;
import org.titrate.sales.api.PostingLine;
import org.titrate.sales.api.SalesPosting;
import org.titrate.sales.api.SalesPostingListener;

/**
 * The stock side of sales, inside the sales action's transaction: a shipment issues its lines
 * (first-expiry-first-out where the order names no lot, never an expired lot); a return receipt
 * puts the returned lots into the warehouse's quarantine and issues an exchange's {@code SHIP}
 * lines. Where stock would go negative in a warehouse that forbids it, the 409 undoes the action.
 */
@Component(service = SalesPostingListener.class)
public class SalesStockPosting implements SalesPostingListener {
    private static final StockLedger.LineShape<PostingLine> LINES = new StockLedger.LineShape<>(PostingLine::lineNo, PostingLine::sku,
            PostingLine::lot);

    @Reference
    private StockLedger ledger;

    @Reference
    private ProductService products;

    @Override
    public void posted(SalesPosting posting) {
        List<PostingLine> lines = posting.lines().stream()
                .filter(l -> l.direction() == Direction.SHIP || posting.kind() == PostingKind.RETURN_RECEIPT).toList();
        if (lines.isEmpty()) {
            return;
        }
        // Inside the sales action's transaction, through the ledger's JDBC only (see StockLedger).
        StockLedger.DocumentPosting<PostingLine> d = ledger.openDocument(posting.warehouseCode(), posting.orderNumber(), lines, LINES,
                products::findBySkus);
        Opened opened = d.opened();
        StockLedger.Store w = d.warehouse();
        Map<Integer, String> reasons = new HashMap<>();
        d.eachLine((l, field, p, lot) -> {
            if (l.direction() == Direction.SHIP) {
                opened.book().take(l.lineNo(), field, l.sku(), w.code(), lot, Boolean.TRUE.equals(p.lotTracked()),
                        StockStatus.AVAILABLE, l.quantity(), w.allowNegativeStock(), true);
            } else {
                opened.book().add(l.lineNo(), field, l.sku(), w.code(), lot, StockStatus.QUARANTINE, l.quantity().negate(), null);
                if (l.reasonCode() != null) {
                    reasons.put(l.lineNo(), l.reasonCode());
                }
            }
        });
        ledger.write(opened, new Source(posting.kind().name(), posting.orderNumber(), posting.customerCode(), null,
                posting.postedBy(), reasons));
    }
}
