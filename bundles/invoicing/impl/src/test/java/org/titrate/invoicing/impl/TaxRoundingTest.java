package org.titrate.invoicing.impl;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import org.junit.Test;

/** Invoice lines round to the cent per line: inclusive first, exclusive from it, tax as the difference. */
public class TaxRoundingTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    public void theTaxIsTheDifferenceSoEveryLineAddsUp() {
        TaxRounding a = TaxRounding.of(d("10"), d("118.00"), d("0.13"));
        assertEquals(d("1180.00"), a.amountInclusive());
        assertEquals(d("1044.25"), a.amount());
        assertEquals(d("135.75"), a.tax());
        TaxRounding b = TaxRounding.of(d("3"), d("33.33"), d("0.13"));
        assertEquals(d("99.99"), b.amountInclusive());
        assertEquals(d("88.49"), b.amount());
        assertEquals(d("11.50"), b.tax());
    }

    @Test
    public void theInclusiveAmountRoundsHalfUpBeforeTheTaxIsTakenOut() {
        // 2.5 × 0.33 = 0.825 → 0.83; 0.83 / 1.06 = 0.78301 → 0.78; tax 0.05.
        TaxRounding a = TaxRounding.of(d("2.5"), d("0.33"), d("0.06"));
        assertEquals(d("0.83"), a.amountInclusive());
        assertEquals(d("0.78"), a.amount());
        assertEquals(d("0.05"), a.tax());
        // Half a cent of the exclusive amount rounds up: 1.13 × 0.125 = 0.14125 → 0.14 inclusive; 0.14 / 1.13 = 0.1239 → 0.12.
        assertEquals(d("0.12"), TaxRounding.of(d("0.125"), d("1.13"), d("0.13")).amount());
    }

    @Test
    public void theTaxDiffersFromAmountTimesRateByAtMostACent() {
        for (int cents = 1; cents < 5000; cents += 7) {
            BigDecimal inclusive = BigDecimal.valueOf(cents, 2);
            for (String rate : new String[] {"0.13", "0.09", "0.06", "0.03", "0.01"}) {
                TaxRounding a = TaxRounding.ofInclusive(inclusive, d(rate));
                BigDecimal exact = a.amount().multiply(d(rate));
                assertEquals(inclusive, a.amount().add(a.tax()));
                org.junit.Assert.assertTrue(inclusive + " at " + rate, exact.subtract(a.tax()).abs().compareTo(d("0.01")) <= 0);
            }
        }
    }

    @Test
    public void aRedLineIsTheNegatedLine() {
        TaxRounding red = TaxRounding.of(d("4"), d("118.00"), d("0.13")).negate();
        assertEquals(d("-472.00"), red.amountInclusive());
        assertEquals(d("-417.70"), red.amount());
        assertEquals(d("-54.30"), red.tax());
    }
}
