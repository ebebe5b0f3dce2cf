package org.titrate.invoicing.api;

import java.math.BigDecimal;
import java.util.List;

/** A red-letter request against an issued invoice: the reason and the original's lines with the quantities to reverse (positive). */
public record RedRequest(String reason, List<Line> lines) {

    /** A line of the original invoice; without a quantity, what of it is not yet reversed. */
    public record Line(Integer lineNo, BigDecimal quantity) {
    }
}
