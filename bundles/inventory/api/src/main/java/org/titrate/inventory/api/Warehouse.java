package org.titrate.inventory.api;

import java.time.Instant;

/**
 * A warehouse. Returned goods wait in its {@code quarantineLocation} (status {@code QUARANTINE})
 * until they are inspected. {@code allowNegativeStock} lets issues exceed what is on hand (off by
 * default). The {@code defaultWarehouse} ships sales orders that name no warehouse; at most one
 * warehouse is the default.
 */
public record Warehouse(
        String id,
        String code,
        String name,
        String address,
        String quarantineLocation,
        Boolean allowNegativeStock,
        Boolean defaultWarehouse,
        Boolean active,
        Long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /** What a client supplies to create or change a warehouse. */
    public static Warehouse of(String code, String name, boolean allowNegativeStock) {
        return new Warehouse(null, code, name, null, null, allowNegativeStock, null, null, null, null, null, null, null);
    }
}
