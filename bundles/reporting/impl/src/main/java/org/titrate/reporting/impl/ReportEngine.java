package org.titrate.reporting.impl;

import static org.titrate.reporting.api.ColumnType.AMOUNT;
import static org.titrate.reporting.api.ColumnType.DATE;
import static org.titrate.reporting.api.ColumnType.INTEGER;
import static org.titrate.reporting.api.ColumnType.PERCENT;
import static org.titrate.reporting.api.ColumnType.QUANTITY;
import static org.titrate.reporting.api.ColumnType.TEXT;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.titrate.customers.api.EmployeeService;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.security.Roles;
import org.titrate.reporting.api.Chart;
import org.titrate.reporting.api.ChartSeries;
import org.titrate.reporting.api.Report;
import org.titrate.reporting.api.ReportInfo;
import org.titrate.reporting.api.ReportService;
import org.titrate.reporting.api.ReportingStatus;
import org.titrate.sales.api.SalesSettlements;
import org.titrate.sales.api.Settlement;

/**
 * The reports, each one read of reporting's own tables ({@code RPT_}), never of another module's. Sales reports
 * count on the basis {@code moved} (shipments and received returns, on the business day the goods moved) unless
 * {@code basis=ordered} (confirmed orders and approved returns and later, by order date). Returned quantities and
 * amounts are shown as positive numbers; net = shipped − returned.
 */
@Component(service = ReportService.class)
public class ReportEngine implements ReportService {
    static final List<String> SALES_ROLES = List.of(Roles.SALES, Roles.FINANCE, Roles.ADMIN, Roles.VIEWER);
    static final List<String> FINANCE_ROLES = List.of(Roles.FINANCE, Roles.ADMIN, Roles.VIEWER);
    static final List<String> STOCK_ROLES = List.of(Roles.WAREHOUSE, Roles.ADMIN, Roles.VIEWER);

    static final List<String> FLOW_ROLES = List.of(Roles.SALES, Roles.PURCHASING, Roles.WAREHOUSE, Roles.FINANCE, Roles.ADMIN, Roles.VIEWER);
    static final List<String> SCHEDULE_ROLES = List.of(Roles.SALES, Roles.WAREHOUSE, Roles.ADMIN, Roles.VIEWER);
    /** The six flows: purchase receipts and returns from the stock ledger, wholesale and retail sales and returns from the sales lines. */
    static final List<String> FLOWS = List.of("wholesale", "wholesale-return", "retail", "retail-return", "purchase-receipt", "purchase-return");
    static final List<String> GROUPS = List.of("product", "category", "customer", "channel", "salesperson", "day", "month");
    /** Column titles of the grouping column, "中文 English" like every other column title. */
    private static final Map<String, String> GROUP_TITLES = Map.of("product", "产品 Product", "category", "类别 Category",
            "customer", "客户 Customer", "channel", "渠道 Channel", "salesperson", "业务员 Salesperson", "day", "日期 Day", "month", "月份 Month", "lot", "批号 Lot",
            "reason", "原因 Reason");
    static final List<String> SALES_FILTERS = List.of("warehouse", "channel", "customer", "category", "product", "currency",
            "salesperson");

    private static final List<ReportInfo> REPORTS = List.of(
            info("sales-summary", "销量汇总 Sales summary", SALES_ROLES, "groupBy", "basis"),
            info("sales-share", "销量占比 Sales share", SALES_ROLES, "groupBy", "basis"),
            info("sales-ranking", "销量排行 Sales ranking", SALES_ROLES, "groupBy", "by", "basis", "measure", "top", "limit"),
            info("sales-trend", "月度趋势 Monthly sales trend", SALES_ROLES, "basis"),
            new ReportInfo("purchase-sales", "采购销售统计 Purchase-sales statistics", STOCK_ROLES,
                    List.of("from", "to", "groupBy", "warehouse", "category", "product", "currency")),
            new ReportInfo("receivables-ageing", "应收账龄 Receivables ageing", FINANCE_ROLES, List.of("asOf", "customer", "currency")),
            new ReportInfo("payables-ageing", "应付账龄 Payables ageing", FINANCE_ROLES, List.of("asOf", "supplier", "currency")),
            new ReportInfo("statement", "对账单 Customer statement of account", FINANCE_ROLES, List.of("from", "to", "customer", "currency")),
            new ReportInfo("flows", "出入库流水查询 Flow query", FLOW_ROLES,
                    List.of("from", "to", "flow", "warehouse", "customer", "supplier", "product", "category", "currency")),
            new ReportInfo("delivery-schedule", "交货排期 Delivery schedule", SCHEDULE_ROLES,
                    List.of("asOf", "warehouse", "customer", "product", "category", "channel")),
            info("returns", "退货分析 Returns analysis", SALES_ROLES, "groupBy"),
            new ReportInfo("orders", "订单查询报表 Order query", SALES_ROLES,
                    List.of("from", "to", "type", "status", "warehouse", "channel", "customer", "product", "currency")),
            new ReportInfo("stock", "库存 Stock on hand", STOCK_ROLES, List.of("asOf", "warehouse", "category", "product")),
            new ReportInfo("stock-movements", "库存流水 Stock movements", STOCK_ROLES,
                    List.of("from", "to", "warehouse", "category", "product", "documentType")),
            new ReportInfo("receivables", "应收明细 Receivables", FINANCE_ROLES, List.of("from", "to", "customer", "currency")),
            new ReportInfo("payables", "应付明细 Payables", FINANCE_ROLES, List.of("from", "to", "supplier", "currency")),
            new ReportInfo("money", "收付款登记 Money register", FINANCE_ROLES, List.of("from", "to", "kind", "party", "currency")));

    /** Kinds of the money register: the posting types of money that moved. */
    static final Map<String, String> MONEY = Map.of("receipts", "RECEIPT", "refunds", "REFUND", "supplier-payments", "SUPPLIER_PAYMENT",
            "supplier-refunds", "SUPPLIER_REFUND");

    /** One report: reads its parameters, then writes its rows into {@code t}. */
    private interface Body {
        Report run(Connection c, ReportInfo info, Params p, Table t) throws SQLException;
    }

    /** The reports by name; {@link #REPORTS} names them in menu order. */
    private final Map<String, Body> bodies = Map.ofEntries(Map.entry("sales-summary", this::summary), Map.entry("sales-share", this::share),
            Map.entry("sales-ranking", this::ranking), Map.entry("sales-trend", this::trend), Map.entry("purchase-sales", this::purchaseSales),
            Map.entry("receivables-ageing", (c, i, p, t) -> ageing(c, i, p, t, "CUSTOMER", "customer")),
            Map.entry("payables-ageing", (c, i, p, t) -> ageing(c, i, p, t, "SUPPLIER", "supplier")), Map.entry("statement", this::statement),
            Map.entry("flows", this::flows), Map.entry("delivery-schedule", this::schedule), Map.entry("returns", this::returns),
            Map.entry("orders", this::orders), Map.entry("stock", this::stockOnHand), Map.entry("stock-movements", this::movements),
            Map.entry("receivables", (c, i, p, t) -> ledger(c, i, p, t, "CUSTOMER", "customer", List.of("INVOICE", "CREDIT_NOTE"))),
            Map.entry("payables", (c, i, p, t) -> ledger(c, i, p, t, "SUPPLIER", "supplier", List.of("BILL", "DEBIT_NOTE"))),
            Map.entry("money", this::money));

    @Reference
    private ReportingFollower follower;

    @Reference(target = "(titrate.schema=reporting)")
    private DataSource dataSource;

