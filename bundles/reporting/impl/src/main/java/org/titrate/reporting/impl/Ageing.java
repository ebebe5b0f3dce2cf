package org.titrate.reporting.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * Ages one party's account in one currency as of a day. The balance is what the postings up to that day add up
 * to; a debit balance is made of the newest debits (payments and credits settle the oldest first), and each such
 * debit counts in the bucket of its days past due: not yet due, 1–30, 31–60, 61–90, over 90. A credit balance is
 * shown as credit. The buckets and the credit add up to the balance.
 */
public final class Ageing {

    /** A posting as far as ageing cares: signed amount (debits positive) and the day it falls due. */
    public record Entry(BigDecimal amount, LocalDate documentDate, LocalDate dueDate) {
        LocalDate due() {
            return dueDate == null ? documentDate : dueDate;
        }
    }

    /** The buckets: {@code [notDue, 1–30, 31–60, 61–90, over 90]}, the credit (≤ 0) and the balance. */
    public record Buckets(BigDecimal[] buckets, BigDecimal credit, BigDecimal balance) {
    }

    private Ageing() {
    }

    public static int bucket(long daysPastDue) {
        if (daysPastDue <= 0) {
            return 0;
        }
        if (daysPastDue <= 30) {
            return 1;
        }
        if (daysPastDue <= 60) {
            return 2;
        }
        return daysPastDue <= 90 ? 3 : 4;
    }

    public static Buckets of(List<Entry> entries, LocalDate asOf) {
        BigDecimal[] buckets = new BigDecimal[5];
        java.util.Arrays.fill(buckets, BigDecimal.ZERO.setScale(2));
        BigDecimal balance = entries.stream().filter(e -> !e.documentDate().isAfter(asOf)).map(Entry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        if (balance.signum() <= 0) {
            return new Buckets(buckets, balance, balance);
        }
        BigDecimal left = balance;
        List<Entry> debits = entries.stream().filter(e -> !e.documentDate().isAfter(asOf) && e.amount().signum() > 0)
                .sorted(Comparator.comparing(Entry::documentDate).thenComparing(Entry::due).reversed()).toList();
        for (Entry d : debits) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal part = d.amount().min(left);
            int b = bucket(ChronoUnit.DAYS.between(d.due(), asOf));
            buckets[b] = buckets[b].add(part);
            left = left.subtract(part);
        }
        return new Buckets(buckets, BigDecimal.ZERO.setScale(2), balance);
    }
}
