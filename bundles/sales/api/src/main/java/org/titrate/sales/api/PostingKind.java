package org.titrate.sales.api;

/** The sales actions that move goods and money: shipping an order and receiving a return. */
public enum PostingKind {
    /** An {@code ORDER} ships: its {@code SHIP} lines leave the warehouse and become the customer's debt. */
    SHIPMENT,
    /**
     * A {@code RETURN} is received: its {@code RETURN} lines come back (into quarantine) and become a
     * credit; its {@code SHIP} lines (an exchange) leave the warehouse and become debt.
     */
    RETURN_RECEIPT
}
