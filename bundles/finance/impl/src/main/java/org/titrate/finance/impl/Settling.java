package org.titrate.finance.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Matches a new posting against the open items of its account: a debit (an invoice, a refund) takes
 * up open credits (receipts, credit notes), a credit pays off open debits. The document the posting
 * names is settled first (the order a receipt is for, the order a return came from), then the
 * oldest due items, then the oldest posted. Every match lowers one debit and one credit by the same
 * amount, so the sum of what is open always equals the balance.
 */
final class Settling {

    /** An open item: signed like its posting, {@code open} is what is left of it. */
    record Item(String postingId, String documentNumber, BigDecimal open, LocalDate dueDate, String postedOrder) {
    }

    /** {@code amount} (positive) of {@code debitId} settled by {@code creditId}. */
    record Match(String debitId, String creditId, BigDecimal amount) {
    }

    /** What settling did: the matches, the open items after them, and what stays open of the new posting. */
    record Result(List<Match> matches, List<Item> changed, BigDecimal remaining) {
    }

    private Settling() {
    }

    /** Sorts like the posting instant, then the id: what breaks ties between items due the same day. */
    static String order(java.time.Instant postedAt, String id) {
        return String.format("%015d", postedAt.toEpochMilli()) + id;
    }

    /**
     * @param fresh     the new posting, its {@code open} its whole signed amount
     * @param open      the account's open items, any sign (same currency)
     * @param preferred the document number to settle first, or null
     */
    static Result settle(Item fresh, List<Item> open, String preferred) {
        int sign = fresh.open().signum();
        List<Match> matches = new ArrayList<>();
        List<Item> changed = new ArrayList<>();
        if (sign == 0) {
            return new Result(matches, changed, BigDecimal.ZERO);
        }
        List<Item> opposite = open.stream().filter(i -> i.open().signum() == -sign)
                .sorted(Comparator.comparing((Item i) -> !Objects.equals(i.documentNumber(), preferred))
                        .thenComparing(Item::dueDate).thenComparing(Item::postedOrder))
                .toList();
        BigDecimal left = fresh.open().abs();
        for (Item i : opposite) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal take = left.min(i.open().abs());
            left = left.subtract(take);
            BigDecimal after = i.open().add(sign > 0 ? take : take.negate());
            changed.add(new Item(i.postingId(), i.documentNumber(), after, i.dueDate(), i.postedOrder()));
            matches.add(sign > 0 ? new Match(fresh.postingId(), i.postingId(), take) : new Match(i.postingId(), fresh.postingId(), take));
        }
        return new Result(matches, changed, sign > 0 ? left : left.negate());
    }
}
