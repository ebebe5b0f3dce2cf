package org.titrate.purchasing.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A page of the purchase list with the totals of the whole filtered list (received, returned, net;
 * cancelled documents count for nothing; null when the list mixes currencies), and
 * {@code totalsByCurrency}, one entry per currency the filtered list holds, in currency order.
 */
public record PurchaseList(List<PurchaseOrder> items, long total, int offset, int limit, BigDecimal receivedAmount,
        BigDecimal returnedAmount, BigDecimal netAmount, String currency, List<PurchaseCurrencyTotals> totalsByCurrency) {
}
