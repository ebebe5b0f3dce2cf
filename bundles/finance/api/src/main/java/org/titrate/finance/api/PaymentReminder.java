package org.titrate.finance.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The debts of one customer in one currency that fell due on one day and are still open; {@code raisedAt}
 * is when the reminder event went out (null: not yet).
 */
public record PaymentReminder(String customerCode, String currency, LocalDate dueDate, BigDecimal amount, List<String> documents,
        int daysOverdue, Instant raisedAt) {
}
