package org.titrate.purchasing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A purchase order or purchase return, in the signed-line model of sales: {@code receivedAmount}
 * sums the {@code RECEIVE} lines, {@code returnedAmount} the {@code RETURN} lines (≤ 0),
 * {@code totalAmount} both. {@code paidAmount} and {@code outstandingAmount} come from finance (zero
 * while it is not installed). {@code sourceOrderNumber} links a return to the order it sends back.
 */
public record PurchaseOrder(
        String id,
        String number,
        PurchaseType type,
        PurchaseStatus status,
        String supplierCode,
        String supplierName,
        String warehouseCode,
        String sourceOrderNumber,
        String supplierReference,
        String currency,
        LocalDate orderDate,
        String comment,
        List<PurchaseLine> lines,
        BigDecimal receivedAmount,
        BigDecimal returnedAmount,
        BigDecimal totalAmount,
        BigDecimal paidAmount,
        BigDecimal outstandingAmount,
        List<PurchaseChange> history,
        Long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {
}
