package org.titrate.sales.api;

import java.time.LocalDate;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Retail at the counter (商品零售 / 零售退货): each call is one transaction across sales and the posting listeners
 * (inventory's stock, finance's receivable) and {@link CounterPayments} (finance's receipt or refund); all or nothing.
 * Buyers without an account buy as the walk-in customer {@link #WALK_IN} (channel {@code RETAIL}).
 */
@ProviderType
public interface CounterSaleService {

    /** The walk-in customer's code. */
    String WALK_IN = "RETAIL";

    /** Creates, confirms and ships an order of the walk-in customer and registers its receipt. */
    CounterSale sell(CounterSaleRequest request);

    /** Creates, submits, approves and receives a return of the walk-in customer and registers its refund. */
    CounterSale takeBack(CounterReturnRequest request);

    /** The till of the business day {@code date} (today when null). */
    TillSummary summary(LocalDate date);
}
