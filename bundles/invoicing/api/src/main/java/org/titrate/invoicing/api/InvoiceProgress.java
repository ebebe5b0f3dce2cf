package org.titrate.invoicing.api;

import java.math.BigDecimal;

/**
 * How far shipped goods are invoiced (开票进度), per order or per customer (then {@code orderNumber} is null), tax-inclusive
 * in {@code currency}: {@code shippedAmount} is shipped minus returned, {@code invoicedAmount} issued invoices minus
 * issued red ones, {@code requestedAmount} what requests not yet issued hold, {@code notInvoicedAmount} shipped minus invoiced.
 */
public record InvoiceProgress(String orderNumber, String customerCode, String currency, BigDecimal shippedAmount,
        BigDecimal invoicedAmount, BigDecimal requestedAmount, BigDecimal notInvoicedAmount) {
}
