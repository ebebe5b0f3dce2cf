package org.titrate.sales.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.FieldError;
import org.titrate.products.api.Product;
import org.titrate.sales.api.Direction;
import org.titrate.sales.api.OrderLine;
import org.titrate.sales.api.OrderType;

public class OrderRulesTest {
    private static final Product NAOH = Product.of("NAOH-25", "氢氧化钠(片碱) 99% 25kg/袋", "ALKALIS", "袋", "1310-73-2", "UN1823", "8", "II",
            new BigDecimal("120.00"), "CNY", true, 730);
    private static final Product SODA = Product.of("NA2CO3-40", "碳酸钠(纯碱) 99.2% 40kg/袋", "SALTS", "袋", "497-19-8", null, null, null,
            new BigDecimal("95.00"), "CNY", false, null);
    private static final Product OLD = new Product(null, "OLD-1", "停产品", "SALTS", "袋", null, null, null, null, new BigDecimal("10.00"),
            "CNY", false, null, false, 1L, null, null, null, null, null);
    private static final Map<String, Product> PRODUCTS = Map.of("NAOH-25", NAOH, "NA2CO3-40", SODA, "OLD-1", OLD);
    private static final Set<String> REASONS = Set.of("DAMAGED", "OTHER");

    @Test
    public void pricesDefaultToTheListPriceAndAmountsCarryTheSign() {
        Check check = new Check();
        List<OrderLine> lines = OrderRules.lines(check, OrderType.RETURN, "CNY", List.of(
                line("NAOH-25", Direction.RETURN, "-2", null, "DAMAGED"),
                line("NA2CO3-40", Direction.SHIP, "1.5", "95.555", null)), PRODUCTS, REASONS);
        assertEquals(List.of(new FieldError("lines[1].unitPrice", "must have at most 2 decimal places")), check.errors());

        check = new Check();
        lines = OrderRules.lines(check, OrderType.RETURN, "CNY", List.of(
                line("NAOH-25", Direction.RETURN, "-2", null, "DAMAGED"),
                line("NA2CO3-40", null, "1.333", "95.55", null)), PRODUCTS, REASONS);
        assertTrue(check.errors().toString(), check.ok());
        assertEquals(new BigDecimal("-240.00"), lines.get(0).amount());
        assertEquals(new BigDecimal("120.00"), lines.get(0).unitPrice());
        assertEquals("氢氧化钠(片碱) 99% 25kg/袋", lines.get(0).productName());
        // 1.333 × 95.55 = 127.36815 → 127.37, half-up; the direction follows the sign when it is left out.
        assertEquals(new BigDecimal("127.37"), lines.get(1).amount());
        assertEquals(Direction.SHIP, lines.get(1).direction());
        assertEquals(Integer.valueOf(2), lines.get(1).lineNo());
        assertEquals(new BigDecimal("127.37"), OrderRules.shipped(lines));
        assertEquals(new BigDecimal("-240.00"), OrderRules.returned(lines));
    }

    @Test
    public void signsMustAgreeWithDirections() {
        assertErrors(OrderType.RETURN, List.of(line("NAOH-25", Direction.RETURN, "2", null, null)), "lines[0].quantity");
        assertErrors(OrderType.ORDER, List.of(line("NAOH-25", Direction.SHIP, "-2", null, null)), "lines[0].quantity");
        assertErrors(OrderType.ORDER, List.of(line("NAOH-25", Direction.SHIP, "0", null, null)), "lines[0].quantity");
    }

    @Test
    public void anOrderHoldsNoReturnLinesAndAReturnNeedsOne() {
        assertErrors(OrderType.ORDER, List.of(line("NAOH-25", Direction.RETURN, "-1", null, null)), "lines[0].direction");
        assertErrors(OrderType.RETURN, List.of(line("NAOH-25", Direction.SHIP, "1", null, null)), "lines");
        assertErrors(OrderType.ORDER, List.of(), "lines");
    }

