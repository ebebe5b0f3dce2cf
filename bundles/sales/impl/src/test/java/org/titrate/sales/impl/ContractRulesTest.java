package org.titrate.sales.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.api.ValidationException;
import org.titrate.products.api.Product;
import org.titrate.sales.api.Contract;
import org.titrate.sales.api.ContractAction;
import org.titrate.sales.api.ContractPrice;
import org.titrate.sales.api.ContractStatus;
import org.titrate.sales.api.Direction;
import org.titrate.sales.api.OrderLine;

public class ContractRulesTest {
    private static final Product NAOH = Product.of("NAOH-25", "氢氧化钠(片碱) 99% 25kg/袋", "ALKALIS", "袋", "1310-73-2", "UN1823", "8", "II",
            new BigDecimal("120.00"), "CNY", true, 730);
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    private static Contract contract(LocalDate from, LocalDate until, List<ContractPrice> prices) {
        return new Contract(null, null, "C000101", null, null, from.minusDays(3), from, until, null, null, "月结30天", null,
                new BigDecimal("100000"), null, null, prices, null, null, null, null, null, null, null);
    }

    @Test
    public void validTermsAreNormalised() {
        Contract c = ContractRules.validate(contract(DAY, DAY.plusYears(1),
                List.of(new ContractPrice(" NAOH-25 ", null, new BigDecimal("110.5"), null))), Map.of("NAOH-25", NAOH));
        assertEquals("CNY", c.currency());
        assertEquals(new BigDecimal("100000.00"), c.agreedAmount());
        assertEquals(new BigDecimal("110.50"), c.prices().get(0).unitPrice());
        assertEquals("氢氧化钠(片碱) 99% 25kg/袋", c.prices().get(0).productName());
    }

    @Test
    public void badTermsNameEveryField() {
        try {
            ContractRules.validate(new Contract(null, "a b", null, null, null, DAY.plusYears(2), DAY, DAY.minusDays(1), null, 400, null,
                    "QQQ", new BigDecimal("-1"), null, null, List.of(new ContractPrice("NAOH-25", null, new BigDecimal("-1"), null),
                            new ContractPrice("NOPE", null, BigDecimal.ONE, null), new ContractPrice("NAOH-25", null, BigDecimal.ONE, null)),
                    null, null, null, null, null, null, null), Map.of("NAOH-25", NAOH));
            fail("accepted");
        } catch (ValidationException e) {
            assertEquals(List.of("number", "customerCode", "validUntil", "signingDate", "paymentTermDays", "currency", "agreedAmount",
                    "prices[0].unitPrice", "prices[1].sku", "prices[2].sku"), e.errors().stream().map(FieldError::field).toList());
        }
    }

    @Test
    public void statesRunDraftActiveExpiredOrTerminated() {
        assertEquals(ContractStatus.ACTIVE, ContractRules.next(ContractStatus.DRAFT, ContractAction.ACTIVATE, DAY, DAY, null));
        assertEquals(ContractStatus.EXPIRED, ContractRules.next(ContractStatus.ACTIVE, ContractAction.EXPIRE, DAY, DAY.plusDays(1), null));
        assertEquals(ContractStatus.TERMINATED, ContractRules.next(ContractStatus.ACTIVE, ContractAction.TERMINATE, DAY, DAY, "客户破产"));
        assertConflict(() -> ContractRules.next(ContractStatus.ACTIVE, ContractAction.EXPIRE, DAY, DAY, null));
        assertConflict(() -> ContractRules.next(ContractStatus.EXPIRED, ContractAction.ACTIVATE, DAY, DAY, null));
        assertConflict(() -> ContractRules.next(ContractStatus.TERMINATED, ContractAction.TERMINATE, DAY, DAY, "again"));
        try {
            ContractRules.next(ContractStatus.ACTIVE, ContractAction.TERMINATE, DAY, DAY, " ");
            fail("terminated without reason");
        } catch (ValidationException e) {
            assertEquals("reason", e.errors().get(0).field());
        }
    }

    @Test
    public void anOrderNamesOnlyAnActiveContractOfItsCustomerWithinItsValidity() {
        assertEquals(List.of(), usable(ContractStatus.ACTIVE, "C1", "C1", "CNY", DAY));
        assertEquals(List.of("contractNumber"), usable(ContractStatus.ACTIVE, "C1", "C2", "CNY", DAY));
        assertEquals(List.of("contractNumber"), usable(ContractStatus.DRAFT, "C1", "C1", "CNY", DAY));
        assertEquals(List.of("contractNumber"), usable(ContractStatus.EXPIRED, "C1", "C1", "CNY", DAY));
        assertEquals(List.of("contractNumber"), usable(ContractStatus.ACTIVE, "C1", "C1", "CNY", DAY.plusMonths(1)));
        assertEquals(List.of("contractNumber"), usable(ContractStatus.ACTIVE, "C1", "C1", "CNY", DAY.minusMonths(2)));
        assertEquals(List.of("currency"), usable(ContractStatus.ACTIVE, "C1", "C1", "USD", DAY));
    }

    private static List<String> usable(ContractStatus status, String contractCustomer, String orderCustomer, String currency,
            LocalDate day) {
        Check check = new Check();
        ContractRules.requireUsable(check, "SC-1", status, contractCustomer, "CNY", DAY.minusMonths(1), DAY.plusDays(10), orderCustomer,
                currency, day);
        return check.errors().stream().map(FieldError::field).toList();
    }

    @Test
    public void contractPricesReplaceTheListPriceOnlyWhereALineGivesNone() {
        List<OrderLine> lines = ContractRules.withContractPrices(List.of(
                OrderLine.of("NAOH-25", Direction.SHIP, BigDecimal.TEN, null, null, null, null),
                OrderLine.of("NAOH-25", Direction.SHIP, BigDecimal.ONE, new BigDecimal("99.00"), null, null, null),
                OrderLine.of("OTHER", Direction.SHIP, BigDecimal.ONE, null, null, null, null)),
                Map.of("NAOH-25", new BigDecimal("110.50")));
        assertEquals(new BigDecimal("110.50"), lines.get(0).unitPrice());
        assertEquals(new BigDecimal("99.00"), lines.get(1).unitPrice());
        assertNull(lines.get(2).unitPrice());
    }

    @Test
    public void attachmentsAreJudgedByTheirFirstBytes() {
        assertEquals("application/pdf", sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("image/png", sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}));
        assertEquals("image/jpeg", sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertNull(sniff("MZ this is an exe renamed to scan.pdf".getBytes(StandardCharsets.US_ASCII)));
        assertNull(sniff("%PD".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    public void aClientsFileNameNeverCarriesAPath() {
        assertEquals("合同扫描件.pdf", ContractRules.displayName("..\\..\\etc/合同扫描件.pdf", "application/pdf"));
        assertEquals("scan.png", ContractRules.displayName("../", "image/png"));
        assertEquals("a.jpg", ContractRules.displayName("a\".jpg", "image/jpeg"));
        assertTrue(ContractRules.displayName("x".repeat(300), "image/jpeg").length() <= 200);
    }

    private static String sniff(byte[] head) {
        return ContractRules.sniff(head, head.length);
    }

    private static void assertConflict(Runnable r) {
        try {
            r.run();
            fail("allowed");
        } catch (ConflictException expected) {
            // refused
        }
    }
}
