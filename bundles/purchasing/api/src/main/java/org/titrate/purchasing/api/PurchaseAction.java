package org.titrate.purchasing.api;

/** What can happen to a purchase document; {@code CREATE} and {@code UPDATE} are history entries only. */
public enum PurchaseAction {
    CREATE,
    UPDATE,
    CONFIRM,
    /** An order's goods arrive: stock in, payable up. */
    RECEIVE,
    /** A return leaves for the supplier: stock out, payable down. */
    SHIP,
    CANCEL,
    CLOSE
}
