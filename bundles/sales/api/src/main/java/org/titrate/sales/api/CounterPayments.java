package org.titrate.sales.api;

import java.math.BigDecimal;
import org.osgi.annotation.versioning.ConsumerType;
import org.titrate.platform.api.db.InCallersTransaction;

/**
 * Books the money of a counter sale (a receipt for the sale's total) or of a counter return (a refund); implemented
 * by finance. Sales calls it inside the counter document's transaction, after the shipment or the return receipt
 * was posted, so document, stock movements and money commit together or not at all. Throw a
 * {@link org.titrate.platform.api.ProblemException} to refuse.
 */
@ConsumerType
@InCallersTransaction
public interface CounterPayments {

    /** Registers {@code money}; returns the number of the money document. */
    String register(CounterMoney money);

    /**
     * A receipt ({@code refund} false) or refund of {@code amount} (positive) for the document {@code orderNumber}
     * of {@code customerCode}, paid by {@code method} (a {@link CounterMethod} name).
     */
    record CounterMoney(boolean refund, String customerCode, String orderNumber, String currency, BigDecimal amount, String method,
            String reference, String comment) {
    }
}
