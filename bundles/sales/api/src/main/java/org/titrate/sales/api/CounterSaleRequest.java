package org.titrate.sales.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A counter sale as the till sends it: the warehouse the goods leave, the lines (positive quantities; the unit price
 * defaults to the list price), the payment and, optionally, who bought. {@code currency} defaults to the house currency.
 */
public record CounterSaleRequest(String warehouseCode, String currency, List<OrderLine> lines, Payment payment, Buyer buyer,
        String comment) {

    /** What the buyer handed over: {@code amount} may exceed the total, the difference is the change given back. */
    public record Payment(String method, BigDecimal amount, String reference) {
    }

    /** A walk-in buyer's name and phone, kept on the document's comment and the till record. */
    public record Buyer(String name, String phone) {
    }
}
