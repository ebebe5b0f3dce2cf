package org.titrate.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.osgi.annotation.versioning.ConsumerType;
import org.titrate.platform.api.db.InCallersTransaction;

/**
 * What a customer owes, for the credit check of a confirm; implemented by finance. Sales calls it inside the
 * confirm's transaction, after it took the customer's credit lock, so the amounts are those every later confirm
 * of the customer sees too. While no implementation is registered a customer owes nothing.
 */
@ConsumerType
@InCallersTransaction
public interface CustomerReceivables {

    /**
     * The customer's open receivables in {@code currency} (debts less unused credits; negative: a credit), and the
     * open debts due before {@code dueBefore} with the earliest of their due dates (null when there is none).
     */
    Owed owed(String customerCode, String currency, LocalDate dueBefore);

    /** Open receivables, the part due before the day asked and its oldest due date. */
    record Owed(BigDecimal open, BigDecimal overdue, LocalDate oldestDueDate) {
    }
}
