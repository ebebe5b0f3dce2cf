package org.titrate.invoicing.api;

import org.titrate.platform.api.PageRequest;

/** A filter for the invoice list; null fields do not filter. */
public record InvoiceQuery(String customerCode, String orderNumber, InvoiceKind kind, InvoiceStatus status, PageRequest page) {
}
