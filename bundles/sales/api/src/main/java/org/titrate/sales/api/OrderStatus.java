package org.titrate.sales.api;

/**
 * States of sales documents. An {@code ORDER} runs {@code DRAFT → CONFIRMED → SHIPPED → CLOSED}
 * ({@code CANCELLED} from draft or confirmed); a {@code RETURN} runs
 * {@code DRAFT → SUBMITTED → APPROVED | REJECTED}, {@code APPROVED → RECEIVED → CLOSED}.
 */
public enum OrderStatus {
    DRAFT,
    CONFIRMED,
    SHIPPED,
    CANCELLED,
    SUBMITTED,
    APPROVED,
    REJECTED,
    RECEIVED,
    CLOSED
}
