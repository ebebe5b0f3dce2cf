package org.titrate.purchasing.api;

/** A line's direction: {@code RECEIVE} lines have positive quantities, {@code RETURN} lines negative ones. */
public enum PurchaseDirection {
    RECEIVE,
    RETURN
}
