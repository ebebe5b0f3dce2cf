package org.titrate.purchasing.api;

/** A purchase order buys goods in; a purchase return sends goods back to the supplier. */
public enum PurchaseType {
    ORDER,
    RETURN
}
