package org.titrate.sales.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.titrate.platform.api.Money;

/** The credit limit's arithmetic and its verdict, without a database. */
final class CreditRules {

    private CreditRules() {
    }

    /** The limit that applies: none when the customer has none or zero (customers stores an unset limit as zero). */
    static BigDecimal limitOf(BigDecimal creditLimit) {
        return creditLimit == null || creditLimit.signum() <= 0 ? null : creditLimit;
    }

    /** Open receivables + confirmed orders not shipped yet + the order being confirmed (zero when none). */
    static BigDecimal exposure(BigDecimal openReceivables, BigDecimal unshippedOrders, BigDecimal thisOrder) {
        return Money.of(nz(openReceivables).add(nz(unshippedOrders)).add(nz(thisOrder)));
    }

    /** What may still be ordered: limit − exposure; null without a limit. */
    static BigDecimal available(BigDecimal limit, BigDecimal exposure) {
        return limit == null ? null : Money.of(limit.subtract(exposure));
    }

    /** Whether {@code exposure} exceeds {@code limit}; no limit never does. */
    static boolean exceeds(BigDecimal limit, BigDecimal exposure) {
        return limit != null && exposure.compareTo(limit) > 0;
    }

    /** The first day a debt still blocks new orders: due before {@code today − overdueDays}; null when overdue debts block nothing. */
    static LocalDate blockingDueBefore(LocalDate today, int overdueDays) {
        return overdueDays <= 0 ? null : today.minusDays(overdueDays);
    }

    static String overLimit(String customerCode, BigDecimal exposure, BigDecimal limit, String currency) {
        return "the exposure of " + customerCode + " would be " + exposure.toPlainString() + " " + currency
                + " (open receivables, confirmed orders not shipped and this order), above its credit limit of " + limit.toPlainString()
                + " " + currency + "; a finance user or an administrator may override it with a reason";
    }

    static String overdue(String customerCode, BigDecimal overdue, LocalDate oldestDue, int overdueDays, String currency) {
        return customerCode + " owes " + overdue.toPlainString() + " " + currency + " more than " + overdueDays
                + " days past due (the oldest due on " + oldestDue + "): new orders wait until it is paid, unless a finance user or"
                + " an administrator overrides it with a reason";
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
