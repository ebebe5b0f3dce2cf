package org.titrate.purchasing.api;

/** The purchasing actions that move goods and money. */
public enum PurchasePostingKind {
    /** An order's goods arrive: stock in, payable up. */
    RECEIPT,
    /** A return leaves for the supplier: stock out, payable down. */
    RETURN_SHIPMENT
}
