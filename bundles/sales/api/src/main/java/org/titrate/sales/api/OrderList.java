package org.titrate.sales.api;

import java.util.List;

/**
 * A page of the order list with the totals of the whole filtered list (not just this page): {@code totals}
 * for a list in one currency (all null when it mixes currencies), and {@code totalsByCurrency}, one entry per
 * currency the filtered list holds, in currency order.
 */
public record OrderList(List<SalesOrder> items, long total, int offset, int limit, OrderTotals totals,
        List<CurrencyTotals> totalsByCurrency) {
}
