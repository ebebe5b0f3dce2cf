package org.titrate.sales.api;

import java.util.List;

/** A page of the order list with the totals of the whole filtered list (not just this page). */
public record OrderList(List<SalesOrder> items, long total, int offset, int limit, OrderTotals totals) {
}
