package org.titrate.sales.api;

import java.math.BigDecimal;

/** How much of a document has been paid and how much is still open, in the document's currency. */
public record Settlement(BigDecimal paidAmount, BigDecimal outstandingAmount) {
}
