package org.titrate.sales.impl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.titrate.platform.api.Money;
import org.titrate.sales.api.CurrencyTotals;
import org.titrate.sales.api.OrderTotals;

/**
 * The sums of a filtered order list, from one grouped query: per currency, and the single total a list
 * in one currency has (a list mixing currencies has none: its {@code totals} are null, its sums are per
 * currency).
 *
 * @param count the number of documents in the filtered list
 */
record ListTotals(long count, OrderTotals totals, List<CurrencyTotals> byCurrency) {

    /**
     * @param rows     {currency, count, shipped, returned} per currency, in currency order
     * @param currency the list's currency filter, if any
     */
    static ListTotals of(List<Object[]> rows, String currency) {
        long count = 0;
        List<CurrencyTotals> byCurrency = new ArrayList<>();
        for (Object[] row : rows) {
            count += ((Number) row[1]).longValue();
            BigDecimal shipped = amount(row[2]);
            BigDecimal returned = amount(row[3]);
            byCurrency.add(new CurrencyTotals((String) row[0], shipped, returned, shipped.add(returned)));
        }
        OrderTotals totals;
        if (byCurrency.isEmpty()) {
            BigDecimal zero = Money.of(BigDecimal.ZERO);
            totals = new OrderTotals(zero, zero, zero, currency != null ? currency : Money.DEFAULT_CURRENCY);
        } else if (byCurrency.size() == 1) {
            CurrencyTotals one = byCurrency.get(0);
            totals = new OrderTotals(one.shippedAmount(), one.returnedAmount(), one.netAmount(), one.currency());
        } else {
            totals = new OrderTotals(null, null, null, null);
        }
        return new ListTotals(count, totals, List.copyOf(byCurrency));
    }

    private static BigDecimal amount(Object sum) {
        return Money.of(sum == null ? BigDecimal.ZERO : new BigDecimal(sum.toString()));
    }
}
