package org.titrate.sales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A sales contract with a customer. {@code number} is the contract's own number (generated, {@code SC-2026-000001},
 * when a client leaves it empty); valid from {@code validFrom} to {@code validUntil}, both inclusive, business days.
 * {@code salesperson} defaults to the customer's. {@code paymentTermDays} and {@code paymentTerms} (free text, e.g.
 * 月结30天) are what was agreed. {@code agreedAmount} and {@code agreedQuantity} are optional targets that progress is
 * measured against. Only a draft may be changed. Since 1.1.
 */
public record Contract(
        String id,
        String number,
        String customerCode,
        String customerName,
        ContractStatus status,
        LocalDate signingDate,
        LocalDate validFrom,
        LocalDate validUntil,
        String salesperson,
        Integer paymentTermDays,
        String paymentTerms,
        String currency,
        BigDecimal agreedAmount,
        BigDecimal agreedQuantity,
        String notes,
        List<ContractPrice> prices,
        List<ContractChange> history,
        List<ContractAttachment> attachments,
        Long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {
}
