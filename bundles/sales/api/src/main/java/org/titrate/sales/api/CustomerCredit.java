package org.titrate.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer's credit in the currency of the limit (the customer's currency): {@code exposure} = open receivables +
 * confirmed orders not shipped yet; {@code available} = limit − exposure (null without a limit). {@code overdue} sums
 * the open debts past their due date, the oldest due on {@code oldestDueDate}; {@code overdueDays} is how many days
 * late a debt may be before it blocks new orders (0: overdue debts block nothing).
 */
public record CustomerCredit(String customerCode, String currency, BigDecimal creditLimit, BigDecimal openReceivables,
        BigDecimal unshippedOrders, BigDecimal exposure, BigDecimal available, BigDecimal overdue, LocalDate oldestDueDate,
        int overdueDays) {
}
