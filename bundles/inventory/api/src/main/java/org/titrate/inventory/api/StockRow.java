package org.titrate.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** On hand of one product, warehouse, lot and status; {@code daysToExpiry} is negative once the lot has expired. */
public record StockRow(
        String sku,
        String productName,
        String unit,
        String warehouseCode,
        String lot,
        LocalDate expiryDate,
        Long daysToExpiry,
        StockStatus status,
        BigDecimal quantity) {
}
