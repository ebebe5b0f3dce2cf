package org.titrate.sales.api;

import java.math.BigDecimal;

/**
 * The net figures of a filtered order list's documents in one currency, signed like {@link OrderTotals}:
 * {@code returnedAmount ≤ 0}, {@code netAmount = shippedAmount + returnedAmount}; cancelled orders and
 * rejected returns count for nothing.
 */
public record CurrencyTotals(String currency, BigDecimal shippedAmount, BigDecimal returnedAmount, BigDecimal netAmount) {
}
