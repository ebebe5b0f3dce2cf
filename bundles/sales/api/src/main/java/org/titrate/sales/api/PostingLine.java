package org.titrate.sales.api;

import java.math.BigDecimal;

/** A line as posted; quantity and amount signed as on the document. */
public record PostingLine(int lineNo, String sku, Direction direction, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount,
        String lot, String reasonCode) {
}
