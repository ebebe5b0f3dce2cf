package org.titrate.sales.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * How far a contract is executed, in its currency, over the orders that name it: {@code ordered} counts confirmed and
 * later orders (not drafts, not cancelled), {@code shipped} the shipped goods net of what came back ({@code returned},
 * the goods of received returns against those orders, replacements an exchange sent out added back), {@code invoiced}
 * what invoicing reports (zero without it), {@code received} what finance settled (zero without it).
 * {@code remainingAmount} is the agreed amount minus ordered (null without an agreed amount); {@code orderedQuantity}
 * against {@code agreedQuantity} likewise. Since 1.1; {@code returnedAmount} since 1.2.
 */
public record ContractProgress(
        String number,
        ContractStatus status,
        String currency,
        BigDecimal agreedAmount,
        BigDecimal agreedQuantity,
        BigDecimal orderedAmount,
        BigDecimal orderedQuantity,
        BigDecimal shippedAmount,
        BigDecimal returnedAmount,
        BigDecimal invoicedAmount,
        BigDecimal receivedAmount,
        BigDecimal remainingAmount,
        BigDecimal remainingQuantity,
        List<String> orders) {
}
