package org.titrate.sales.api;

import java.time.Instant;

/** One entry of a document's history: who did what, when, from which state to which, and why. */
public record StatusChange(
        OrderAction action,
        OrderStatus fromStatus,
        OrderStatus toStatus,
        Instant at,
        String by,
        String comment) {
}
