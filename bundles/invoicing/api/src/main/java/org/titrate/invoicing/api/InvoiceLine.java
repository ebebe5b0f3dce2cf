package org.titrate.invoicing.api;

import java.math.BigDecimal;

/**
 * One line of an invoice: what of which sales order line it invoices. Amounts are rounded to the cent per line:
 * {@code amountInclusive} = quantity × tax-inclusive unit price, {@code amount} (tax-exclusive) =
 * amountInclusive / (1 + taxRate), {@code tax} = amountInclusive − amount. Negative on red invoices, whose lines name
 * the original invoice's line ({@code originalLineNo}).
 */
public record InvoiceLine(
        Integer lineNo,
        String orderNumber,
        Integer orderLineNo,
        String sku,
        String productName,
        String taxCode,
        String specification,
        String unit,
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal amount,
        BigDecimal taxRate,
        BigDecimal tax,
        BigDecimal amountInclusive,
        Integer originalLineNo) {
}
