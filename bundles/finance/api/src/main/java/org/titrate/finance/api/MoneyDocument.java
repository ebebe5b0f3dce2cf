package org.titrate.finance.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A receipt, refund, supplier payment or supplier refund: posted on create, never changed. {@code amount}
 * is positive; the ledger signs it. {@code salesOrderNumber} (customers) or {@code purchaseOrderNumber}
 * (suppliers) names the document it is for, which is settled first; the rest goes to the oldest open
 * items. {@code allocations} say what it settled when it was posted. {@code requestId} is the caller's
 * own id for it (optional): a document sent again with the same one — a retry after a timeout — gets
 * the first one back instead of a copy.
 */
public record MoneyDocument(
        String id,
        String number,
        MoneyKind kind,
        String customerCode,
        String supplierCode,
        BigDecimal amount,
        String currency,
        PaymentMethod method,
        LocalDate date,
        String salesOrderNumber,
        String purchaseOrderNumber,
        String reference,
        String comment,
        List<Allocation> allocations,
        Instant postedAt,
        String postedBy,
        String requestId) {

    /** This document as a client supplies it for {@code kind}. */
    public MoneyDocument as(MoneyKind k) {
        return new MoneyDocument(null, null, k, customerCode, supplierCode, amount, currency, method, date, salesOrderNumber,
                purchaseOrderNumber, reference, comment, List.of(), null, null, requestId);
    }
}
