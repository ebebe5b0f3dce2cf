package org.titrate.purchasing.api;

import java.time.Instant;

/** One entry of a purchase document's history: who did what, when, from which state to which, and why. */
public record PurchaseChange(PurchaseAction action, PurchaseStatus fromStatus, PurchaseStatus toStatus, Instant at, String by,
        String comment) {
}
