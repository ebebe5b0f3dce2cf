package org.titrate.purchasing.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A line as posted; quantity and amount signed as on the document. */
public record PurchasePostingLine(int lineNo, String sku, PurchaseDirection direction, BigDecimal quantity, BigDecimal unitPrice,
        BigDecimal amount, String lot, LocalDate expiryDate) {
}
