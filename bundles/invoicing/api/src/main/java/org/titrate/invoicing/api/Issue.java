package org.titrate.invoicing.api;

import java.time.LocalDate;

/** What the tax system gave a requested invoice: its number (8 or 20 digits), code (10 or 12 digits; none when electronic), date. */
public record Issue(String requestNumber, String invoiceNumber, String invoiceCode, LocalDate issueDate) {
}
