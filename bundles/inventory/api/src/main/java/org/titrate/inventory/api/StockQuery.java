package org.titrate.inventory.api;

import org.titrate.platform.api.PageRequest;

/**
 * Filters of the on-hand list; null means any. {@code expiringWithinDays} keeps lots that expire
 * within that many days from today (already expired ones included), soonest first.
 */
public record StockQuery(String sku, String warehouseCode, String lot, StockStatus status, Integer expiringWithinDays,
        PageRequest page) {
}
