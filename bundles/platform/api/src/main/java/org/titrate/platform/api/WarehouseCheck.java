package org.titrate.platform.api;

import org.osgi.annotation.versioning.ConsumerType;
import org.titrate.platform.api.db.InCallersTransaction;

/**
 * Whether a document may name a warehouse, asked when the document is saved. The inventory module owns
 * warehouses and registers this service; sales and purchasing, upstream of inventory, take it as an
 * optional dynamic reference and save any code while inventory is not installed (their documents then
 * move no stock). Shipping and receiving still check the warehouse again when stock moves.
 */
@ConsumerType
@InCallersTransaction
public interface WarehouseCheck {

    /**
     * Null when {@code code} names an active warehouse; otherwise what is wrong with it, worded for a
     * client ("unknown warehouse 'WH9'", "warehouse 'WH2' is inactive").
     */
    String problem(String code);

    /**
     * Reports on {@code check} what is wrong with the warehouse a document names under {@code field}; nothing when
     * it names none ({@code code} null) or inventory is not installed ({@code service} null).
     */
    static void validate(WarehouseCheck service, Check check, String field, String code) {
        String problem = service == null || code == null ? null : service.problem(code);
        if (problem != null) {
            check.fail(field, problem);
        }
    }
}
