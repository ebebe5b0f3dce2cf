package org.titrate.purchasing.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A line; {@code quantity} and {@code amount} signed by {@code direction}. {@code lot} and
 * {@code expiryDate} are the supplier's (lot-tracked products), given on the line or when receiving.
 */
public record PurchaseLine(
        Integer lineNo,
        String sku,
        String productName,
        String unit,
        PurchaseDirection direction,
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal amount,
        String lot,
        LocalDate expiryDate,
        LocalDate deliveryDate) {
}
