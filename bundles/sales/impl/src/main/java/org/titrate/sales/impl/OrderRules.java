package org.titrate.sales.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Money;
import org.titrate.products.api.Product;
import org.titrate.sales.api.Direction;
import org.titrate.sales.api.OrderLine;
import org.titrate.sales.api.OrderType;

/**
 * The rules of document lines: signed quantities that agree with their direction, prices that
 * default to the list price, amounts rounded half-up to cents, and which lines a document kind may
 * hold. Pure functions over already looked-up products, so they are unit-tested without a container.
 */
final class OrderRules {
    static final int MAX_LINES = 500;
    static final int QUANTITY_SCALE = 3;
    static final BigDecimal MAX_QUANTITY = new BigDecimal("999999999.999");

    private OrderRules() {
    }

    /**
     * Validates and prices the lines; problems go to {@code check} named {@code lines[i].field}.
     *
     * @param products   the products named by the lines, by SKU
     * @param reasons    the return reason codes lines may use
     */
    static List<OrderLine> lines(Check check, OrderType type, String currency, List<OrderLine> lines, Map<String, Product> products,
            Set<String> reasons) {
        if (lines == null || lines.isEmpty()) {
            check.fail("lines", "at least one line is required");
            return List.of();
        }
        if (lines.size() > MAX_LINES) {
            check.fail("lines", "at most " + MAX_LINES + " lines per document");
            return List.of();
        }
        List<OrderLine> result = new ArrayList<>();
        boolean anyReturn = false;
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            String at = "lines[" + i + "]";
            if (line == null) {
                check.fail(at, "is empty");
                continue;
            }
            OrderLine priced = line(check, at, i + 1, type, currency, line, products, reasons);
            if (priced != null) {
                anyReturn |= priced.direction() == Direction.RETURN;
                result.add(priced);
            }
        }
        if (type == OrderType.RETURN && check.ok() && !anyReturn) {
            check.fail("lines", "a return needs at least one RETURN line (negative quantity); SHIP lines alone are an order");
        }
        return result;
    }

    private static OrderLine line(Check check, String at, int lineNo, OrderType type, String currency, OrderLine line,
            Map<String, Product> products, Set<String> reasons) {
        int before = check.errors().size();
        String sku = check.code(at + ".sku", line.sku(), true);
        BigDecimal quantity = check.decimal(at + ".quantity", line.quantity(), MAX_QUANTITY.negate(), MAX_QUANTITY, QUANTITY_SCALE, true);
        Direction direction = line.direction();
        if (quantity != null && quantity.signum() == 0) {
            check.fail(at + ".quantity", "must not be zero");
            quantity = null;
        }
        if (quantity != null) {
            Direction bySign = quantity.signum() > 0 ? Direction.SHIP : Direction.RETURN;
            if (direction == null) {
                direction = bySign;
            } else if (direction != bySign) {
                check.fail(at + ".quantity", direction == Direction.SHIP
                        ? "must be positive on a SHIP line" : "must be negative on a RETURN line (goods coming back)");
            }
        }
        if (type == OrderType.ORDER && direction == Direction.RETURN) {
            check.fail(at + ".direction", "an ORDER holds SHIP lines only; goods coming back need a RETURN document");
        }
        BigDecimal unitPrice = check.decimal(at + ".unitPrice", line.unitPrice(), BigDecimal.ZERO, Money.MAX, Money.SCALE, false);
        String lot = check.code(at + ".lot", line.lot(), false);
        String reason = check.code(at + ".reasonCode", line.reasonCode(), false);
        String note = check.text(at + ".note", line.note(), 500, false);
        if (reason != null) {
            if (direction == Direction.SHIP) {
                check.fail(at + ".reasonCode", "only RETURN lines have a return reason");
            } else if (!reasons.contains(reason)) {
                check.fail(at + ".reasonCode", "unknown or inactive return reason '" + reason + "'; known: " + sortedList(reasons));
            }
        }
        Product product = sku == null ? null : products.get(sku);
        if (sku != null && product == null) {
            check.fail(at + ".sku", "unknown product '" + sku + "'");
        } else if (product != null) {
            // Discontinued products can still come back; they can no longer be sold.
            if (!Boolean.TRUE.equals(product.active()) && direction != Direction.RETURN) {
                check.fail(at + ".sku", "product '" + sku + "' is inactive and cannot be sold");
            }
            if (lot != null && !Boolean.TRUE.equals(product.lotTracked())) {
                check.fail(at + ".lot", "product '" + sku + "' is not lot-tracked");
            }
            if (unitPrice == null && line.unitPrice() == null) {
                if (product.listPrice() == null) {
                    check.fail(at + ".unitPrice", "is required: product '" + sku + "' has no list price");
                } else if (currency != null && !currency.equals(product.currency())) {
                    check.fail(at + ".unitPrice", "is required: the list price of '" + sku + "' is in " + product.currency()
                            + ", the document in " + currency);
                } else {
                    unitPrice = product.listPrice();
                }
            }
        }
        if (check.errors().size() > before || product == null || quantity == null || unitPrice == null) {
            return null;
        }
        BigDecimal amount = amount(quantity, unitPrice);
        if (amount.abs().compareTo(Money.MAX) > 0) {
            check.fail(at + ".quantity", "quantity × unit price exceeds " + Money.MAX.toPlainString());
            return null;
        }
        return new OrderLine(lineNo, sku, product.name(), product.unit(), direction, quantity, unitPrice, amount, line.deliveryDate(),
                lot, reason, note);
    }

    /** Signed like the quantity, rounded half-up to cents. */
    static BigDecimal amount(BigDecimal quantity, BigDecimal unitPrice) {
        return quantity.multiply(unitPrice).setScale(Money.SCALE, RoundingMode.HALF_UP);
    }

    /** Sum of the SHIP lines (≥ 0). */
    static BigDecimal shipped(List<OrderLine> lines) {
        return sum(lines, Direction.SHIP);
    }

    /** Sum of the RETURN lines (≤ 0). */
    static BigDecimal returned(List<OrderLine> lines) {
        return sum(lines, Direction.RETURN);
    }

    private static BigDecimal sum(List<OrderLine> lines, Direction direction) {
        return lines.stream().filter(l -> l.direction() == direction).map(OrderLine::amount)
                .reduce(BigDecimal.ZERO.setScale(Money.SCALE), BigDecimal::add);
    }

    /** Before a return is submitted every returned line must say why it comes back. */
    static void requireReasons(List<OrderLine> lines) {
        Check check = new Check();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine l = lines.get(i);
            if (l.direction() == Direction.RETURN && l.reasonCode() == null) {
                check.fail("lines[" + i + "].reasonCode", "is required before the return is submitted: why does the customer return it?");
            }
        }
        check.throwIfInvalid();
    }

    /** The lines of a return copied from an order: every line comes back at the order's price, quantities negated. */
    static List<OrderLine> returnLinesOf(List<OrderLine> orderLines) {
        return orderLines.stream().filter(l -> l.direction() == Direction.SHIP)
                .map(l -> new OrderLine(null, l.sku(), null, null, Direction.RETURN, l.quantity().negate(), l.unitPrice(), null, null,
                        l.lot(), null, null))
                .toList();
    }

    private static List<String> sortedList(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
