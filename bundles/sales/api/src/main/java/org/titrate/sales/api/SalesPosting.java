package org.titrate.sales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a {@link SalesPostingListener} books: one shipment or return receipt of one document. */
public record SalesPosting(
        PostingKind kind,
        String orderId,
        String orderNumber,
        OrderType orderType,
        String sourceOrderNumber,
        String customerCode,
        String channel,
        String warehouseCode,
        String currency,
        LocalDate orderDate,
        BigDecimal totalAmount,
        List<PostingLine> lines,
        Instant postedAt,
        String postedBy) {
}
