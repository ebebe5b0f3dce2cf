package org.titrate.sales.api;

import org.titrate.platform.api.PageRequest;

/**
 * Filters of the contract list; null means "any". {@code expiringWithinDays}: active contracts whose last valid day is
 * today or within that many days. {@code q} searches number and customer name. Since 1.1.
 */
public record ContractQuery(String customerCode, ContractStatus status, String salesperson, Integer expiringWithinDays, String q,
        PageRequest page) {
}
