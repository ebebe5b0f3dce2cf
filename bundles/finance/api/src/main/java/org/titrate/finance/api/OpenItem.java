package org.titrate.finance.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A posting not yet settled: an invoice not fully paid, a credit not fully used. Signed as the
 * posting; {@code openAmount} is what is left after allocations. {@code daysOverdue} counts from the
 * due date to the day asked about (0 when not due).
 */
public record OpenItem(
        String postingId,
        PartyType partyType,
        String partyCode,
        PostingType type,
        String documentNumber,
        String orderNumber,
        String currency,
        BigDecimal amount,
        BigDecimal openAmount,
        LocalDate documentDate,
        LocalDate dueDate,
        int daysOverdue) {
}
