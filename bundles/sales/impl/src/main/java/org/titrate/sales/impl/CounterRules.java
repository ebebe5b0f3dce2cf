package org.titrate.sales.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Money;
import org.titrate.platform.api.ValidationException;
import org.titrate.sales.api.OrderLine;
import org.titrate.sales.api.TillSummary;

/** The arithmetic of the till, without a database: change, what a sale still allows back, the day's summary. */
final class CounterRules {
    static final String SALE = "SALE";
    static final String RETURN = "RETURN";

    private CounterRules() {
    }

    /** The change given back when the buyer hands over {@code paid} for {@code total}; less than the total is refused. */
    static BigDecimal change(BigDecimal paid, BigDecimal total) {
        if (paid.compareTo(total) < 0) {
            throw new ValidationException("payment.amount", "is " + paid.toPlainString() + ", less than the sale's total of "
                    + total.toPlainString());
        }
        return Money.of(paid.subtract(total));
    }

    /** Quantities per SKU (absolute values) of the given lines; lines without SKU or quantity are left to validation. */
    static Map<String, BigDecimal> quantities(List<OrderLine> lines) {
        Map<String, BigDecimal> result = new TreeMap<>();
        for (OrderLine l : lines == null ? List.<OrderLine>of() : lines) {
            if (l != null && l.sku() != null && l.quantity() != null) {
                result.merge(l.sku().strip(), l.quantity().abs(), BigDecimal::add);
            }
        }
        return result;
    }

    /**
     * Refuses (400 naming the line) any line of {@code requested} taking back more of a product than {@code shipped}
     * by the sale less what its earlier returns took back ({@code returned}, absolute values).
     */
    static void requireReturnable(String saleNumber, List<OrderLine> requested, Map<String, BigDecimal> shipped,
            Map<String, BigDecimal> returned) {
        Check check = new Check();
        Map<String, BigDecimal> left = new TreeMap<>();
        shipped.forEach((sku, q) -> left.put(sku, q.subtract(returned.getOrDefault(sku, BigDecimal.ZERO))));
        for (int i = 0; i < requested.size(); i++) {
            OrderLine l = requested.get(i);
            if (l == null || l.sku() == null || l.quantity() == null) {
                continue;
            }
            String sku = l.sku().strip();
            BigDecimal available = left.getOrDefault(sku, BigDecimal.ZERO);
            BigDecimal wanted = l.quantity().abs();
            if (wanted.compareTo(available) > 0) {
                check.fail("lines[" + i + "].quantity", shipped.containsKey(sku)
                        ? "at most " + available.max(BigDecimal.ZERO).stripTrailingZeros().toPlainString() + " of " + sku + " can come back: "
                                + saleNumber + " shipped " + shipped.get(sku).stripTrailingZeros().toPlainString() + " and "
                                + returned.getOrDefault(sku, BigDecimal.ZERO).stripTrailingZeros().toPlainString() + " came back before"
                        : saleNumber + " did not sell " + sku);
            }
            left.put(sku, available.subtract(wanted));
        }
        check.throwIfInvalid();
    }

    /** One group of the till's rows: kind ({@link #SALE} or {@link #RETURN}), method, currency, count and sum of totals. */
    record Group(String kind, String method, String currency, long count, BigDecimal total) {
    }

    /** The day's summary per method and currency, sorted by both. */
    static TillSummary summary(LocalDate day, List<Group> groups) {
        Map<String, TillSummary.Line> lines = new TreeMap<>();
        for (Group g : groups) {
            String key = g.method() + " " + g.currency();
            TillSummary.Line l = lines.getOrDefault(key, new TillSummary.Line(g.method(), g.currency(), Money.of(BigDecimal.ZERO),
                    Money.of(BigDecimal.ZERO), Money.of(BigDecimal.ZERO), 0, 0));
            boolean sale = SALE.equals(g.kind());
            BigDecimal sales = sale ? l.sales().add(g.total()) : l.sales();
            BigDecimal returns = sale ? l.returns() : l.returns().add(g.total());
            lines.put(key, new TillSummary.Line(g.method(), g.currency(), Money.of(sales), Money.of(returns), Money.of(sales.add(returns)),
                    l.saleCount() + (sale ? g.count() : 0), l.returnCount() + (sale ? 0 : g.count())));
        }
        return new TillSummary(day, new ArrayList<>(lines.values()));
    }
}
