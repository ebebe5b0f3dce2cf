package org.titrate.reporting.impl;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.Test;

public class SharesTest {

    private static List<BigDecimal> shares(String... values) {
        return Shares.of(java.util.Arrays.stream(values).map(BigDecimal::new).toList());
    }

    private static BigDecimal sum(List<BigDecimal> shares) {
        return shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    public void threeThirdsAddUpToExactlyOneHundred() {
        List<BigDecimal> s = shares("1", "1", "1");
        assertEquals(List.of(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33")), s);
        assertEquals(new BigDecimal("100.00"), sum(s));
    }

    @Test
    public void theLargestRemaindersGetTheMissingHundredths() {
        // 1/7 = 14.2857.., 2/7 = 28.5714.., 4/7 = 57.1428..: cut to 14.28, 28.57, 57.14 (99.99); 14.28 lost most
        List<BigDecimal> s = shares("1", "2", "4");
        assertEquals(List.of(new BigDecimal("14.29"), new BigDecimal("28.57"), new BigDecimal("57.14")), s);
    }

    @Test
    public void exactSharesAreLeftAlone() {
        assertEquals(List.of(new BigDecimal("25.00"), new BigDecimal("75.00")), shares("250.00", "750.00"));
    }

    @Test
    public void manySmallGroupsStillAddUp() {
        String[] values = new String[97];
        java.util.Arrays.fill(values, "3.33");
        assertEquals(new BigDecimal("100.00"), sum(shares(values)));
    }

    @Test
    public void aNegativeGroupKeepsItsSignAndTheSumStaysExact() {
        List<BigDecimal> s = shares("120", "-20", "33.3");
        assertEquals(new BigDecimal("100.00"), sum(s));
        assertEquals(-1, s.get(1).signum());
    }

    @Test
    public void aZeroTotalHasZeroShares() {
        assertEquals(List.of(new BigDecimal("0.00"), new BigDecimal("0.00")), shares("5", "-5"));
    }
}
