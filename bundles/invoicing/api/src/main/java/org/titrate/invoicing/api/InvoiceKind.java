package org.titrate.invoicing.api;

/** A normal (blue) invoice, or a red-letter invoice (红字发票) reversing part or all of an issued one. */
public enum InvoiceKind {
    BLUE,
    RED
}
