package org.titrate.sales.api;

import java.util.List;

/**
 * A counter return: the goods come back into quarantine and the money goes back in one step. {@code saleNumber}
 * names the sale (then no more of a product comes back than that sale shipped, less what earlier returns of it took
 * back, and the sale's prices apply); without it the return stands alone and {@code reason} is required. Lines carry
 * negative quantities like every return line; {@code reasonCode} (a return reason) applies to every line.
 * {@code refund.amount} is ignored: the refund is the return's value.
 */
public record CounterReturnRequest(String saleNumber, String warehouseCode, String currency, List<OrderLine> lines, String reasonCode,
        String reason, CounterSaleRequest.Payment refund, CounterSaleRequest.Buyer buyer) {
}
