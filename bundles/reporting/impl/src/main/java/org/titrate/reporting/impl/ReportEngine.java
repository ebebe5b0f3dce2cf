package org.titrate.reporting.impl;

import static org.titrate.reporting.api.ColumnType.AMOUNT;
import static org.titrate.reporting.api.ColumnType.DATE;
import static org.titrate.reporting.api.ColumnType.INTEGER;
import static org.titrate.reporting.api.ColumnType.PERCENT;
import static org.titrate.reporting.api.ColumnType.QUANTITY;
import static org.titrate.reporting.api.ColumnType.TEXT;

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
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.security.Roles;
import org.titrate.reporting.api.Chart;
import org.titrate.reporting.api.ChartSeries;
import org.titrate.reporting.api.Report;
import org.titrate.reporting.api.ReportInfo;
import org.titrate.reporting.api.ReportService;
import org.titrate.reporting.api.ReportingStatus;

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
    static final List<String> GROUPS = List.of("product", "category", "customer", "channel", "day", "month");
    /** Column titles of the grouping column, "中文 English" like every other column title. */
    private static final Map<String, String> GROUP_TITLES = Map.of("product", "产品 Product", "category", "类别 Category",
            "customer", "客户 Customer", "channel", "渠道 Channel", "day", "日期 Day", "month", "月份 Month", "lot", "批号 Lot",
            "reason", "原因 Reason");
    static final List<String> SALES_FILTERS = List.of("warehouse", "channel", "customer", "category", "product", "currency");

    private static final List<ReportInfo> REPORTS = List.of(
            info("sales-summary", "销量汇总 Sales summary", SALES_ROLES, "groupBy", "basis"),
            info("sales-share", "销量占比 Sales share", SALES_ROLES, "groupBy", "basis"),
            info("sales-ranking", "销量排行 Sales ranking", SALES_ROLES, "groupBy", "by", "basis", "measure", "top", "limit"),
            info("sales-trend", "月度趋势 Monthly sales trend", SALES_ROLES, "basis"),
            new ReportInfo("purchase-sales", "采购销售统计 Purchase-sales statistics", STOCK_ROLES,
                    List.of("from", "to", "groupBy", "warehouse", "category", "product")),
            new ReportInfo("receivables-ageing", "应收账龄 Receivables ageing", FINANCE_ROLES, List.of("asOf", "customer", "currency")),
            new ReportInfo("payables-ageing", "应付账龄 Payables ageing", FINANCE_ROLES, List.of("asOf", "supplier", "currency")),
            new ReportInfo("statement", "对账单 Customer statement of account", FINANCE_ROLES, List.of("from", "to", "customer", "currency")),
            new ReportInfo("flows", "出入库流水查询 Flow query", FLOW_ROLES,
                    List.of("from", "to", "flow", "warehouse", "customer", "supplier", "product", "category", "currency")),
            new ReportInfo("delivery-schedule", "交货排期 Delivery schedule", SCHEDULE_ROLES,
                    List.of("asOf", "warehouse", "customer", "product", "category", "channel")),
            info("returns", "退货分析 Returns analysis", SALES_ROLES, "groupBy"));

    @Reference
    private ReportingFollower follower;

    @Reference(target = "(titrate.schema=reporting)")
    private DataSource dataSource;

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
        ReportInfo info = find(name);
        Params p = new Params(parameters, info.parameters());
        try (Connection c = dataSource.getConnection()) {
            return switch (name) {
                case "sales-summary" -> summary(c, info, p);
                case "sales-share" -> share(c, info, p);
                case "sales-ranking" -> ranking(c, info, p);
                case "sales-trend" -> trend(c, info, p);
                case "purchase-sales" -> purchaseSales(c, info, p);
                case "receivables-ageing" -> ageing(c, info, p, "CUSTOMER", "customer");
                case "payables-ageing" -> ageing(c, info, p, "SUPPLIER", "supplier");
                case "flows" -> flows(c, info, p);
                case "delivery-schedule" -> schedule(c, info, p);
                case "returns" -> returns(c, info, p);
                default -> statement(c, info, p);
            };
        } catch (SQLException e) {
            throw Transactions.failure("Cannot compute the report " + name, e);
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
    record SalesFilter(String basis, String warehouse, String channel, String customer, String category, String product, String currency) {
        static SalesFilter read(Params p, String defaultCurrency) {
            return new SalesFilter(p.choice("basis", List.of("moved", "ordered")), p.code("warehouse"), p.code("channel"), p.code("customer"),
                    p.code("category"), p.code("product"), p.currency(defaultCurrency));
        }
    }

    static List<SalesRow> sales(Connection c, String groupBy, Period period, SalesFilter f) throws SQLException {
        boolean moved = f.basis().equals("moved");
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
                .and("CATEGORY_CODE = ?", f.category()).and("SKU = ?", f.product()).and("CURRENCY = ?", f.currency());
        String sql = "SELECT " + key + ", " + name + ", CURRENCY, "
                + "SUM(CASE WHEN DIRECTION = 'SHIP' THEN QUANTITY ELSE 0 END), SUM(CASE WHEN DIRECTION = 'SHIP' THEN 0 ELSE QUANTITY END), "
                + "SUM(CASE WHEN DIRECTION = 'SHIP' THEN AMOUNT ELSE 0 END), SUM(CASE WHEN DIRECTION = 'SHIP' THEN 0 ELSE AMOUNT END) "
                + "FROM RPT_SALES_LINE" + where.where() + " GROUP BY " + key + ", CURRENCY ORDER BY " + key + ", CURRENCY";
        return Sql.list(c, sql, where.params(), rs -> new SalesRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                rs.getBigDecimal(5).negate(), rs.getBigDecimal(6), rs.getBigDecimal(7).negate()));
    }

    private Report summary(Connection c, ReportInfo info, Params p) throws SQLException {
        Period period = p.period();
        String groupBy = p.choice("groupBy", GROUPS);
        SalesFilter f = SalesFilter.read(p, null);
        p.done();
        List<SalesRow> rows = sales(c, groupBy, period, f);
        Table t = salesColumns(new Table().column("key", GROUP_TITLES.getOrDefault(groupBy, groupBy), TEXT).column("label", "名称 Name", TEXT));
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

    private Report share(Connection c, ReportInfo info, Params p) throws SQLException {
        Period period = p.period();
        String groupBy = p.choice("groupBy", GROUPS);
        SalesFilter f = SalesFilter.read(p, "CNY");
        p.done();
        List<SalesRow> rows = sales(c, groupBy, period, f);
        List<BigDecimal> quantityShares = Shares.of(rows.stream().map(SalesRow::netQuantity).toList());
        List<BigDecimal> amountShares = Shares.of(rows.stream().map(SalesRow::netAmount).toList());
        Table t = new Table().column("key", GROUP_TITLES.getOrDefault(groupBy, groupBy), TEXT).column("label", "名称 Name", TEXT).column("netQuantity", "净数量 Net qty", QUANTITY)
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

    private Report ranking(Connection c, ReportInfo info, Params p) throws SQLException {
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
        Table t = new Table().column("rank", "排名 Rank", INTEGER).column("key", GROUP_TITLES.getOrDefault(groupBy, groupBy), TEXT).column("label", "名称 Name", TEXT)
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

    private Report trend(Connection c, ReportInfo info, Params p) throws SQLException {
        Period period = p.period();
        SalesFilter f = SalesFilter.read(p, "CNY");
        p.done();
        Map<String, SalesRow> byMonth = new HashMap<>();
        sales(c, "month", period, f).forEach(r -> byMonth.put(r.key(), r));
        Table t = salesColumns(new Table().column("month", "月份 Month", TEXT));
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

    /** One product in one warehouse over a period: opening, the five kinds of movement, closing. */
    record StockRow(String sku, String warehouse, BigDecimal[] values) {
    }

    static List<StockRow> stock(Connection c, LocalDate from, LocalDate to, String warehouse, String category, String product)
            throws SQLException {
        String inPeriod = "MOVE_DAY >= ? AND ";
        String sold = "DOC_TYPE IN ('SHIPMENT', 'RETURN_RECEIPT')";
        String sql = "SELECT SKU, WAREHOUSE_CODE, SUM(CASE WHEN MOVE_DAY < ? THEN QUANTITY ELSE 0 END), "
                + "SUM(CASE WHEN " + inPeriod + "DOC_TYPE = 'PURCHASE_RECEIPT' THEN QUANTITY ELSE 0 END), "
                + "SUM(CASE WHEN " + inPeriod + "DOC_TYPE = 'PURCHASE_RETURN' THEN QUANTITY ELSE 0 END), "
                + "SUM(CASE WHEN " + inPeriod + sold + " AND QUANTITY < 0 THEN QUANTITY ELSE 0 END), "
                + "SUM(CASE WHEN " + inPeriod + sold + " AND QUANTITY > 0 THEN QUANTITY ELSE 0 END), "
                + "SUM(CASE WHEN " + inPeriod + "DOC_TYPE NOT IN ('PURCHASE_RECEIPT', 'PURCHASE_RETURN', 'SHIPMENT', 'RETURN_RECEIPT') "
                + "THEN QUANTITY ELSE 0 END), SUM(QUANTITY) FROM RPT_STOCK_MOVE";
        Sql where = new Sql().and("MOVE_DAY <= ?", to).and("WAREHOUSE_CODE = ?", warehouse).and("CATEGORY_CODE = ?", category)
                .and("SKU = ?", product);
        List<Object> params = new ArrayList<>(java.util.Collections.nCopies(6, from));
        params.addAll(where.params());
        List<StockRow> rows = new ArrayList<>();
        Sql.list(c, sql + where.where() + " GROUP BY SKU, WAREHOUSE_CODE ORDER BY SKU, WAREHOUSE_CODE", params, rs -> {
            BigDecimal[] v = new BigDecimal[7];
            boolean any = false;
            for (int i = 0; i < 7; i++) {
                v[i] = rs.getBigDecimal(3 + i);
                any |= v[i].signum() != 0;
            }
            if (any) {
                rows.add(new StockRow(rs.getString(1), rs.getString(2), v));
            }
            return null;
        });
        return rows;
    }

    /** Per product and warehouse (default), or per month of the period over every product the filters keep. */
    private Report purchaseSales(Connection c, ReportInfo info, Params p) throws SQLException {
        Period period = p.period();
        String groupBy = p.choice("groupBy", List.of("product", "month"));
        String warehouse = p.code("warehouse");
        String category = p.code("category");
        String product = p.code("product");
        p.done();
        Table t = groupBy.equals("month") ? new Table().column("month", "月份 Month", TEXT)
                : new Table().column("sku", "产品 Product", TEXT).column("warehouse", "仓库 Warehouse", TEXT);
        t.column("opening", "期初 Opening", QUANTITY).column("purchased", "采购入库 Purchased", QUANTITY)
                .column("returnedToSuppliers", "采购退货 Returned to suppliers", QUANTITY).column("sold", "销售出库 Sold", QUANTITY)
                .column("returnedByCustomers", "销售退货 Returned by customers", QUANTITY).column("adjusted", "调整/报废 Adjusted", QUANTITY)
                .column("closing", "期末 Closing", QUANTITY);
        if (groupBy.equals("product")) {
            for (StockRow r : stock(c, period.from(), period.to(), warehouse, category, product)) {
                BigDecimal[] v = r.values();
                t.row(r.sku(), r.warehouse(), v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
            }
            return t.report(info.name(), info.title(), period, p.applied(), t.sums(), null);
        }
        BigDecimal[] all = null;
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            LocalDate from = m.atDay(1).isBefore(period.from()) ? period.from() : m.atDay(1);
            LocalDate to = m.atEndOfMonth().isAfter(period.to()) ? period.to() : m.atEndOfMonth();
            BigDecimal[] v = new BigDecimal[7];
            java.util.Arrays.fill(v, BigDecimal.ZERO);
            for (StockRow r : stock(c, from, to, warehouse, category, product)) {
                for (int i = 0; i < 7; i++) {
                    v[i] = v[i].add(r.values()[i]);
                }
            }
            t.row(m.toString(), v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
            if (all == null) {
                all = v.clone();
            } else {
                for (int i = 1; i < 6; i++) {
                    all[i] = all[i].add(v[i]);
                }
                all[6] = v[6];
            }
        }
        // over the months, the totals open with the first month and close with the last
        Map<String, Object> totals = new LinkedHashMap<>();
        String[] keys = {"opening", "purchased", "returnedToSuppliers", "sold", "returnedByCustomers", "adjusted", "closing"};
        for (int i = 0; i < 7; i++) {
            totals.put(keys[i], all[i]);
        }
        return t.report(info.name(), info.title(), period, p.applied(), totals, null);
    }

    // ---- finance ----

    private Report ageing(Connection c, ReportInfo info, Params p, String partyType, String partyParam) throws SQLException {
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
        Table t = new Table().column(partyParam, partyParam.equals("customer") ? "客户 Customer" : "供应商 Supplier", TEXT)
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

    private Report statement(Connection c, ReportInfo info, Params p) throws SQLException {
        Period period = p.period();
        String customer = p.requiredCode("customer");
        String currency = p.currency("CNY");
        p.done();
        BigDecimal opening = Sql.list(c, "SELECT SUM(AMOUNT) FROM RPT_FIN_POSTING WHERE PARTY_TYPE = 'CUSTOMER' AND PARTY_CODE = ? "
                + "AND CURRENCY = ? AND DOC_DATE < ?", List.of(customer, currency, period.from()), rs -> rs.getBigDecimal(1)).get(0);
        BigDecimal balance = opening == null ? BigDecimal.ZERO.setScale(2) : opening.setScale(2);
        BigDecimal start = balance;
        Table t = new Table().column("date", "日期 Date", DATE).column("document", "单据 Document", TEXT).column("type", "类型 Type", TEXT)
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

    private Report flows(Connection c, ReportInfo info, Params p) throws SQLException {
        Period period = p.period();
        String flow = p.choice("flow", FLOWS);
        String warehouse = p.code("warehouse");
        String customer = p.code("customer");
        String supplier = p.code("supplier");
        String product = p.code("product");
        String category = p.code("category");
        String currency = p.currency(null);
        p.done();
        Table t = new Table().column("document", "单据 Document", TEXT).column("date", "日期 Date", DATE).column("party", "往来单位 Party", TEXT)
                .column("partyName", "名称 Name", TEXT).column("sku", "产品 Product", TEXT).column("productName", "品名 Product name", TEXT)
                .column("lot", "批号 Lot", TEXT).column("quantity", "数量 Quantity", QUANTITY).column("unitPrice", "单价 Price", AMOUNT)
                .column("amount", "金额 Amount", AMOUNT).column("currency", "币种 Currency", TEXT);
        if (flow.startsWith("purchase")) {
            Sql where = new Sql().and("DOC_TYPE = ?", flow.equals("purchase-receipt") ? "PURCHASE_RECEIPT" : "PURCHASE_RETURN")
                    .and("MOVE_DAY >= ?", period.from()).and("MOVE_DAY <= ?", period.to()).and("WAREHOUSE_CODE = ?", warehouse)
                    .and("PARTNER_CODE = ?", supplier).and("SKU = ?", product).and("CATEGORY_CODE = ?", category);
            Sql.list(c, "SELECT DOC_NUMBER, MOVE_DAY, PARTNER_CODE, SKU, LOT, QUANTITY FROM RPT_STOCK_MOVE" + where.where()
                    + " ORDER BY MOVE_DAY, DOC_NUMBER, LINE_NO", where.params(), rs -> t.row(rs.getString(1), Sql.date(rs, 2), rs.getString(3),
                            null, rs.getString(4), null, rs.getString(5), rs.getBigDecimal(6)));
        } else {
            Sql where = new Sql().and("CHANNEL = ?", flow.startsWith("wholesale") ? "WHOLESALE" : "RETAIL")
                    .and("DIRECTION = ?", flow.endsWith("return") ? "RETURN" : "SHIP")
                    .and("MOVED_DAY >= ?", period.from()).and("MOVED_DAY <= ?", period.to()).and("WAREHOUSE_CODE = ?", warehouse)
                    .and("CUSTOMER_CODE = ?", customer).and("SKU = ?", product).and("CATEGORY_CODE = ?", category).and("CURRENCY = ?", currency);
            Sql.list(c, "SELECT ORDER_NUMBER, MOVED_DAY, CUSTOMER_CODE, CUSTOMER_NAME, SKU, PRODUCT_NAME, LOT, QUANTITY, UNIT_PRICE, AMOUNT, "
                    + "CURRENCY FROM RPT_SALES_LINE" + where.where() + " ORDER BY MOVED_DAY, ORDER_NUMBER, LINE_NO", where.params(),
                    rs -> t.row(rs.getString(1), Sql.date(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11)));
        }
        Map<String, Object> totals = t.sums();
        totals.remove("unitPrice");
        return t.report(info.name(), info.title(), period, p.applied(), totals, null);
    }

    private Report schedule(Connection c, ReportInfo info, Params p) throws SQLException {
        LocalDate asOf = p.asOf();
        Sql where = new Sql().and("ORDER_TYPE = ?", "ORDER").and("STATUS = ?", "CONFIRMED").and("DIRECTION = ?", "SHIP")
                .and("WAREHOUSE_CODE = ?", p.code("warehouse")).and("CUSTOMER_CODE = ?", p.code("customer")).and("SKU = ?", p.code("product"))
                .and("CATEGORY_CODE = ?", p.code("category")).and("CHANNEL = ?", p.code("channel"));
        p.done();
        Table t = new Table().column("deliveryDate", "交货日期 Delivery date", DATE).column("daysOverdue", "逾期天数 Days overdue", INTEGER)
                .column("sku", "产品 Product", TEXT).column("productName", "品名 Product name", TEXT).column("quantity", "数量 Quantity", QUANTITY)
                .column("order", "订单 Order", TEXT).column("line", "行 Line", INTEGER).column("customer", "客户 Customer", TEXT)
                .column("customerName", "客户名称 Customer name", TEXT).column("warehouse", "仓库 Warehouse", TEXT);
        // no delivery date: due on the order date; overdue lines come first because they are due earliest
        Sql.list(c, "SELECT COALESCE(DELIVERY_DATE, ORDER_DATE), SKU, PRODUCT_NAME, QUANTITY, ORDER_NUMBER, LINE_NO, CUSTOMER_CODE, "
                + "CUSTOMER_NAME, WAREHOUSE_CODE FROM RPT_SALES_LINE" + where.where()
                + " ORDER BY COALESCE(DELIVERY_DATE, ORDER_DATE), SKU, ORDER_NUMBER, LINE_NO", where.params(), rs -> {
                    LocalDate due = Sql.date(rs, 1);
                    long late = java.time.temporal.ChronoUnit.DAYS.between(due, asOf);
                    return t.row(due, late > 0 ? late : 0, rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5), rs.getInt(6),
                            rs.getString(7), rs.getString(8), rs.getString(9));
                });
        return t.report(info.name(), info.title(), null, p.applied(), t.sums(), null);
    }

    private Report returns(Connection c, ReportInfo info, Params p) throws SQLException {
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
                .and("CATEGORY_CODE = ?", f.category()).and("SKU = ?", f.product()).and("CURRENCY = ?", f.currency());
        record Row(String key, BigDecimal shipped, BigDecimal returned, BigDecimal returnedAmount) {
        }
        List<Row> rows = new ArrayList<>(Sql.list(c, "SELECT " + key + ", SUM(CASE WHEN DIRECTION = 'SHIP' THEN QUANTITY ELSE 0 END), "
                + "-SUM(CASE WHEN DIRECTION = 'RETURN' THEN QUANTITY ELSE 0 END), -SUM(CASE WHEN DIRECTION = 'RETURN' THEN AMOUNT ELSE 0 END) "
                + "FROM RPT_SALES_LINE" + where.where() + " GROUP BY " + key, where.params(),
                rs -> new Row(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4))));
        rows.removeIf(r -> r.returned().signum() == 0 && !groupBy.equals("product") && !groupBy.equals("customer"));
        rows.sort(Comparator.comparing(Row::returned).reversed().thenComparing(r -> r.key() == null ? "" : r.key()));
        Table t = new Table().column("key", GROUP_TITLES.getOrDefault(groupBy, groupBy), TEXT).column("shippedQuantity", "发货数量 Shipped qty", QUANTITY)
                .column("returnedQuantity", "退货数量 Returned qty", QUANTITY).column("returnRate", "退货率 Return rate %", PERCENT)
                .column("returnedAmount", "退货金额 Returned amount", AMOUNT);
        for (Row r : rows) {
            t.row(r.key(), r.shipped(), r.returned(), rate(r.returned(), r.shipped()), r.returnedAmount());
        }
        Map<String, Object> totals = t.sums();
        totals.put("returnRate", rate((BigDecimal) totals.get("returnedQuantity"), (BigDecimal) totals.get("shippedQuantity")));
        Sql money = new Sql().and("PARTY_TYPE = ?", "CUSTOMER").and("DOC_DATE >= ?", period.from()).and("DOC_DATE <= ?", period.to())
                .and("PARTY_CODE = ?", f.customer()).and("CURRENCY = ?", f.currency());
        Sql.list(c, "SELECT POSTING_TYPE, SUM(AMOUNT) FROM RPT_FIN_POSTING" + money.where() + " AND POSTING_TYPE IN ('CREDIT_NOTE', 'REFUND') "
                + "GROUP BY POSTING_TYPE", money.params(), rs -> totals.put(rs.getString(1).equals("REFUND") ? "refunds" : "creditNotes",
                        rs.getBigDecimal(2).abs()));
        totals.putIfAbsent("creditNotes", BigDecimal.ZERO.setScale(2));
        totals.putIfAbsent("refunds", BigDecimal.ZERO.setScale(2));
        return t.report(info.name(), info.title(), period, p.applied(), totals, null);
    }

    /** {@code part} of {@code whole} in percent, two decimals; null when there is no whole. */
    static BigDecimal rate(BigDecimal part, BigDecimal whole) {
        return whole == null || whole.signum() == 0 ? null
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, java.math.RoundingMode.HALF_UP);
    }
}
