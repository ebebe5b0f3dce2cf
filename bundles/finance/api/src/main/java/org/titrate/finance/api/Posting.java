package org.titrate.finance.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of the finance ledger, never changed once written. {@code amount} is signed (debits
 * positive), {@code balanceAfter} is the party's balance in that currency after it; a party's postings
 * are stamped strictly one after the other. {@code documentNumber} is what was posted (an order, a receipt);
 * {@code orderNumber} the order a money document was for, or a return's source order.
 */
public record Posting(
        String id,
        PartyType partyType,
        String partyCode,
        PostingType type,
        String documentNumber,
        String orderNumber,
        String currency,
        BigDecimal amount,
        BigDecimal balanceAfter,
        LocalDate documentDate,
        LocalDate dueDate,
        Instant postedAt,
        String postedBy) {
}
