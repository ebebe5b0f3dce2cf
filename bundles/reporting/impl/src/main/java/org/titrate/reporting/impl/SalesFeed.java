package org.titrate.reporting.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.events.LoggedEvent;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderLine;
import org.titrate.sales.api.OrderStatus;
import org.titrate.sales.api.OrderType;
import org.titrate.sales.api.SalesEvents;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.SalesOrderService;
import org.titrate.sales.api.StatusChange;

/**
 * Sales documents into {@code RPT_SALES_LINE}: every event of a document reloads it through
 * {@link SalesOrderService} and replaces its lines, with the day the goods moved (its last {@code SHIP} or
 * {@code RECEIVE} while shipped, received or closed) and whether it counts on the ordered basis.
 */
final class SalesFeed implements Feed {
    private static final int PAGE_OF_NUMBERS = 100;
    private final Supplier<SalesOrderService> sales;
    private final Function<String, String> category;

    SalesFeed(Supplier<SalesOrderService> sales, Function<String, String> category) {
        this.sales = sales;
        this.category = category;
    }

    @Override
    public String cursor() {
        return "reporting.sales";
    }

    @Override
    public String typePrefix() {
        return SalesEvents.TOPIC_PREFIX;
    }

    @Override
    public Object load(List<LoggedEvent> events) {
        SalesOrderService service = sales.get();
        if (service == null) {
            return null;
        }
        return Feed.documents(events, service::get);
    }

    /** Orders count from confirmation, returns from approval; drafts, cancelled and rejected documents never. */
    static boolean countsOrdered(OrderType type, OrderStatus status) {
        return type == OrderType.ORDER ? status == OrderStatus.CONFIRMED || status == OrderStatus.SHIPPED || status == OrderStatus.CLOSED
                : status == OrderStatus.APPROVED || status == OrderStatus.RECEIVED || status == OrderStatus.CLOSED;
    }

