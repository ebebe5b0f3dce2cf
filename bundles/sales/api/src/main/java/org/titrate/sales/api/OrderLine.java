package org.titrate.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a sales document. {@code quantity} and {@code amount} are signed: positive on
 * {@code SHIP} lines, negative on {@code RETURN} lines. {@code unitPrice} defaults to the
 * product's list price. {@code reasonCode} says why goods come back (return lines only; see
 * {@link ReturnReason}). {@code productName} and {@code unit} are copied from the product when
 * the line is written, so the document keeps what was agreed.
 */
public record OrderLine(
        Integer lineNo,
        String sku,
        String productName,
        String unit,
        Direction direction,
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal amount,
        LocalDate deliveryDate,
        String lot,
        String reasonCode,
        String note) {

    /** What a client supplies. */
    public static OrderLine of(String sku, Direction direction, BigDecimal quantity, BigDecimal unitPrice, LocalDate deliveryDate,
            String lot, String reasonCode) {
        return new OrderLine(null, sku, null, null, direction, quantity, unitPrice, null, deliveryDate, lot, reasonCode, null);
    }
}
