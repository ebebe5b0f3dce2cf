package org.titrate.sales.api;

/** A sales document is an order (goods out) or a return (goods back, possibly with replacements: an exchange). */
public enum OrderType {
    ORDER,
    RETURN
}
