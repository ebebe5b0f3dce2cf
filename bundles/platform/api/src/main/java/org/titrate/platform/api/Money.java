package org.titrate.platform.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** House rules for amounts: exact decimals, two places, HALF_UP, a currency on every document. */
public final class Money {
    public static final String DEFAULT_CURRENCY = "CNY";
    public static final int SCALE = 2;
    /** Larger than any plausible price or credit line; bigger numbers are typing errors. */
    public static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Money() {
    }

    public static BigDecimal of(BigDecimal value) {
        return value == null ? null : value.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
