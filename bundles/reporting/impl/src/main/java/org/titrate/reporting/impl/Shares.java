package org.titrate.reporting.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Percentages of a total, rounded to two decimals so that they add up to exactly 100.00 (largest-remainder
 * method): every share is first cut down to whole hundredths of a percent, then the hundredths still missing go,
 * one each, to the shares that lost most by the cut (ties to the earlier one). A zero total has all shares zero.
 */
public final class Shares {
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private Shares() {
    }

    public static List<BigDecimal> of(List<BigDecimal> values) {
        BigDecimal total = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> shares = new ArrayList<>();
        if (total.signum() == 0) {
            values.forEach(v -> shares.add(BigDecimal.ZERO.setScale(2)));
            return shares;
        }
        long[] units = new long[values.size()];
        BigDecimal[] remainders = new BigDecimal[values.size()];
        long given = 0;
        for (int i = 0; i < values.size(); i++) {
            BigDecimal exact = values.get(i).multiply(TEN_THOUSAND).divide(total, 12, RoundingMode.HALF_EVEN);
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            units[i] = floor.longValueExact();
            remainders[i] = exact.subtract(floor);
            given += units[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        long missing = 10_000 - given;
        for (int k = 0; missing > 0; k = (k + 1) % order.size(), missing--) {
            units[order.get(k)]++;
        }
        for (long u : units) {
            shares.add(BigDecimal.valueOf(u, 2));
        }
        return shares;
    }
}
