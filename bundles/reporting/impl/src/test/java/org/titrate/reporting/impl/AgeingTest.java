package org.titrate.reporting.impl;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;

public class AgeingTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private static Ageing.Entry debit(String amount, LocalDate due) {
        return new Ageing.Entry(new BigDecimal(amount), due.minusDays(30), due);
    }

    @Test
    public void bucketBoundaries() {
        assertEquals(0, Ageing.bucket(-5));
        assertEquals(0, Ageing.bucket(0));
        assertEquals(1, Ageing.bucket(1));
        assertEquals(1, Ageing.bucket(30));
        assertEquals(2, Ageing.bucket(31));
        assertEquals(2, Ageing.bucket(60));
        assertEquals(3, Ageing.bucket(61));
        assertEquals(3, Ageing.bucket(90));
        assertEquals(4, Ageing.bucket(91));
    }

    @Test
    public void paymentsSettleTheOldestDebtsFirst() {
        Ageing.Buckets b = Ageing.of(List.of(
                debit("100.00", AS_OF.minusDays(100)),       // over 90
                debit("200.00", AS_OF.minusDays(45)),        // 31-60
                debit("300.00", AS_OF.plusDays(10)),         // not due
                new Ageing.Entry(new BigDecimal("-150.00"), AS_OF.minusDays(5), AS_OF.minusDays(5))), AS_OF);
        assertEquals(new BigDecimal("450.00"), b.balance());
        assertEquals(new BigDecimal("300.00"), b.buckets()[0]);
        assertEquals(new BigDecimal("0.00"), b.buckets()[1]);
        assertEquals(new BigDecimal("150.00"), b.buckets()[2]);
        assertEquals(new BigDecimal("0.00"), b.buckets()[4]);
        assertEquals(new BigDecimal("0.00"), b.credit());
    }

    @Test
    public void aCreditBalanceIsShownAsCredit() {
        Ageing.Buckets b = Ageing.of(List.of(debit("100.00", AS_OF.minusDays(10)),
                new Ageing.Entry(new BigDecimal("-130.00"), AS_OF, AS_OF)), AS_OF);
        assertEquals(new BigDecimal("-30.00"), b.credit());
        assertEquals(new BigDecimal("-30.00"), b.balance());
        assertEquals(new BigDecimal("0.00"), b.buckets()[1]);
    }

    @Test
    public void postingsAfterTheDayDoNotCount() {
        Ageing.Buckets b = Ageing.of(List.of(new Ageing.Entry(new BigDecimal("80.00"), AS_OF.plusDays(1), AS_OF.plusDays(31))), AS_OF);
        assertEquals(new BigDecimal("0.00"), b.balance());
    }
}
