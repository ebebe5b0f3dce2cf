package org.titrate.sales.api;

import java.time.LocalDate;
import java.util.Map;
import org.titrate.platform.api.PageRequest;

/**
 * Filters of the order list; null means "any". {@code from} and {@code to} bound the order date
 * (both inclusive). {@code customFields} maps a custom field key to the value it must have. {@code salesperson}
 * (an employee code) and {@code contractNumber} since 1.1.
 */
public record OrderQuery(
        OrderType type,
        OrderStatus status,
        String customerCode,
        String channel,
        String currency,
        LocalDate from,
        LocalDate to,
        String q,
        Map<String, String> customFields,
        PageRequest page,
        String salesperson,
        String contractNumber) {

    public OrderQuery(OrderType type, OrderStatus status, String customerCode, String channel, String currency, LocalDate from,
            LocalDate to, String q, Map<String, String> customFields, PageRequest page) {
        this(type, status, customerCode, channel, currency, from, to, q, customFields, page, null, null);
    }
}