    @Test
    public void unknownInactiveAndBadValuesAreNamedPerLine() {
        assertErrors(OrderType.ORDER, List.of(line("NAOH-25", Direction.SHIP, "1", null, null), line("NOPE", Direction.SHIP, "1", null, null)),
                "lines[1].sku");
        assertErrors(OrderType.ORDER, List.of(line("OLD-1", Direction.SHIP, "1", null, null)), "lines[0].sku");
        assertErrors(OrderType.ORDER, List.of(line("NAOH-25", Direction.SHIP, "1", "-0.01", null)), "lines[0].unitPrice");
        assertErrors(OrderType.ORDER, List.of(line("NAOH-25", Direction.SHIP, "1.0001", null, null)), "lines[0].quantity");
        assertErrors(OrderType.RETURN, List.of(line("NAOH-25", Direction.RETURN, "-1", null, "BROKEN")), "lines[0].reasonCode");
        assertErrors(OrderType.ORDER, List.of(line("NAOH-25", Direction.SHIP, "1", null, "DAMAGED")), "lines[0].reasonCode");
        OrderLine lotOnUntracked = new OrderLine(null, "NA2CO3-40", null, null, Direction.SHIP, BigDecimal.ONE, null, null, null, "L1", null, null);
        assertErrors(OrderType.ORDER, List.of(lotOnUntracked), "lines[0].lot");
        // A list price in another currency is no price for this document.
        Check check = new Check();
        OrderRules.lines(check, OrderType.ORDER, "USD", List.of(line("NAOH-25", Direction.SHIP, "1", null, null)), PRODUCTS, REASONS);
        assertEquals("lines[0].unitPrice", check.errors().get(0).field());
    }

    @Test
    public void discontinuedProductsCanStillComeBack() {
        Check check = new Check();
        OrderRules.lines(check, OrderType.RETURN, "CNY", List.of(line("OLD-1", Direction.RETURN, "-1", null, "OTHER")), PRODUCTS, REASONS);
        assertTrue(check.errors().toString(), check.ok());
    }

    @Test
    public void aReturnCopiedFromAnOrderNegatesItsLines() {
        List<OrderLine> copied = OrderRules.returnLinesOf(List.of(new OrderLine(1, "NAOH-25", "片碱", "袋", Direction.SHIP,
                new BigDecimal("40.000"), new BigDecimal("118.00"), new BigDecimal("4720.00"), null, "L2026-01", null, null)));
        assertEquals(1, copied.size());
        assertEquals(Direction.RETURN, copied.get(0).direction());
        assertEquals(new BigDecimal("-40.000"), copied.get(0).quantity());
        assertEquals(new BigDecimal("118.00"), copied.get(0).unitPrice());
        assertEquals("L2026-01", copied.get(0).lot());
    }

    @Test
    public void submittingAReturnNeedsAReasonPerReturnedLine() {
        try {
            OrderRules.requireReasons(List.of(new OrderLine(1, "NAOH-25", "片碱", "袋", Direction.RETURN, new BigDecimal("-1"),
                    BigDecimal.TEN, BigDecimal.TEN.negate(), null, null, null, null)));
        } catch (org.titrate.platform.api.ValidationException e) {
            assertEquals("lines[0].reasonCode", e.errors().get(0).field());
            return;
        }
        throw new AssertionError("a return line without reason was accepted");
    }

    private static void assertErrors(OrderType type, List<OrderLine> lines, String field) {
        Check check = new Check();
        OrderRules.lines(check, type, "CNY", lines, PRODUCTS, REASONS);
        assertTrue(field + " expected in " + check.errors(), check.errors().stream().anyMatch(e -> e.field().equals(field)));
    }

    private static OrderLine line(String sku, Direction direction, String quantity, String price, String reason) {
        return OrderLine.of(sku, direction, new BigDecimal(quantity), price == null ? null : new BigDecimal(price), null, null, reason);
    }
}
