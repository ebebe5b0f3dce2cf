package org.titrate.invoicing.api;

/** An invoice as it is now, listed for an event at {@code seq} of the platform's event log. */
public record InvoiceChange(long seq, String event, Invoice invoice) {
}
