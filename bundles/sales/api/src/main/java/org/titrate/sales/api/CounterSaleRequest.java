package org.titrate.sales.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A counter sale as the till sends it: the warehouse the goods leave, the lines (positive quantities; the unit price
 * defaults to the list price), the payment and, optionally, who bought. {@code currency} defaults to the house currency.
 * {@code customerCode} names a registered customer buying at the counter (required to buy {@code ON_ACCOUNT}); without it
 * the buyer is the walk-in customer.
 */
public record CounterSaleRequest(String warehouseCode, String currency, List<OrderLine> lines, Payment payment, Buyer buyer,
        String comment, String customerCode) {

    /**
     * What the buyer handed over: {@code amount} may exceed the total, the difference is the change given back; none for
     * {@code ON_ACCOUNT}.
     */
    public record Payment(String method, BigDecimal amount, String reference) {
    }

    /** A walk-in buyer's name and phone, kept on the document's comment and the till record. */
    public record Buyer(String name, String phone) {
    }
}
