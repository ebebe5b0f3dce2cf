package org.titrate.finance.impl;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;
import org.titrate.finance.api.MoneyDocument;
import org.titrate.finance.api.MoneyKind;
import org.titrate.finance.api.PaymentMethod;

public class RequestRetryTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final MoneyDocument FIRST = new MoneyDocument("id", "RC-2026-000001", MoneyKind.RECEIPT, "C1", null, new BigDecimal("100.00"),
            "CNY", PaymentMethod.BANK_TRANSFER, DAY, "SO-1", null, "HSBC-1", "预收", List.of(), null, "finance", "GL-7");

    private static List<String> differences(String party, String amount, PaymentMethod method, LocalDate date, String order, String reference,
            String comment) {
        return RequestRetry.differences(FIRST, "customerCode", party, new BigDecimal(amount), "CNY", method, date, "salesOrderNumber", order,
                reference, comment);
    }

    @Test
    public void theSameRequestIsARetry() {
        assertEquals(List.of(), differences("C1", "100.00", PaymentMethod.BANK_TRANSFER, DAY, "SO-1", "HSBC-1", "预收"));
        // the amount's scale and an omitted date (the default would move with the day of the retry) are no difference
        assertEquals(List.of(), differences("C1", "100", PaymentMethod.BANK_TRANSFER, null, "SO-1", "HSBC-1", "预收"));
    }

    @Test
    public void everyDifferenceIsNamed() {
        assertEquals(List.of("customerCode"), differences("C2", "100.00", PaymentMethod.BANK_TRANSFER, DAY, "SO-1", "HSBC-1", "预收"));
        assertEquals(List.of("method", "reference"), differences("C1", "100.00", PaymentMethod.CASH, DAY, "SO-1", "HSBC-2", "预收"));
        assertEquals(List.of("amount", "date", "salesOrderNumber", "comment"),
                differences("C1", "100.01", PaymentMethod.BANK_TRANSFER, DAY.minusDays(1), "SO-2", "HSBC-1", null));
    }

    @Test
    public void aSuppliersDocumentIsNeverACustomersRetry() {
        MoneyDocument payment = new MoneyDocument("id", "PY-2026-000001", MoneyKind.SUPPLIER_PAYMENT, null, "C1", new BigDecimal("100.00"), "CNY",
                PaymentMethod.BANK_TRANSFER, DAY, null, "PO-1", null, null, List.of(), null, "finance", "GL-7");
        assertEquals(List.of("customerCode", "salesOrderNumber"), RequestRetry.differences(payment, "customerCode", "C1",
                new BigDecimal("100.00"), "CNY", PaymentMethod.BANK_TRANSFER, DAY, "salesOrderNumber", null, null, null));
    }
}
