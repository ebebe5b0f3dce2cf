package org.titrate.purchasing.api;

/**
 * {@code ORDER}: DRAFT → CONFIRMED → RECEIVED → CLOSED; {@code RETURN}: DRAFT → CONFIRMED → SHIPPED →
 * CLOSED; both CANCELLED from DRAFT or CONFIRMED.
 */
public enum PurchaseStatus {
    DRAFT,
    CONFIRMED,
    RECEIVED,
    SHIPPED,
    CLOSED,
    CANCELLED
}
