package org.titrate.sales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A sales order or return order ({@link OrderType}). Amounts are signed like the lines:
 * {@code shippedAmount} sums the {@code SHIP} lines, {@code returnedAmount} the {@code RETURN}
 * lines (≤ 0), {@code totalAmount} both. {@code paidAmount} and {@code outstandingAmount} come from
 * finance (zero while no finance module is installed). {@code channel} and {@code customerName}
 * are the customer's when the document was written. {@code carrier} and {@code trackingNumber}
 * are the customer's return shipment. {@code customFields} hold the values of the fields defined
 * under {@code /custom-fields}: text, numbers, dates as {@code YYYY-MM-DD}. {@code warnings} are
 * what other modules found worth a look before a return is approved (a lot never shipped to this
 * customer, an expired lot); they block nothing. {@code salesperson} is the employee code of who sold it (the
 * customer's owner unless the document names another); {@code contractNumber} the sales contract the order is made
 * under, whose agreed prices it takes (both since 1.1).
 */
public record SalesOrder(
        String id,
        String number,
        OrderType type,
        OrderStatus status,
        String customerCode,
        String customerName,
        String channel,
        String warehouseCode,
        String sourceOrderNumber,
        String currency,
        LocalDate orderDate,
        String comment,
        Map<String, Object> customFields,
        List<OrderLine> lines,
        BigDecimal shippedAmount,
        BigDecimal returnedAmount,
        BigDecimal totalAmount,
        BigDecimal paidAmount,
        BigDecimal outstandingAmount,
        String carrier,
        String trackingNumber,
        List<StatusChange> history,
        Long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        List<DocumentWarning> warnings,
        String salesperson,
        String contractNumber) {

    /** A document without salesperson and contract (as before 1.1). */
    public SalesOrder(String id, String number, OrderType type, OrderStatus status, String customerCode, String customerName,
            String channel, String warehouseCode, String sourceOrderNumber, String currency, LocalDate orderDate, String comment,
            Map<String, Object> customFields, List<OrderLine> lines, BigDecimal shippedAmount, BigDecimal returnedAmount,
            BigDecimal totalAmount, BigDecimal paidAmount, BigDecimal outstandingAmount, String carrier, String trackingNumber,
            List<StatusChange> history, Long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
            List<DocumentWarning> warnings) {
        this(id, number, type, status, customerCode, customerName, channel, warehouseCode, sourceOrderNumber, currency, orderDate,
                comment, customFields, lines, shippedAmount, returnedAmount, totalAmount, paidAmount, outstandingAmount, carrier,
                trackingNumber, history, version, createdAt, createdBy, updatedAt, updatedBy, warnings, null, null);
    }

    /** What a client supplies to create a document or change a draft. */
    public static SalesOrder of(OrderType type, String customerCode, String warehouseCode, String sourceOrderNumber, String currency,
            Map<String, Object> customFields, List<OrderLine> lines) {
        return new SalesOrder(null, null, type, null, customerCode, null, null, warehouseCode, sourceOrderNumber, currency, null, null,
                customFields, lines, null, null, null, null, null, null, null, null, null, null, null, null, null, List.of());
    }

    /** This document with {@code found} as its warnings. */
    public SalesOrder withWarnings(List<DocumentWarning> found) {
        return new SalesOrder(id, number, type, status, customerCode, customerName, channel, warehouseCode, sourceOrderNumber, currency,
                orderDate, comment, customFields, lines, shippedAmount, returnedAmount, totalAmount, paidAmount, outstandingAmount, carrier,
                trackingNumber, history, version, createdAt, createdBy, updatedAt, updatedBy, List.copyOf(found), salesperson,
                contractNumber);
    }
}
