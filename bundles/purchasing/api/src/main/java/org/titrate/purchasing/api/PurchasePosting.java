package org.titrate.purchasing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What a {@link PurchasePostingListener} books: one receipt or return shipment of one purchase document. */
public record PurchasePosting(
        PurchasePostingKind kind,
        String orderNumber,
        String sourceOrderNumber,
        String supplierCode,
        Integer paymentTermDays,
        String warehouseCode,
        String currency,
        BigDecimal totalAmount,
        List<PurchasePostingLine> lines,
        Instant postedAt,
        String postedBy) {
}
