package org.titrate.inventory.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.inventory.api.StockStatus;
import org.titrate.inventory.impl.StockLedger.Opened;
import org.titrate.inventory.impl.StockLedger.Source;
import org.titrate.platform.api.ConflictException;
import org.titrate.products.api.ProductService;
import org.titrate.purchasing.api.PurchasePosting;
import org.titrate.purchasing.api.PurchasePostingKind;
import org.titrate.purchasing.api.PurchasePostingLine;
import org.titrate.purchasing.api.PurchasePostingListener;

/**
 * The stock side of purchasing, inside the purchase action's transaction, through the ledger's JDBC:
 * a receipt puts its lines into available stock with the supplier's lots (a new lot without an
 * expiry date takes the product's shelf life; goods that have already expired are refused); a return
 * to the supplier takes its lines out — a named lot from quarantine first, where rejected goods wait,
 * then from available stock.
 */
@Component(service = PurchasePostingListener.class)
public class PurchaseStockPosting implements PurchasePostingListener {
    private static final StockLedger.LineShape<PurchasePostingLine> LINES = new StockLedger.LineShape<>(PurchasePostingLine::lineNo,
            PurchasePostingLine::sku, PurchasePostingLine::lot);

    @Reference
    private StockLedger ledger;

    @Reference
    private ProductService products;

    @Override
    public void posted(PurchasePosting posting) {
        List<PurchasePostingLine> lines = posting.lines();
        if (lines.isEmpty()) {
            return;
        }
        StockLedger.DocumentPosting<PurchasePostingLine> d = ledger.openDocument(posting.warehouseCode(), posting.orderNumber(), lines, LINES,
                products::findBySkus);
        Opened opened = d.opened();
        StockLedger.Store w = d.warehouse();
        LocalDate today = opened.book().today();
        d.eachLine((l, field, p, lot) -> {
            boolean tracked = Boolean.TRUE.equals(p.lotTracked());
            if (posting.kind() == PurchasePostingKind.RECEIPT) {
                if (l.expiryDate() != null && l.expiryDate().isBefore(today)) {
                    throw new ConflictException(field + ".expiryDate", "lot " + l.lot() + " of " + l.sku() + " expired on " + l.expiryDate()
                            + ": expired goods are not received into available stock; send them back");
                }
                LocalDate shelfLife = tracked && p.shelfLifeDays() != null ? today.plusDays(p.shelfLifeDays()) : null;
                opened.book().receive(l.lineNo(), field, l.sku(), w.code(), lot, l.quantity(), lot == null ? null : l.expiryDate(), shelfLife);
            } else {
                // Rejected goods wait in quarantine: they go back first, the rest from available stock.
                BigDecimal wanted = l.quantity().negate();
                BigDecimal held = lot == null ? BigDecimal.ZERO
                        : opened.book().balance(new StockBook.Key(l.sku(), w.code(), lot, StockStatus.QUARANTINE)).max(BigDecimal.ZERO);
                BigDecimal fromQuarantine = held.min(wanted);
                if (fromQuarantine.signum() > 0) {
                    opened.book().take(l.lineNo(), field, l.sku(), w.code(), lot, tracked, StockStatus.QUARANTINE, fromQuarantine, false,
                            false);
                }
                if (wanted.compareTo(fromQuarantine) > 0) {
                    opened.book().take(l.lineNo(), field, l.sku(), w.code(), lot, tracked, StockStatus.AVAILABLE,
                            wanted.subtract(fromQuarantine), w.allowNegativeStock(), false);
                }
            }
        });
        ledger.write(opened, new Source(posting.kind() == PurchasePostingKind.RECEIPT ? "PURCHASE_RECEIPT" : "PURCHASE_RETURN",
                posting.orderNumber(), posting.supplierCode(), null, posting.postedBy(), Map.of()));
    }
}
