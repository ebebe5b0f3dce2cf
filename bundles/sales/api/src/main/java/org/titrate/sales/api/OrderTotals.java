package org.titrate.sales.api;

import java.math.BigDecimal;

/**
 * Net figures over a filtered order list, signed like the lines: {@code returnedAmount ≤ 0} and
 * {@code netAmount = shippedAmount + returnedAmount}. Cancelled orders and rejected returns are
 * listed but count for nothing: they moved neither goods nor money. All in {@code currency}; a list that mixes
 * currencies has no single total and reports every field as {@code null}: its sums are in
 * {@link OrderList#totalsByCurrency()} (or filter by currency).
 */
public record OrderTotals(BigDecimal shippedAmount, BigDecimal returnedAmount, BigDecimal netAmount, String currency) {
}
