package org.titrate.invoicing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice request and, once the tax system issued it, the invoice: {@code number} is ours ({@code IV-2026-000042}),
 * {@code invoiceNumber}, {@code invoiceCode} and {@code issueDate} are the tax system's (an electronic invoice has no
 * code). The buyer's tax data is copied from the customer when requested. A red invoice names the original
 * ({@code originalNumber}) and carries the reason. Issued invoices never change.
 */
public record Invoice(
        String id,
        String number,
        InvoiceKind kind,
        InvoiceType type,
        InvoiceStatus status,
        String customerCode,
        String buyerName,
        String buyerTaxId,
        String buyerAddressPhone,
        String buyerBankAccount,
        String currency,
        String originalNumber,
        String returnNumber,
        String reason,
        String comment,
        String invoiceNumber,
        String invoiceCode,
        LocalDate issueDate,
        BigDecimal amount,
        BigDecimal tax,
        BigDecimal amountInclusive,
        List<InvoiceLine> lines,
        Long version,
        Instant requestedAt,
        String requestedBy,
        Instant issuedAt,
        String issuedBy,
        Instant cancelledAt,
        String cancelledBy) {
}
