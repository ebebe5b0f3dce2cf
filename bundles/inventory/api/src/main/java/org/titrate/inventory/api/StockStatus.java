package org.titrate.inventory.api;

/** Where stock stands inside a warehouse. */
public enum StockStatus {
    /** On the shelf: can be issued and shipped. */
    AVAILABLE,
    /** In the quarantine location (returned or held goods): waits to be released or scrapped. */
    QUARANTINE
}
