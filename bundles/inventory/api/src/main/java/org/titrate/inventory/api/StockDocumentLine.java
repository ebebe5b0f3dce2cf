package org.titrate.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A line of a stock document. {@code quantity} is positive (for an {@code ADJUSTMENT}: the counted
 * quantity, zero allowed); {@code lot} is required for lot-tracked products where goods come in or
 * are judged, and chosen first-expiry-first-out when an issue or transfer leaves it out.
 * {@code expiryDate} belongs to the lot: given on its first receipt, or taken from the product's
 * shelf life. {@code difference} is what an adjustment posted (counted minus booked).
 */
public record StockDocumentLine(
        Integer lineNo,
        String sku,
        String productName,
        String unit,
        BigDecimal quantity,
        String lot,
        LocalDate expiryDate,
        BigDecimal difference) {

    public static StockDocumentLine of(String sku, BigDecimal quantity, String lot, LocalDate expiryDate) {
        return new StockDocumentLine(null, sku, null, null, quantity, lot, expiryDate, null);
    }
}
