package org.titrate.sales.api;

import java.math.BigDecimal;

/**
 * A counter sale or return as booked: the document ({@code SHIPPED} or {@code RECEIVED}), how it was paid or refunded,
 * what the buyer handed over ({@code paid}), the {@code change} given back (shown, never booked) and the number of the
 * money document finance registered (null without finance).
 */
public record CounterSale(SalesOrder order, String method, BigDecimal total, BigDecimal paid, BigDecimal change, String moneyNumber,
        CounterSaleRequest.Buyer buyer) {
}
