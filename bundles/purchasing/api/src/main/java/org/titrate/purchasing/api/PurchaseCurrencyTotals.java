package org.titrate.purchasing.api;

import java.math.BigDecimal;

/**
 * The net figures of a filtered purchase list's documents in one currency: {@code returnedAmount ≤ 0},
 * {@code netAmount = receivedAmount + returnedAmount}; cancelled documents count for nothing.
 */
public record PurchaseCurrencyTotals(String currency, BigDecimal receivedAmount, BigDecimal returnedAmount, BigDecimal netAmount) {
}
