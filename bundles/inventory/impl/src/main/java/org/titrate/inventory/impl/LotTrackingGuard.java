package org.titrate.inventory.impl;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.ConflictException;
import org.titrate.products.api.Product;
import org.titrate.products.api.ProductChangeGuard;

/**
 * Keeps a product lot-tracked while any lot of it is on hand (in any warehouse and status, owed lots included):
 * without lot tracking that stock could be neither shipped nor issued, counted or scrapped by its lot. Asked
 * inside the product's update, under the product's stock lock, so a posting in flight is counted and a later one
 * books by the new setting. Becoming lot-tracked is not refused: stock booked without a lot stays usable (first
 * expiry first out takes it last, transfers move it, a count without a lot lowers or settles it).
 */
@Component(service = ProductChangeGuard.class)
public class LotTrackingGuard implements ProductChangeGuard {

    @Reference
    private StockLedger ledger;

    @Override
    public void changing(Product before, Product after) {
        if (!Boolean.TRUE.equals(before.lotTracked()) || Boolean.TRUE.equals(after.lotTracked())) {
            return;
        }
        StockLedger.LotsOnHand held = ledger.lotsOnHand(before.sku());
        if (held.count() > 0) {
            throw new ConflictException("lotTracked", before.sku() + " still holds " + held.count() + " lot balance"
                    + (held.count() == 1 ? "" : "s") + " (" + String.join(", ", held.first()) + (held.count() > held.first().size() ? ", …" : "")
                    + "): it stays lot-tracked until they are issued, scrapped or counted to zero");
        }
    }
}
