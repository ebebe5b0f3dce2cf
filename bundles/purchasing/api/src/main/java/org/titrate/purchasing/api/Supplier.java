package org.titrate.purchasing.api;

import java.time.Instant;

/**
 * A supplier: a producer or trader we buy from. {@code paymentTermDays} sets when what we owe for a
 * receipt falls due; an inactive supplier keeps its history but takes no new orders.
 */
public record Supplier(
        String id,
        String code,
        String name,
        String contactName,
        String phone,
        String email,
        String address,
        Integer paymentTermDays,
        Boolean active,
        Long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {
}
