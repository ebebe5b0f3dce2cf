package org.titrate.finance.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A party's account in one currency. {@code balance} = the sum of its postings = what is owed
 * (negative: a credit). {@code openDebit} sums its unsettled debits, {@code openCredit} its unused
 * credits (≤ 0), so {@code balance = openDebit + openCredit}. {@code overdueAmount} is the part of
 * {@code openDebit} past its due date.
 */
public record Balance(
        PartyType partyType,
        String partyCode,
        String currency,
        BigDecimal balance,
        BigDecimal openDebit,
        BigDecimal openCredit,
        BigDecimal overdueAmount,
        long postings,
        Instant lastPostedAt) {
}
