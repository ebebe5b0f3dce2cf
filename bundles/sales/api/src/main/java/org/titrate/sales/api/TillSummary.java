package org.titrate.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the till took on one business day, per payment method and currency: the counter sales' totals, the counter
 * returns' refunds (≤ 0), the net the cashier hands over, and how many documents of each.
 */
public record TillSummary(LocalDate date, List<Line> lines) {

    public record Line(String method, String currency, BigDecimal sales, BigDecimal returns, BigDecimal net, long saleCount,
            long returnCount) {
    }
}