    /** When the goods moved: the last shipment of an order, the last receipt of a return, while it stands. */
    static StatusChange moved(SalesOrder o) {
        boolean order = o.type() == OrderType.ORDER;
        boolean posted = order ? o.status() == OrderStatus.SHIPPED || o.status() == OrderStatus.CLOSED
                : o.status() == OrderStatus.RECEIVED || o.status() == OrderStatus.CLOSED;
        if (!posted || o.history() == null) {
            return null;
        }
        OrderAction action = order ? OrderAction.SHIP : OrderAction.RECEIVE;
        return o.history().stream().filter(h -> h.action() == action).reduce((a, b) -> b).orElse(null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void store(Connection c, Object loaded) throws SQLException {
        List<SalesOrder> orders = (List<SalesOrder>) loaded;
        // the days whose totals change: those the documents' rows counted on before, and those they count on now
        java.util.Set<java.time.LocalDate> movedDays = new java.util.TreeSet<>();
        java.util.Set<java.time.LocalDate> orderedDays = new java.util.TreeSet<>();
        List<String> numbers = orders.stream().map(SalesOrder::number).toList();
        for (int i = 0; i < numbers.size(); i += PAGE_OF_NUMBERS) {
            List<Object> chunk = new java.util.ArrayList<>(numbers.subList(i, Math.min(numbers.size(), i + PAGE_OF_NUMBERS)));
            Sql.list(c, "SELECT DISTINCT MOVED_DAY, ORDER_DATE, COUNTED_ORDERED FROM RPT_SALES_LINE WHERE ORDER_NUMBER IN ("
                    + Sql.marks(chunk.size()) + ")", chunk, rs -> {
                        java.time.LocalDate moved = Sql.date(rs, 1);
                        if (moved != null) {
                            movedDays.add(moved);
                        }
                        if (rs.getBoolean(3)) {
                            orderedDays.add(Sql.date(rs, 2));
                        }
                        return null;
                    });
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM RPT_SALES_LINE WHERE ORDER_NUMBER = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO RPT_SALES_LINE (ORDER_NUMBER, LINE_NO, ORDER_TYPE, STATUS, "
                        + "COUNTED_ORDERED, CUSTOMER_CODE, CUSTOMER_NAME, CHANNEL, WAREHOUSE_CODE, CURRENCY, ORDER_DATE, ORDER_MONTH, "
                        + "MOVED_DAY, MOVED_MONTH, SKU, PRODUCT_NAME, CATEGORY_CODE, DIRECTION, QUANTITY, UNIT_PRICE, AMOUNT, "
                        + "DELIVERY_DATE, LOT, REASON_CODE, SALESPERSON) VALUES (" + Sql.marks(25) + ")")) {
            for (SalesOrder o : orders) {
                delete.setString(1, o.number());
                delete.addBatch();
                StatusChange moved = moved(o);
                java.time.LocalDate movedDay = moved == null ? null : BusinessClock.day(moved.at());
                if (movedDay != null && !o.lines().isEmpty()) {
                    movedDays.add(movedDay);
                }
                if (countsOrdered(o.type(), o.status()) && !o.lines().isEmpty()) {
                    orderedDays.add(o.orderDate());
                }
                for (OrderLine l : o.lines()) {
                    Sql.bind(insert, java.util.Arrays.asList(o.number(), l.lineNo(), o.type().name(), o.status().name(),
                            countsOrdered(o.type(), o.status()), o.customerCode(), o.customerName(), o.channel(), o.warehouseCode(),
                            o.currency(), o.orderDate(), o.orderDate().toString().substring(0, 7), movedDay,
                            movedDay == null ? null : movedDay.toString().substring(0, 7), l.sku(), l.productName(), category.apply(l.sku()),
                            l.direction().name(), l.quantity(), l.unitPrice(), l.amount(), l.deliveryDate(), l.lot(), l.reasonCode(),
                            o.salesperson()));
                    insert.addBatch();
                }
            }
            delete.executeBatch();
            insert.executeBatch();
        }
        SalesTotals.recompute(c, SalesTotals.MOVED, movedDays);
        SalesTotals.recompute(c, SalesTotals.ORDERED, orderedDays);
        storeHeaders(c, orders);
    }

    /** The documents' headers and custom fields, replaced like their lines. */
    private static void storeHeaders(Connection c, List<SalesOrder> orders) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM RPT_SALES_ORDER WHERE ORDER_NUMBER = ?");
                PreparedStatement deleteFields = c.prepareStatement("DELETE FROM RPT_ORDER_FIELD WHERE ORDER_NUMBER = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO RPT_SALES_ORDER (ORDER_NUMBER, ORDER_TYPE, STATUS, CUSTOMER_CODE, "
                        + "CURRENCY, ORDER_DATE, SOURCE_ORDER_NUMBER, TOTAL_AMOUNT, SUBMITTED_DAY, RECEIVED_DAY) VALUES (" + Sql.marks(10) + ")");
                PreparedStatement field = c.prepareStatement("INSERT INTO RPT_ORDER_FIELD (ORDER_NUMBER, FIELD_KEY, FIELD_VALUE) VALUES (?, ?, ?)")) {
            for (SalesOrder o : orders) {
                delete.setString(1, o.number());
                delete.addBatch();
                deleteFields.setString(1, o.number());
                deleteFields.addBatch();
                Sql.bind(insert, java.util.Arrays.asList(o.number(), o.type().name(), o.status().name(), o.customerCode(), o.currency(),
                        o.orderDate(), o.sourceOrderNumber(), o.totalAmount() == null ? java.math.BigDecimal.ZERO : o.totalAmount(),
                        day(o, OrderAction.SUBMIT, false), day(o, OrderAction.RECEIVE, true)));
                insert.addBatch();
                if (o.customFields() != null) {
                    for (java.util.Map.Entry<String, Object> f : new java.util.TreeMap<>(o.customFields()).entrySet()) {
                        if (f.getValue() != null) {
                            String v = f.getValue() instanceof java.math.BigDecimal b ? b.toPlainString() : f.getValue().toString();
                            Sql.bind(field, java.util.Arrays.asList(o.number(), f.getKey(), v.length() > 1000 ? v.substring(0, 1000) : v));
                            field.addBatch();
                        }
                    }
                }
            }
            delete.executeBatch();
            deleteFields.executeBatch();
            insert.executeBatch();
            field.executeBatch();
        }
    }

    /** The business day of the document's first ({@code last} false) or last {@code action}; null when it never happened. */
    static java.time.LocalDate day(SalesOrder o, OrderAction action, boolean last) {
        if (o.history() == null) {
            return null;
        }
        return o.history().stream().filter(h -> h.action() == action).reduce((a, b) -> last ? b : a)
                .map(h -> BusinessClock.day(h.at())).orElse(null);
    }
}
