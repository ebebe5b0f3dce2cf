package org.titrate.invoicing.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rounding rule of invoice lines, the way the tax system computes a line from a tax-inclusive price: the
 * tax-inclusive amount (价税合计) is quantity × unit price rounded half-up to the cent; the tax-exclusive amount (金额) is
 * that divided by (1 + rate), rounded half-up to the cent; the tax (税额) is the difference, so every line adds up exactly
 * and differs from amount × rate by at most one cent. Totals are sums of the rounded lines, never rounded again.
 */
public record TaxRounding(BigDecimal amount, BigDecimal tax, BigDecimal amountInclusive) {

    public static TaxRounding of(BigDecimal quantity, BigDecimal unitPrice, BigDecimal rate) {
        return ofInclusive(quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP), rate);
    }

    public static TaxRounding ofInclusive(BigDecimal inclusive, BigDecimal rate) {
        BigDecimal exclusive = inclusive.divide(BigDecimal.ONE.add(rate), 2, RoundingMode.HALF_UP);
        return new TaxRounding(exclusive, inclusive.subtract(exclusive), inclusive);
    }

    public TaxRounding negate() {
        return new TaxRounding(amount.negate(), tax.negate(), amountInclusive.negate());
    }
}
