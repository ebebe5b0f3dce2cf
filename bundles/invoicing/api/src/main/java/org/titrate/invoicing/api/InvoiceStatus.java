package org.titrate.invoicing.api;

/** Requested (or, for red invoices, proposed) → issued by the tax system; a request not yet issued may be cancelled. */
public enum InvoiceStatus {
    REQUESTED,
    ISSUED,
    CANCELLED
}
