package org.titrate.reporting.api;

/** How a column's values are written: exports put {@code AMOUNT} and {@code PERCENT} as numbers with two decimals. */
public enum ColumnType {
    TEXT,
    DATE,
    INTEGER,
    QUANTITY,
    AMOUNT,
    PERCENT
}