    /** Finance's paid and outstanding amounts of sales documents, for the order query; absent while finance is not installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SalesSettlements settlements;

    /** The salespeople's names for the sales reports grouped by salesperson; their codes while customers is not installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EmployeeService employees;

    private static ReportInfo info(String name, String title, List<String> roles, String... own) {
        List<String> parameters = new ArrayList<>(List.of("from", "to"));
        parameters.addAll(List.of(own));
        parameters.addAll(SALES_FILTERS);
        return new ReportInfo(name, title, roles, List.copyOf(parameters));
    }

    @Override
    public List<ReportInfo> reports() {
        return REPORTS;
    }

    static ReportInfo find(String name) {
        return REPORTS.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new NotFoundException("Report", name));
    }

    @Override
    public ReportingStatus status() {
        return new ReportingStatus(follower.positions(), follower.visibleUpTo());
    }

    @Override
    public Report run(String name, Map<String, String> parameters) {
        return execute(name, parameters, null);
    }

    @Override
    public Report export(String name, Map<String, String> parameters, String format, OutputStream out) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new ValidationException("format", "must be one of csv, xlsx");
        }
        return execute(name, parameters, Exports.writer(format, find(name).title(), out));
    }

    private Report execute(String name, Map<String, String> parameters, Exports.Writer export) {
        ReportInfo info = find(name);
        Params p = new Params(parameters, info.parameters());
        try (Connection c = dataSource.getConnection()) {
            return bodies.get(name).run(c, info, p, new Table(export));
        } catch (SQLException e) {
            throw Transactions.failure("Cannot compute the report " + name, e);
        }
    }

    /**
     * Reads a query's rows one at a time into {@code row}, fetching a thousand at a time (on PostgreSQL through a
     * cursor, which needs a transaction of its own): line-level reports never hold their result whatever its size.
     */
    static void each(Connection c, String sql, List<Object> params, Sql.Row<?> row) throws SQLException {
        boolean cursor = c.getAutoCommit() && c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        if (cursor) {
            c.setAutoCommit(false);
        }
        try (java.sql.PreparedStatement q = c.prepareStatement(sql, java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY)) {
            q.setFetchSize(1000);
            Sql.bind(q, params);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } finally {
            if (cursor) {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    // ---- sales ----

    /** One group's sales in one currency; returned figures positive. */
    record SalesRow(String key, String name, String currency, BigDecimal shippedQuantity, BigDecimal returnedQuantity,
            BigDecimal shippedAmount, BigDecimal returnedAmount) {
        BigDecimal netQuantity() {
            return shippedQuantity.subtract(returnedQuantity);
        }

        BigDecimal netAmount() {
            return shippedAmount.subtract(returnedAmount);
        }

        String label() {
            return name == null || name.equals(key) ? (key == null ? "—" : key) : key + " " + name;
        }
    }

    /** The sales query's filters, read once per request. */
    record SalesFilter(String basis, String warehouse, String channel, String customer, String category, String product, String currency,
            String salesperson) {
        static SalesFilter read(Params p, String defaultCurrency) {
            return new SalesFilter(p.choice("basis", List.of("moved", "ordered")), p.code("warehouse"), p.code("channel"), p.code("customer"),
                    p.code("category"), p.code("product"), p.currency(defaultCurrency), p.code("salesperson"));
        }
    }

    /** The sales of the period per group; salespeople named as the customers module's employees call them. */
    private List<SalesRow> sales(Connection c, String groupBy, Period period, SalesFilter f) throws SQLException {
        List<SalesRow> rows = salesRows(c, groupBy, period, f);
        EmployeeService staff = employees;
        if (!groupBy.equals("salesperson") || staff == null) {
            return rows;
        }
        Map<String, String> names = new HashMap<>();
        return rows.stream().map(r -> r.key() == null ? r : new SalesRow(r.key(), names.computeIfAbsent(r.key(), code -> employeeName(staff, code)),
                r.currency(), r.shippedQuantity(), r.returnedQuantity(), r.shippedAmount(), r.returnedAmount())).toList();
    }

    /** An employee's name; the code itself for one the customers module no longer knows. */
    private static String employeeName(EmployeeService staff, String code) {
        try {
            return staff.get(code).name();
        } catch (NotFoundException e) {
            return code;
        }
    }

    private List<SalesRow> salesRows(Connection c, String groupBy, Period period, SalesFilter f) throws SQLException {
        boolean moved = f.basis().equals("moved");
        if (follower.totalsReady() && f.warehouse() == null && f.channel() == null && f.customer() == null && f.category() == null
                && f.product() == null && f.salesperson() == null) {
            return dailyTotals(c, groupBy, period, f.currency(), moved);
        }
        String day = moved ? "MOVED_DAY" : "ORDER_DATE";
        String key;
        String name;
        switch (groupBy) {
            case "product" -> {
                key = "SKU";
                name = "MAX(PRODUCT_NAME)";
            }
            case "category" -> {
                key = "CATEGORY_CODE";
                name = "MAX(CATEGORY_CODE)";
            }
            case "customer" -> {
                key = "CUSTOMER_CODE";
                name = "MAX(CUSTOMER_NAME)";
            }
            case "channel" -> {
                key = "CHANNEL";
                name = "MAX(CHANNEL)";
            }
            case "salesperson" -> {
                key = "SALESPERSON";
                name = "MAX(SALESPERSON)";
            }
            case "day" -> {
                key = day;
                name = "MAX(" + day + ")";
            }
            default -> {
                key = moved ? "MOVED_MONTH" : "ORDER_MONTH";
                name = "MAX(" + key + ")";
            }
        }
        Sql where = new Sql().and(day + " >= ?", period.from()).and(day + " <= ?", period.to())
                .and("COUNTED_ORDERED = ?", moved ? null : Boolean.TRUE)
                .and("WAREHOUSE_CODE = ?", f.warehouse()).and("CHANNEL = ?", f.channel()).and("CUSTOMER_CODE = ?", f.customer())
                .and("CATEGORY_CODE = ?", f.category()).and("SKU = ?", f.product()).and("CURRENCY = ?", f.currency())
                .and("SALESPERSON = ?", f.salesperson());
        String sql = "SELECT " + key + ", " + name + ", CURRENCY, "
                + "SUM(CASE WHEN DIRECTION = 'SHIP' THEN QUANTITY ELSE 0 END), SUM(CASE WHEN DIRECTION = 'SHIP' THEN 0 ELSE QUANTITY END), "
                + "SUM(CASE WHEN DIRECTION = 'SHIP' THEN AMOUNT ELSE 0 END), SUM(CASE WHEN DIRECTION = 'SHIP' THEN 0 ELSE AMOUNT END) "
                + "FROM RPT_SALES_LINE" + where.where() + " GROUP BY " + key + ", CURRENCY ORDER BY " + key + ", CURRENCY";
        return Sql.list(c, sql, where.params(), rs -> new SalesRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                rs.getBigDecimal(5).negate(), rs.getBigDecimal(6), rs.getBigDecimal(7).negate()));
    }

    /** {@link #sales} from the daily totals: the same GROUP BY over {@code RPT_SALES_DAY}'s rows of the period. */
    private static List<SalesRow> dailyTotals(Connection c, String groupBy, Period period, String currency, boolean moved) throws SQLException {
        String key = switch (groupBy) {
            case "day" -> "SALES_DAY";
            case "month" -> "SALES_MONTH";
            default -> "GROUP_KEY";
        };
        String name = key.equals("GROUP_KEY") ? "MAX(GROUP_NAME)" : "MAX(" + key + ")";
        String dimension = SalesTotals.DIMENSIONS.containsKey(groupBy) ? groupBy : SalesTotals.FEWEST;
        Sql where = new Sql().and("BASIS = ?", moved ? SalesTotals.MOVED : SalesTotals.ORDERED).and("DIMENSION = ?", dimension)
                .and("SALES_DAY >= ?", period.from()).and("SALES_DAY <= ?", period.to()).and("CURRENCY = ?", currency);
        String sql = "SELECT " + key + ", " + name + ", CURRENCY, SUM(SHIPPED_QUANTITY), SUM(RETURNED_QUANTITY), SUM(SHIPPED_AMOUNT), "
                + "SUM(RETURNED_AMOUNT) FROM RPT_SALES_DAY" + where.where() + " GROUP BY " + key + ", CURRENCY ORDER BY " + key + ", CURRENCY";
        return Sql.list(c, sql, where.params(), rs -> new SalesRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                rs.getBigDecimal(5).negate(), rs.getBigDecimal(6), rs.getBigDecimal(7).negate()));
    }

    private Report summary(Connection c, ReportInfo info, Params p, Table t) throws SQLException {
        Period period = p.period();
        String groupBy = p.choice("groupBy", GROUPS);
        SalesFilter f = SalesFilter.read(p, null);
        p.done();
        List<SalesRow> rows = sales(c, groupBy, period, f);
        salesColumns(t.column("key", GROUP_TITLES.getOrDefault(groupBy, groupBy), TEXT).column("label", "名称 Name", TEXT));
        t.column("share", "金额占比 Amount share %", PERCENT);
        List<BigDecimal> shares = Shares.of(rows.stream().map(SalesRow::netAmount).toList());
        for (int i = 0; i < rows.size(); i++) {
            SalesRow r = rows.get(i);
            t.row(r.key(), r.name(), r.currency(), r.shippedQuantity(), r.returnedQuantity(), r.netQuantity(), r.shippedAmount(),
                    r.returnedAmount(), r.netAmount(), shares.get(i));
        }
        List<String> categories = rows.stream().map(SalesRow::label).toList();
        Chart chart = new Chart(categories, List.of(new ChartSeries("净数量 Net quantity", "bar", rows.stream().map(SalesRow::netQuantity).toList()),
                new ChartSeries("净金额 Net amount", "bar", rows.stream().map(SalesRow::netAmount).toList())));
        return t.report(info.name(), info.title(), period, p.applied(), t.sums(), chart);
    }

    private static Table salesColumns(Table t) {
        return t.column("currency", "币种 Currency", TEXT)
                .column("shippedQuantity", "发货数量 Shipped qty", QUANTITY).column("returnedQuantity", "退货数量 Returned qty", QUANTITY)
                .column("netQuantity", "净数量 Net qty", QUANTITY).column("shippedAmount", "发货金额 Shipped amount", AMOUNT)
                .column("returnedAmount", "退货金额 Returned amount", AMOUNT).column("netAmount", "净金额 Net amount", AMOUNT);
    }

    private Report share(Connection c, ReportInfo info, Params p, Table t) throws SQLException {
        Period period = p.period();
        String groupBy = p.choice("groupBy", GROUPS);
        SalesFilter f = SalesFilter.read(p, "CNY");
        p.done();
        List<SalesRow> rows = sales(c, groupBy, period, f);
        List<BigDecimal> quantityShares = Shares.of(rows.stream().map(SalesRow::netQuantity).toList());
        List<BigDecimal> amountShares = Shares.of(rows.stream().map(SalesRow::netAmount).toList());
        t.column("key", GROUP_TITLES.getOrDefault(groupBy, groupBy), TEXT).column("label", "名称 Name", TEXT).column("netQuantity", "净数量 Net qty", QUANTITY)
                .column("quantityShare", "数量占比 Quantity share %", PERCENT).column("netAmount", "净金额 Net amount", AMOUNT)
                .column("amountShare", "金额占比 Amount share %", PERCENT);
        for (int i = 0; i < rows.size(); i++) {
            SalesRow r = rows.get(i);
            t.row(r.key(), r.name(), r.netQuantity(), quantityShares.get(i), r.netAmount(), amountShares.get(i));
        }
        Map<String, Object> totals = t.sums();
        totals.put("quantityShare", quantityShares.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2));
        totals.put("amountShare", amountShares.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2));
        Chart chart = new Chart(rows.stream().map(SalesRow::label).toList(), List.of(new ChartSeries("金额占比 Amount share %", "pie", amountShares),
                new ChartSeries("数量占比 Quantity share %", "pie", quantityShares)));
        return t.report(info.name(), info.title(), period, p.applied(), totals, chart);
    }

    private Report ranking(Connection c, ReportInfo info, Params p, Table t) throws SQLException {
        Period period = p.period();
        // "by" names the grouping as groupBy does (the public contract's spelling), "limit" the places as "top" does
        String groupBy = p.choice(p.has("groupBy") || !p.has("by") ? "groupBy" : "by", GROUPS);
        String by = p.choice("measure", List.of("amount", "quantity"));
        int top = p.integer(p.has("limit") && !p.has("top") ? "limit" : "top", 10, 1, 1000);
        SalesFilter f = SalesFilter.read(p, "CNY");
        p.done();
        Comparator<SalesRow> order = Comparator.comparing((SalesRow r) -> by.equals("amount") ? r.netAmount() : r.netQuantity()).reversed()
                .thenComparing(r -> r.key() == null ? "" : r.key());
        List<SalesRow> now = new ArrayList<>(sales(c, groupBy, period, f));
        now.sort(order);
        List<SalesRow> before = new ArrayList<>(sales(c, groupBy, period.previous(), f));
        before.sort(order);
        Map<String, Integer> previousRank = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            previousRank.put(before.get(i).key(), i + 1);
        }
        t.column("rank", "排名 Rank", INTEGER).column("key", GROUP_TITLES.getOrDefault(groupBy, groupBy), TEXT).column("label", "名称 Name", TEXT)
                .column("netQuantity", "净数量 Net qty", QUANTITY).column("netAmount", "净金额 Net amount", AMOUNT)
                .column("previousRank", "上期排名 Previous rank", INTEGER).column("change", "名次变化 Change", INTEGER);
        List<SalesRow> shown = now.subList(0, Math.min(top, now.size()));
        for (int i = 0; i < shown.size(); i++) {
            SalesRow r = shown.get(i);
            Integer prev = previousRank.get(r.key());
            t.row(i + 1, r.key(), r.name(), r.netQuantity(), r.netAmount(), prev, prev == null ? null : prev - (i + 1));
        }
        Map<String, String> applied = p.applied();
        applied.put("previousFrom", period.previous().from().toString());
        applied.put("previousTo", period.previous().to().toString());
        Chart chart = new Chart(shown.stream().map(SalesRow::label).toList(), List.of(new ChartSeries(by.equals("amount") ? "净金额 Net amount"
                : "净数量 Net quantity", "bar", shown.stream().map(r -> by.equals("amount") ? r.netAmount() : r.netQuantity()).toList())));
        return t.report(info.name(), info.title(), period, applied, t.sums(), chart);
    }

    private Report trend(Connection c, ReportInfo info, Params p, Table t) throws SQLException {
        Period period = p.period();
        SalesFilter f = SalesFilter.read(p, "CNY");
        p.done();
        Map<String, SalesRow> byMonth = new HashMap<>();
        sales(c, "month", period, f).forEach(r -> byMonth.put(r.key(), r));
        salesColumns(t.column("month", "月份 Month", TEXT));
        List<String> months = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        List<BigDecimal> quantities = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            SalesRow r = byMonth.getOrDefault(m.toString(), new SalesRow(m.toString(), null, f.currency(), BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)));
            t.row(m.toString(), f.currency(), r.shippedQuantity(), r.returnedQuantity(), r.netQuantity(), r.shippedAmount(), r.returnedAmount(),
                    r.netAmount());
            months.add(m.toString());
            amounts.add(r.netAmount());
            quantities.add(r.netQuantity());
        }
        Chart chart = new Chart(months, List.of(new ChartSeries("净金额 Net amount", "line", amounts),
                new ChartSeries("净数量 Net quantity", "bar", quantities)));
        return t.report(info.name(), info.title(), period, p.applied(), t.sums(), chart);
    }

    // ---- stock ----

    /**
     * One product in one warehouse over a period: {@code values} holds opening, purchased, returned to suppliers, sold,
     * returned by customers, adjusted, closing (quantities, signed as they moved stock), then the amounts of the four
     * kinds of movement that have a price: purchased and returned to suppliers at the purchase documents' prices, sold and
     * returned by customers at the sales documents' prices.
     */
    record StockRow(String sku, String warehouse, BigDecimal[] values) {
    }

    static final int QUANTITIES = 7;
    static final int VALUES = 11;

    /**
     * The purchase-sales rows of a period: from the daily stock totals ({@code totals}, {@link StockTotals}) or, while
     * they are being built, from every movement — the same sums either way.
     */
    static List<StockRow> stock(Connection c, LocalDate from, LocalDate to, String warehouse, String category, String product, String currency,
            boolean totals) throws SQLException {
        String inPeriod = "MOVE_DAY >= ? AND ";
        String sold = "DOC_TYPE IN ('SHIPMENT', 'RETURN_RECEIPT')";
        String sql = totals ? "SELECT SKU, WAREHOUSE_CODE, SUM(CASE WHEN MOVE_DAY < ? THEN MOVED ELSE 0 END), "
                + "SUM(CASE WHEN MOVE_DAY >= ? THEN PURCHASED ELSE 0 END), SUM(CASE WHEN MOVE_DAY >= ? THEN RETURNED_TO_SUPPLIERS ELSE 0 END), "
                + "SUM(CASE WHEN MOVE_DAY >= ? THEN SOLD ELSE 0 END), SUM(CASE WHEN MOVE_DAY >= ? THEN RETURNED_BY_CUSTOMERS ELSE 0 END), "
                + "SUM(CASE WHEN MOVE_DAY >= ? THEN ADJUSTED ELSE 0 END), SUM(MOVED) FROM RPT_STOCK_DAY"
                : "SELECT SKU, WAREHOUSE_CODE, SUM(CASE WHEN MOVE_DAY < ? THEN QUANTITY ELSE 0 END), "
                + "SUM(CASE WHEN " + inPeriod + "DOC_TYPE = 'PURCHASE_RECEIPT' THEN QUANTITY ELSE 0 END), "
                + "SUM(CASE WHEN " + inPeriod + "DOC_TYPE = 'PURCHASE_RETURN' THEN QUANTITY ELSE 0 END), "
                + "SUM(CASE WHEN " + inPeriod + sold + " AND QUANTITY < 0 THEN QUANTITY ELSE 0 END), "
                + "SUM(CASE WHEN " + inPeriod + sold + " AND QUANTITY > 0 THEN QUANTITY ELSE 0 END), "
                + "SUM(CASE WHEN " + inPeriod + "DOC_TYPE NOT IN ('PURCHASE_RECEIPT', 'PURCHASE_RETURN', 'SHIPMENT', 'RETURN_RECEIPT') "
                + "THEN QUANTITY ELSE 0 END), SUM(QUANTITY) FROM RPT_STOCK_MOVE";
        Sql where = new Sql().and("MOVE_DAY <= ?", to).and("WAREHOUSE_CODE = ?", warehouse).and("CATEGORY_CODE = ?", category)
                .and("SKU = ?", product);
        List<Object> params = new ArrayList<>(java.util.Collections.nCopies(QUANTITIES - 1, from));
        params.addAll(where.params());
        Map<List<String>, BigDecimal[]> amounts = stockAmounts(c, from, to, warehouse, category, product, currency, totals);
        BigDecimal none = BigDecimal.ZERO.setScale(2);
        List<StockRow> rows = new ArrayList<>();
        Sql.list(c, sql + where.where() + " GROUP BY SKU, WAREHOUSE_CODE ORDER BY SKU, WAREHOUSE_CODE", params, rs -> {
            BigDecimal[] v = new BigDecimal[VALUES];
            boolean any = false;
            for (int i = 0; i < QUANTITIES; i++) {
                v[i] = rs.getBigDecimal(3 + i);
                any |= v[i].signum() != 0;
            }
            BigDecimal[] a = amounts.get(List.of(rs.getString(1), rs.getString(2)));
            for (int i = QUANTITIES; i < VALUES; i++) {
                v[i] = a == null ? none : a[i - QUANTITIES].setScale(2, java.math.RoundingMode.HALF_UP);
            }
            if (any) {
                rows.add(new StockRow(rs.getString(1), rs.getString(2), v));
            }
            return null;
        });
        return rows;
    }

    /**
     * Per product and warehouse, the amounts of the period's priced movements in {@code currency}: purchase receipts and
     * returns at their documents' lines' prices (only those movements are joined), goods sold and returned by customers
     * as the sales lines that moved in the period (signed as they moved stock: sold negative), read like the sales reports.
     */
    private static Map<List<String>, BigDecimal[]> stockAmounts(Connection c, LocalDate from, LocalDate to, String warehouse, String category,
            String product, String currency, boolean totals) throws SQLException {
        Map<List<String>, BigDecimal[]> amounts = new HashMap<>();
        Sql bought = new Sql().and("m.MOVE_DAY >= ?", from).and("m.MOVE_DAY <= ?", to).and("m.WAREHOUSE_CODE = ?", warehouse)
                .and("m.CATEGORY_CODE = ?", category).and("m.SKU = ?", product).and("p.CURRENCY = ?", currency);
        Sql.list(c, "SELECT m.SKU, m.WAREHOUSE_CODE, SUM(CASE WHEN m.DOC_TYPE = 'PURCHASE_RECEIPT' THEN m.QUANTITY * p.UNIT_PRICE ELSE 0 END), "
                + "SUM(CASE WHEN m.DOC_TYPE = 'PURCHASE_RETURN' THEN m.QUANTITY * p.UNIT_PRICE ELSE 0 END) FROM RPT_STOCK_MOVE m "
                + "JOIN RPT_PURCHASE_LINE p ON p.ORDER_NUMBER = m.DOC_NUMBER AND p.LINE_NO = m.LINE_NO" + bought.where()
                + " AND m.DOC_TYPE IN ('PURCHASE_RECEIPT', 'PURCHASE_RETURN') GROUP BY m.SKU, m.WAREHOUSE_CODE", bought.params(), rs -> {
                    BigDecimal[] a = amounts.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> zeros());
                    a[0] = rs.getBigDecimal(3);
                    a[1] = rs.getBigDecimal(4);
                    return null;
                });
        // the sales lines' amounts, or the same sums from the daily totals' product rows (which keep warehouse and category)
        String day = totals ? "SALES_DAY" : "MOVED_DAY";
        String sku = totals ? "GROUP_KEY" : "SKU";
        Sql moved = new Sql().and("BASIS = ?", totals ? SalesTotals.MOVED : null).and("DIMENSION = ?", totals ? "product" : null)
                .and(day + " >= ?", from).and(day + " <= ?", to).and("WAREHOUSE_CODE = ?", warehouse)
                .and("CATEGORY_CODE = ?", category).and(sku + " = ?", product).and("CURRENCY = ?", currency);
        Sql.list(c, totals ? "SELECT GROUP_KEY, WAREHOUSE_CODE, -SUM(SHIPPED_AMOUNT), -SUM(RETURNED_AMOUNT) FROM RPT_SALES_DAY" + moved.where()
                + " GROUP BY GROUP_KEY, WAREHOUSE_CODE" : "SELECT SKU, WAREHOUSE_CODE, -SUM(CASE WHEN DIRECTION = 'SHIP' THEN AMOUNT ELSE 0 END), "
                + "-SUM(CASE WHEN DIRECTION = 'RETURN' THEN AMOUNT ELSE 0 END) FROM RPT_SALES_LINE" + moved.where()
                + " GROUP BY SKU, WAREHOUSE_CODE", moved.params(), rs -> {
                    BigDecimal[] a = amounts.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> zeros());
                    a[2] = rs.getBigDecimal(3);
                    a[3] = rs.getBigDecimal(4);
                    return null;
                });
        return amounts;
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] z = new BigDecimal[VALUES - QUANTITIES];
        java.util.Arrays.fill(z, BigDecimal.ZERO);
        return z;
    }

    private static final String[] STOCK_KEYS = {"opening", "purchased", "returnedToSuppliers", "sold", "returnedByCustomers", "adjusted",
        "closing", "purchasedAmount", "returnedToSuppliersAmount", "soldAmount", "returnedByCustomersAmount"};
    /** The columns in the order shown: each movement's quantity followed by its amount. */
    private static final int[] STOCK_ORDER = {0, 1, 7, 2, 8, 3, 9, 4, 10, 5, 6};

    /** Per product and warehouse (default), or per month of the period over every product the filters keep. */
    private Report purchaseSales(Connection c, ReportInfo info, Params p, Table t) throws SQLException {
        Period period = p.period();
        String groupBy = p.choice("groupBy", List.of("product", "month"));
        String warehouse = p.code("warehouse");
        String category = p.code("category");
        String product = p.code("product");
        String currency = p.currency("CNY");
        p.done();
        if (groupBy.equals("month")) {
            t.column("month", "月份 Month", TEXT);
        } else {
            t.column("sku", "产品 Product", TEXT).column("warehouse", "仓库 Warehouse", TEXT);
        }
        t.column("opening", "期初 Opening", QUANTITY).column("purchased", "采购入库 Purchased", QUANTITY)
                .column("purchasedAmount", "采购金额 Purchased amount", AMOUNT)
                .column("returnedToSuppliers", "采购退货 Returned to suppliers", QUANTITY)
                .column("returnedToSuppliersAmount", "采购退货金额 Returned to suppliers amount", AMOUNT)
                .column("sold", "销售出库 Sold", QUANTITY).column("soldAmount", "销售金额 Sold amount", AMOUNT)
                .column("returnedByCustomers", "销售退货 Returned by customers", QUANTITY)
                .column("returnedByCustomersAmount", "销售退货金额 Returned by customers amount", AMOUNT)
                .column("adjusted", "调整/报废 Adjusted", QUANTITY).column("closing", "期末 Closing", QUANTITY);
        if (groupBy.equals("product")) {
            for (StockRow r : stock(c, period.from(), period.to(), warehouse, category, product, currency, follower.totalsReady())) {
                t.row(stockCells(r.values(), r.sku(), r.warehouse()));
            }
            return t.report(info.name(), info.title(), period, p.applied(), t.sums(), null);
        }
        BigDecimal[] all = null;
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            LocalDate from = m.atDay(1).isBefore(period.from()) ? period.from() : m.atDay(1);
            LocalDate to = m.atEndOfMonth().isAfter(period.to()) ? period.to() : m.atEndOfMonth();
            BigDecimal[] v = new BigDecimal[VALUES];
            java.util.Arrays.fill(v, BigDecimal.ZERO);
            for (StockRow r : stock(c, from, to, warehouse, category, product, currency, follower.totalsReady())) {
                for (int i = 0; i < VALUES; i++) {
                    v[i] = v[i].add(r.values()[i]);
                }
            }
            t.row(stockCells(v, m.toString()));
            if (all == null) {
                all = v.clone();
            } else {
                for (int i = 1; i < VALUES; i++) {
                    all[i] = i == QUANTITIES - 1 ? v[i] : all[i].add(v[i]);
                }
            }
        }
        // over the months, the totals open with the first month and close with the last
        Map<String, Object> totals = new LinkedHashMap<>();
        for (int i : STOCK_ORDER) {
            totals.put(STOCK_KEYS[i], i >= QUANTITIES ? all[i].setScale(2, java.math.RoundingMode.HALF_UP) : all[i]);
        }
        return t.report(info.name(), info.title(), period, p.applied(), totals, null);
    }

    /** A row's cells: the leading keys, then the values in the columns' order. */
    private static Object[] stockCells(BigDecimal[] v, String... keys) {
        Object[] cells = new Object[keys.length + VALUES];
        System.arraycopy(keys, 0, cells, 0, keys.length);
        for (int i = 0; i < VALUES; i++) {
            cells[keys.length + i] = v[STOCK_ORDER[i]];
        }
        return cells;
    }

    /** What each product holds in each warehouse, lot and status at the end of {@code asOf}. */
    private Report stockOnHand(Connection c, ReportInfo info, Params p, Table t) throws SQLException {
        LocalDate asOf = p.asOf();
        Sql where = new Sql().and("MOVE_DAY <= ?", asOf).and("WAREHOUSE_CODE = ?", p.code("warehouse")).and("CATEGORY_CODE = ?", p.code("category"))
                .and("SKU = ?", p.code("product"));
        p.done();
        t.column("sku", "产品 Product", TEXT).column("warehouse", "仓库 Warehouse", TEXT).column("lot", "批号 Lot", TEXT)
                .column("status", "状态 Status", TEXT).column("quantity", "数量 Quantity", QUANTITY);
        each(c, "SELECT SKU, WAREHOUSE_CODE, LOT, STOCK_STATUS, SUM(QUANTITY) FROM RPT_STOCK_MOVE" + where.where()
                + " GROUP BY SKU, WAREHOUSE_CODE, LOT, STOCK_STATUS HAVING SUM(QUANTITY) <> 0 ORDER BY SKU, WAREHOUSE_CODE, LOT, STOCK_STATUS",
                where.params(), rs -> t.row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5)));
        return t.report(info.name(), info.title(), null, p.applied(), t.sums(), null);
    }

    /** The stock ledger's entries of the period, line by line. */
    private Report movements(Connection c, ReportInfo info, Params p, Table t) throws SQLException {
        Period period = p.period();
        String warehouse = p.code("warehouse");
        String category = p.code("category");
        String product = p.code("product");
        String documentType = p.code("documentType");
        p.done();
        Sql where = new Sql().and("MOVE_DAY >= ?", period.from()).and("MOVE_DAY <= ?", period.to()).and("WAREHOUSE_CODE = ?", warehouse)
                .and("CATEGORY_CODE = ?", category).and("SKU = ?", product).and("DOC_TYPE = ?", documentType);
        t.column("date", "日期 Date", DATE).column("documentType", "单据类型 Document type", TEXT).column("document", "单据 Document", TEXT)
                .column("line", "行 Line", INTEGER).column("sku", "产品 Product", TEXT).column("warehouse", "仓库 Warehouse", TEXT)
                .column("lot", "批号 Lot", TEXT).column("status", "状态 Status", TEXT).column("quantity", "数量 Quantity", QUANTITY)
                .column("partner", "往来单位 Partner", TEXT);
        each(c, "SELECT MOVE_DAY, DOC_TYPE, DOC_NUMBER, LINE_NO, SKU, WAREHOUSE_CODE, LOT, STOCK_STATUS, QUANTITY, PARTNER_CODE FROM RPT_STOCK_MOVE"
                + where.where() + " ORDER BY MOVE_DAY, POSTED_AT, DOC_NUMBER, LINE_NO, ID", where.params(),
                rs -> t.row(Sql.date(rs, 1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getBigDecimal(9), rs.getString(10)));
        return t.report(info.name(), info.title(), period, p.applied(), t.sums(), null);
    }

    // ---- finance ----

    private Report ageing(Connection c, ReportInfo info, Params p, Table t, String partyType, String partyParam) throws SQLException {
        LocalDate asOf = p.asOf();
        String party = p.code(partyParam);
        String currency = p.currency(null);
        p.done();
        Sql where = new Sql().and("PARTY_TYPE = ?", partyType).and("DOC_DATE <= ?", asOf).and("PARTY_CODE = ?", party)
                .and("CURRENCY = ?", currency);
        Map<List<String>, List<Ageing.Entry>> accounts = new LinkedHashMap<>();
        Sql.list(c, "SELECT PARTY_CODE, CURRENCY, AMOUNT, DOC_DATE, DUE_DATE FROM RPT_FIN_POSTING" + where.where()
                + " ORDER BY PARTY_CODE, CURRENCY", where.params(), rs -> accounts.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)),
                        k -> new ArrayList<>()).add(new Ageing.Entry(rs.getBigDecimal(3), Sql.date(rs, 4), Sql.date(rs, 5))));
        t.column(partyParam, partyParam.equals("customer") ? "客户 Customer" : "供应商 Supplier", TEXT)
                .column("currency", "币种 Currency", TEXT).column("notDue", "未到期 Not due", AMOUNT).column("days1to30", "1-30天", AMOUNT)
                .column("days31to60", "31-60天", AMOUNT).column("days61to90", "61-90天", AMOUNT).column("over90", "90天以上 Over 90", AMOUNT)
                .column("credit", "贷方余额 Credit", AMOUNT).column("total", "合计 Total", AMOUNT);
        accounts.forEach((k, entries) -> {
            Ageing.Buckets b = Ageing.of(entries, asOf);
            if (b.balance().signum() != 0) {
                t.row(k.get(0), k.get(1), b.buckets()[0], b.buckets()[1], b.buckets()[2], b.buckets()[3], b.buckets()[4], b.credit(), b.balance());
            }
        });
        return t.report(info.name(), info.title(), null, p.applied(), t.sums(), null);
    }

    private Report statement(Connection c, ReportInfo info, Params p, Table t) throws SQLException {
        Period period = p.period();
        String customer = p.requiredCode("customer");
        String currency = p.currency("CNY");
        p.done();
        BigDecimal opening = Sql.list(c, "SELECT SUM(AMOUNT) FROM RPT_FIN_POSTING WHERE PARTY_TYPE = 'CUSTOMER' AND PARTY_CODE = ? "
                + "AND CURRENCY = ? AND DOC_DATE < ?", List.of(customer, currency, period.from()), rs -> rs.getBigDecimal(1)).get(0);
        BigDecimal balance = opening == null ? BigDecimal.ZERO.setScale(2) : opening.setScale(2);
        BigDecimal start = balance;
        t.column("date", "日期 Date", DATE).column("document", "单据 Document", TEXT).column("type", "类型 Type", TEXT)
                .column("order", "订单 Order", TEXT).column("debit", "借方 Debit", AMOUNT).column("credit", "贷方 Credit", AMOUNT)
                .column("balance", "余额 Balance", AMOUNT);
        record Line(LocalDate date, String document, String type, String order, BigDecimal amount) {
        }
        List<Line> lines = Sql.list(c, "SELECT DOC_DATE, DOC_NUMBER, POSTING_TYPE, ORDER_NUMBER, AMOUNT FROM RPT_FIN_POSTING "
                + "WHERE PARTY_TYPE = 'CUSTOMER' AND PARTY_CODE = ? AND CURRENCY = ? AND DOC_DATE >= ? AND DOC_DATE <= ? "
                + "ORDER BY DOC_DATE, POSTED_AT, ID", List.of(customer, currency, period.from(), period.to()),
                rs -> new Line(Sql.date(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5)));
        BigDecimal debit = BigDecimal.ZERO.setScale(2);
        BigDecimal credit = BigDecimal.ZERO.setScale(2);
        for (Line l : lines) {
            balance = balance.add(l.amount());
            BigDecimal d = l.amount().signum() > 0 ? l.amount() : BigDecimal.ZERO.setScale(2);
            BigDecimal cr = l.amount().signum() < 0 ? l.amount().negate() : BigDecimal.ZERO.setScale(2);
            debit = debit.add(d);
            credit = credit.add(cr);
            t.row(l.date(), l.document(), l.type(), l.order(), d, cr, balance);
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("opening", start);
        totals.put("debit", debit);
        totals.put("credit", credit);
        totals.put("closing", balance);
        return t.report(info.name(), info.title(), period, p.applied(), totals, null);
    }

    // ---- line-level queries ----

    private Report flows(Connection c, ReportInfo info, Params p, Table t) throws SQLException {
        Period period = p.period();
        String flow = p.choice("flow", FLOWS);
        String warehouse = p.code("warehouse");
        String customer = p.code("customer");
        String supplier = p.code("supplier");
        String product = p.code("product");
        String category = p.code("category");
        String currency = p.currency(null);
        p.done();
        t.column("document", "单据 Document", TEXT).column("date", "日期 Date", DATE).column("party", "往来单位 Party", TEXT)
                .column("partyName", "名称 Name", TEXT).column("sku", "产品 Product", TEXT).column("productName", "品名 Product name", TEXT)
                .column("lot", "批号 Lot", TEXT).column("quantity", "数量 Quantity", QUANTITY).column("unitPrice", "单价 Price", AMOUNT)
                .column("amount", "金额 Amount", AMOUNT).column("currency", "币种 Currency", TEXT);
        if (flow.startsWith("purchase")) {
            Sql where = new Sql().and("DOC_TYPE = ?", flow.equals("purchase-receipt") ? "PURCHASE_RECEIPT" : "PURCHASE_RETURN")
                    .and("MOVE_DAY >= ?", period.from()).and("MOVE_DAY <= ?", period.to()).and("WAREHOUSE_CODE = ?", warehouse)
                    .and("PARTNER_CODE = ?", supplier).and("SKU = ?", product).and("CATEGORY_CODE = ?", category);
            each(c, "SELECT DOC_NUMBER, MOVE_DAY, PARTNER_CODE, SKU, LOT, QUANTITY FROM RPT_STOCK_MOVE" + where.where()
                    + " ORDER BY MOVE_DAY, DOC_NUMBER, LINE_NO", where.params(), rs -> t.row(rs.getString(1), Sql.date(rs, 2), rs.getString(3),
                            null, rs.getString(4), null, rs.getString(5), rs.getBigDecimal(6)));
        } else {
            Sql where = new Sql().and("CHANNEL = ?", flow.startsWith("wholesale") ? "WHOLESALE" : "RETAIL")
                    .and("DIRECTION = ?", flow.endsWith("return") ? "RETURN" : "SHIP")
                    .and("MOVED_DAY >= ?", period.from()).and("MOVED_DAY <= ?", period.to()).and("WAREHOUSE_CODE = ?", warehouse)
                    .and("CUSTOMER_CODE = ?", customer).and("SKU = ?", product).and("CATEGORY_CODE = ?", category).and("CURRENCY = ?", currency);
            each(c, "SELECT ORDER_NUMBER, MOVED_DAY, CUSTOMER_CODE, CUSTOMER_NAME, SKU, PRODUCT_NAME, LOT, QUANTITY, UNIT_PRICE, AMOUNT, "
                    + "CURRENCY FROM RPT_SALES_LINE" + where.where() + " ORDER BY MOVED_DAY, ORDER_NUMBER, LINE_NO", where.params(),
                    rs -> t.row(rs.getString(1), Sql.date(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11)));
        }
        Map<String, Object> totals = t.sums();
        totals.remove("unitPrice");
        return t.report(info.name(), info.title(), period, p.applied(), totals, null);
    }

    private Report schedule(Connection c, ReportInfo info, Params p, Table t) throws SQLException {
        LocalDate asOf = p.asOf();
        Sql where = new Sql().and("ORDER_TYPE = ?", "ORDER").and("STATUS = ?", "CONFIRMED").and("DIRECTION = ?", "SHIP")
                .and("WAREHOUSE_CODE = ?", p.code("warehouse")).and("CUSTOMER_CODE = ?", p.code("customer")).and("SKU = ?", p.code("product"))
                .and("CATEGORY_CODE = ?", p.code("category")).and("CHANNEL = ?", p.code("channel"));
        p.done();
        t.column("deliveryDate", "交货日期 Delivery date", DATE).column("daysOverdue", "逾期天数 Days overdue", INTEGER)
                .column("sku", "产品 Product", TEXT).column("productName", "品名 Product name", TEXT).column("quantity", "数量 Quantity", QUANTITY)
                .column("order", "订单 Order", TEXT).column("line", "行 Line", INTEGER).column("customer", "客户 Customer", TEXT)
                .column("customerName", "客户名称 Customer name", TEXT).column("warehouse", "仓库 Warehouse", TEXT);
        // no delivery date: due on the order date; overdue lines come first because they are due earliest
        each(c, "SELECT COALESCE(DELIVERY_DATE, ORDER_DATE), SKU, PRODUCT_NAME, QUANTITY, ORDER_NUMBER, LINE_NO, CUSTOMER_CODE, "
                + "CUSTOMER_NAME, WAREHOUSE_CODE FROM RPT_SALES_LINE" + where.where()
                + " ORDER BY COALESCE(DELIVERY_DATE, ORDER_DATE), SKU, ORDER_NUMBER, LINE_NO", where.params(), rs -> {
                    LocalDate due = Sql.date(rs, 1);
                    long late = java.time.temporal.ChronoUnit.DAYS.between(due, asOf);
                    return t.row(due, late > 0 ? late : 0, rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5), rs.getInt(6),
                            rs.getString(7), rs.getString(8), rs.getString(9));
                });
        return t.report(info.name(), info.title(), null, p.applied(), t.sums(), null);
    }

    private Report returns(Connection c, ReportInfo info, Params p, Table t) throws SQLException {
        Period period = p.period();
        String groupBy = p.choice("groupBy", List.of("product", "customer", "lot", "reason"));
        SalesFilter f = SalesFilter.read(p, "CNY");
        p.done();
        String key = switch (groupBy) {
            case "customer" -> "CUSTOMER_CODE";
            case "lot" -> "LOT";
            case "reason" -> "REASON_CODE";
            default -> "SKU";
        };
        Sql where = new Sql().and("MOVED_DAY >= ?", period.from()).and("MOVED_DAY <= ?", period.to())
                .and("WAREHOUSE_CODE = ?", f.warehouse()).and("CHANNEL = ?", f.channel()).and("CUSTOMER_CODE = ?", f.customer())
                .and("CATEGORY_CODE = ?", f.category()).and("SKU = ?", f.product()).and("CURRENCY = ?", f.currency())
                .and("SALESPERSON = ?", f.salesperson());
        record Row(String key, BigDecimal shipped, BigDecimal returned, BigDecimal returnedAmount) {
        }
        // per product or customer with no filter but the currency, the daily totals hold the same sums
        boolean fromTotals = follower.totalsReady() && (groupBy.equals("product") || groupBy.equals("customer")) && f.warehouse() == null
                && f.channel() == null && f.customer() == null && f.category() == null && f.product() == null && f.salesperson() == null;
        Sql days = new Sql().and("BASIS = ?", SalesTotals.MOVED).and("DIMENSION = ?", groupBy).and("SALES_DAY >= ?", period.from())
                .and("SALES_DAY <= ?", period.to()).and("CURRENCY = ?", f.currency());
        List<Row> rows = new ArrayList<>(fromTotals ? Sql.list(c, "SELECT GROUP_KEY, SUM(SHIPPED_QUANTITY), -SUM(RETURNED_QUANTITY), "
                + "-SUM(RETURNED_AMOUNT) FROM RPT_SALES_DAY" + days.where() + " GROUP BY GROUP_KEY", days.params(),
                rs -> new Row(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                : Sql.list(c, "SELECT " + key + ", SUM(CASE WHEN DIRECTION = 'SHIP' THEN QUANTITY ELSE 0 END), "
                + "-SUM(CASE WHEN DIRECTION = 'RETURN' THEN QUANTITY ELSE 0 END), -SUM(CASE WHEN DIRECTION = 'RETURN' THEN AMOUNT ELSE 0 END) "
                + "FROM RPT_SALES_LINE" + where.where() + " GROUP BY " + key, where.params(),
                rs -> new Row(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4))));
        rows.removeIf(r -> r.returned().signum() == 0 && !groupBy.equals("product") && !groupBy.equals("customer"));
        rows.sort(Comparator.comparing(Row::returned).reversed().thenComparing(r -> r.key() == null ? "" : r.key()));
        Map<String, LeadTimes> times = leadTimes(c, key, where);
        LeadTimes all = new LeadTimes();
        times.values().forEach(l -> l.returns.forEach(all.returns::putIfAbsent));
        t.column("key", GROUP_TITLES.getOrDefault(groupBy, groupBy), TEXT).column("shippedQuantity", "发货数量 Shipped qty", QUANTITY)
                .column("returnedQuantity", "退货数量 Returned qty", QUANTITY).column("returnRate", "退货率 Return rate %", PERCENT)
                .column("returnedAmount", "退货金额 Returned amount", AMOUNT).column("returns", "退货单数 Returns", INTEGER)
                .column("daysToReceipt", "平均收货天数 Avg days submitted to received", QUANTITY)
                .column("daysToRefund", "平均退款天数 Avg days submitted to refunded", QUANTITY);
        for (Row r : rows) {
            LeadTimes l = times.getOrDefault(r.key(), new LeadTimes());
            t.row(r.key(), r.shipped(), r.returned(), rate(r.returned(), r.shipped()), r.returnedAmount(), l.returns.size(), l.toReceipt(),
                    l.toRefund());
        }
        Map<String, Object> totals = t.sums();
        totals.put("returnRate", rate((BigDecimal) totals.get("returnedQuantity"), (BigDecimal) totals.get("shippedQuantity")));
        totals.put("daysToReceipt", all.toReceipt());
        totals.put("daysToRefund", all.toRefund());
        Sql money = new Sql().and("PARTY_TYPE = ?", "CUSTOMER").and("DOC_DATE >= ?", period.from()).and("DOC_DATE <= ?", period.to())
                .and("PARTY_CODE = ?", f.customer()).and("CURRENCY = ?", f.currency());
        Sql.list(c, "SELECT POSTING_TYPE, SUM(AMOUNT) FROM RPT_FIN_POSTING" + money.where() + " AND POSTING_TYPE IN ('CREDIT_NOTE', 'REFUND') "
                + "GROUP BY POSTING_TYPE", money.params(), rs -> totals.put(rs.getString(1).equals("REFUND") ? "refunds" : "creditNotes",
                        rs.getBigDecimal(2).abs()));
        totals.putIfAbsent("creditNotes", BigDecimal.ZERO.setScale(2));
        totals.putIfAbsent("refunds", BigDecimal.ZERO.setScale(2));
        return t.report(info.name(), info.title(), period, p.applied(), totals, null);
    }

    /** The returns of a group: by number, their days from submission to receipt and to the first refund (null: not yet). */
    static final class LeadTimes {
        final Map<String, Long[]> returns = new LinkedHashMap<>();

        BigDecimal toReceipt() {
            return average(0);
        }

        BigDecimal toRefund() {
            return average(1);
        }

        /** The average of one kind of lead time over the returns that have it, one decimal; null when none has. */
        private BigDecimal average(int which) {
            long sum = 0;
            int n = 0;
            for (Long[] days : returns.values()) {
                if (days[which] != null) {
                    sum += days[which];
                    n++;
                }
            }
            return n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 1, java.math.RoundingMode.HALF_UP);
        }
    }

    /**
     * Per group, the received returns whose lines the filter keeps: days from the business day a return was submitted to
     * the day it was received, and to the day of the first refund that names it.
     */
    private static Map<String, LeadTimes> leadTimes(Connection c, String key, Sql where) throws SQLException {
        Map<String, LeadTimes> times = new HashMap<>();
        String prefixed = where.where().replaceAll("\\b(MOVED_DAY|WAREHOUSE_CODE|CHANNEL|CUSTOMER_CODE|CATEGORY_CODE|SKU|CURRENCY|SALESPERSON)\\b", "l.$1");
        Sql.list(c, "SELECT l." + key + ", l.ORDER_NUMBER, h.SUBMITTED_DAY, h.RECEIVED_DAY, (SELECT MIN(f.DOC_DATE) FROM RPT_FIN_POSTING f "
                + "WHERE f.POSTING_TYPE = 'REFUND' AND f.ORDER_NUMBER = l.ORDER_NUMBER) FROM RPT_SALES_LINE l "
                + "JOIN RPT_SALES_ORDER h ON h.ORDER_NUMBER = l.ORDER_NUMBER" + prefixed + " AND l.DIRECTION = 'RETURN' AND h.SUBMITTED_DAY IS NOT NULL",
                where.params(), rs -> {
                    LocalDate submitted = Sql.date(rs, 3);
                    LocalDate received = Sql.date(rs, 4);
                    LocalDate refunded = Sql.date(rs, 5);
                    times.computeIfAbsent(rs.getString(1), k -> new LeadTimes()).returns.putIfAbsent(rs.getString(2), new Long[] {
                        received == null ? null : java.time.temporal.ChronoUnit.DAYS.between(submitted, received),
                        refunded == null ? null : java.time.temporal.ChronoUnit.DAYS.between(submitted, refunded)});
                    return null;
                });
        return times;
    }

    // ---- lists ----

    /** Receivables or payables: the ledger's postings of the period for the party type's documents, line by line. */
    private Report ledger(Connection c, ReportInfo info, Params p, Table t, String partyType, String partyParam, List<String> types)
            throws SQLException {
        return postings(c, info, p, t, partyType, partyParam, types, false);
    }

    /** The money register of one kind (receipts, refunds, supplier payments or refunds): amounts as the money moved, positive. */
    private Report money(Connection c, ReportInfo info, Params p, Table t) throws SQLException {
        String kind = p.choice("kind", List.of("receipts", "refunds", "supplier-payments", "supplier-refunds"));
        String type = kind == null ? "RECEIPT" : MONEY.get(kind);
        return postings(c, info, p, t, type.startsWith("SUPPLIER") ? "SUPPLIER" : "CUSTOMER", "party", List.of(type), true);
    }

    private Report postings(Connection c, ReportInfo info, Params p, Table t, String partyType, String partyParam, List<String> types,
            boolean money) throws SQLException {
        Period period = p.period();
        String party = p.code(partyParam);
        String currency = p.currency(null);
        p.done();
        Sql where = new Sql().and("PARTY_TYPE = ?", partyType).and("DOC_DATE >= ?", period.from()).and("DOC_DATE <= ?", period.to())
                .and("PARTY_CODE = ?", party).and("CURRENCY = ?", currency);
        t.column("date", "日期 Date", DATE).column("document", "单据 Document", TEXT).column("type", "类型 Type", TEXT)
                .column("order", "订单 Order", TEXT).column("party", partyType.equals("CUSTOMER") ? "客户 Customer" : "供应商 Supplier", TEXT)
                .column("currency", "币种 Currency", TEXT).column("amount", "金额 Amount", AMOUNT).column("dueDate", "到期日 Due date", DATE);
        List<Object> params = new ArrayList<>(where.params());
        params.addAll(types);
        each(c, "SELECT DOC_DATE, DOC_NUMBER, POSTING_TYPE, ORDER_NUMBER, PARTY_CODE, CURRENCY, " + (money ? "ABS(AMOUNT)" : "AMOUNT")
                + ", DUE_DATE FROM RPT_FIN_POSTING" + where.where() + " AND POSTING_TYPE IN (" + Sql.marks(types.size()) + ")"
                + " ORDER BY DOC_DATE, POSTED_AT, ID", params, rs -> t.row(Sql.date(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), Sql.date(rs, 8)));
        return t.report(info.name(), info.title(), period, p.applied(), t.sums(), null);
    }

    private static final int ORDERS_PER_SETTLEMENT = 500;

    /**
     * The order query: every line of the sales documents dated in the period, with the document's custom fields as
     * columns ({@code cf.<key>}) and its paid and outstanding amounts (on its first line, so that the totals add up), as
     * finance has them now.
     */
    private Report orders(Connection c, ReportInfo info, Params p, Table t) throws SQLException {
        Period period = p.period();
        Sql filters = new Sql().and("ORDER_TYPE = ?", p.has("type") ? p.choice("type", List.of("ORDER", "RETURN")) : null)
                .and("STATUS = ?", p.has("status") ? p.choice("status", java.util.Arrays.stream(org.titrate.sales.api.OrderStatus.values())
                        .map(Enum::name).toList()) : null)
                .and("WAREHOUSE_CODE = ?", p.code("warehouse")).and("CHANNEL = ?", p.code("channel")).and("CUSTOMER_CODE = ?", p.code("customer"))
                .and("SKU = ?", p.code("product")).and("CURRENCY = ?", p.currency(null));
        p.done();
        Sql where = new Sql().and("ORDER_DATE >= ?", period.from()).and("ORDER_DATE <= ?", period.to());
        List<Object> whereParams = new ArrayList<>(where.params());
        whereParams.addAll(filters.params());
        String whereSql = where.where() + filters.where().replaceFirst("^ WHERE ", " AND ");
        List<String> fields = Sql.list(c, "SELECT DISTINCT f.FIELD_KEY FROM RPT_ORDER_FIELD f JOIN RPT_SALES_ORDER h ON h.ORDER_NUMBER = f.ORDER_NUMBER "
                + "WHERE h.ORDER_DATE >= ? AND h.ORDER_DATE <= ? ORDER BY f.FIELD_KEY", List.of(period.from(), period.to()), rs -> rs.getString(1));
        t.column("order", "订单 Order", TEXT).column("type", "类型 Type", TEXT).column("status", "状态 Status", TEXT)
                .column("orderDate", "日期 Date", DATE).column("customer", "客户 Customer", TEXT).column("customerName", "客户名称 Customer name", TEXT)
                .column("warehouse", "仓库 Warehouse", TEXT).column("line", "行 Line", INTEGER).column("sku", "产品 Product", TEXT)
                .column("productName", "品名 Product name", TEXT).column("quantity", "数量 Quantity", QUANTITY).column("unitPrice", "单价 Price", AMOUNT)
                .column("amount", "金额 Amount", AMOUNT).column("deliveryDate", "交货日期 Delivery date", DATE).column("currency", "币种 Currency", TEXT);
        StringBuilder select = new StringBuilder("SELECT l.ORDER_NUMBER, l.ORDER_TYPE, l.STATUS, l.ORDER_DATE, l.CUSTOMER_CODE, l.CUSTOMER_NAME, "
                + "l.WAREHOUSE_CODE, l.LINE_NO, l.SKU, l.PRODUCT_NAME, l.QUANTITY, l.UNIT_PRICE, l.AMOUNT, l.DELIVERY_DATE, l.CURRENCY");
        StringBuilder joins = new StringBuilder();
        // the WHERE's parameters come first in the statement (the derived table), then the joins'
        List<Object> params = new ArrayList<>(whereParams);
        for (int i = 0; i < fields.size(); i++) {
            t.column("cf." + fields.get(i), fields.get(i), TEXT);
            select.append(", f").append(i).append(".FIELD_VALUE");
            joins.append(" LEFT JOIN RPT_ORDER_FIELD f").append(i).append(" ON f").append(i).append(".ORDER_NUMBER = l.ORDER_NUMBER AND f")
                    .append(i).append(".FIELD_KEY = ?");
            params.add(fields.get(i));
        }
        t.column("paidAmount", "已收 Paid", AMOUNT).column("outstandingAmount", "未收 Outstanding", AMOUNT);
        String sql = select + " FROM (SELECT * FROM RPT_SALES_LINE" + whereSql + ") l" + joins + " ORDER BY l.ORDER_DATE, l.ORDER_NUMBER, l.LINE_NO";
        int width = 15 + fields.size();
        List<Object[]> pending = new ArrayList<>();
        Set<String> numbers = new java.util.LinkedHashSet<>();
        each(c, sql, params, rs -> {
            String number = rs.getString(1);
            if (!numbers.contains(number) && numbers.size() == ORDERS_PER_SETTLEMENT) {
                settle(t, pending, numbers);
            }
            Object[] row = new Object[width + 2];
            for (int i = 0; i < width; i++) {
                row[i] = switch (i) {
                    case 3, 13 -> Sql.date(rs, i + 1);
                    case 7 -> rs.getInt(i + 1);
                    case 10, 11, 12 -> rs.getBigDecimal(i + 1);
                    default -> rs.getString(i + 1);
                };
            }
            if (numbers.add(number)) {
                row[width] = Boolean.TRUE; // the document's first line: its settlement goes here
            }
            pending.add(row);
            return null;
        });
        settle(t, pending, numbers);
        Map<String, Object> totals = t.sums();
        totals.remove("unitPrice");
        return t.report(info.name(), info.title(), period, p.applied(), totals, null);
    }

    /** Writes the pending lines with their documents' paid and outstanding amounts on each document's first line. */
    private void settle(Table t, List<Object[]> pending, Set<String> numbers) {
        SalesSettlements finance = settlements;
        Map<String, Settlement> found = finance == null || numbers.isEmpty() ? Map.of() : finance.settlements(numbers);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        for (Object[] row : pending) {
            int width = row.length - 2;
            if (row[width] != null) {
                Settlement s = found.get((String) row[0]);
                row[width] = s == null ? zero : s.paidAmount();
                row[width + 1] = s == null ? zero : s.outstandingAmount();
            }
            t.row(row);
        }
        pending.clear();
        numbers.clear();
    }

    /** {@code part} of {@code whole} in percent, two decimals; null when there is no whole. */
    static BigDecimal rate(BigDecimal part, BigDecimal whole) {
        return whole == null || whole.signum() == 0 ? null
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, java.math.RoundingMode.HALF_UP);
    }
}
