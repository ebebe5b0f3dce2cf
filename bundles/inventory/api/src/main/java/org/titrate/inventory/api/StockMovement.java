package org.titrate.inventory.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of the append-only stock ledger: {@code quantity} (signed) of a product's lot moved into
 * or out of a status in a warehouse, by a document — a stock document ({@link StockDocumentType}
 * names), a sales {@code SHIPMENT} or {@code RETURN_RECEIPT}. {@code balanceAfter} is what that
 * product, warehouse, lot and status held right after it. {@code partnerCode} is the customer a
 * sales posting shipped to or received from.
 */
public record StockMovement(
        String id,
        Instant postedAt,
        String postedBy,
        String documentType,
        String documentNumber,
        int lineNo,
        String sku,
        String warehouseCode,
        String lot,
        LocalDate expiryDate,
        StockStatus status,
        BigDecimal quantity,
        BigDecimal balanceAfter,
        String partnerCode,
        String reason) {
}
