package org.titrate.invoicing.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A request to invoice shipped goods of one customer: whole orders ({@code orderNumbers}: what of each is not yet
 * invoiced) and/or some lines ({@code lines}, each with a quantity or, without, what of it is not yet invoiced).
 */
public record InvoiceRequest(String customerCode, InvoiceType type, List<String> orderNumbers, List<Line> lines, String comment) {

    /** A sales order line to invoice, by order number and line number. */
    public record Line(String orderNumber, Integer lineNo, BigDecimal quantity) {
    }
}
