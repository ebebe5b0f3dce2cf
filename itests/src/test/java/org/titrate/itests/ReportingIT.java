package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.inject.Inject;
import javax.sql.DataSource;
import javax.xml.transform.Source;
import javax.xml.ws.Dispatch;
import javax.xml.ws.soap.SOAPFaultException;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.titrate.platform.api.events.EventLog;

/**
 * The reporting module over REST, SOAP and the shell, on data of its own: every report's numbers against SQL written
 * by hand over the SOURCE modules' tables (SAL_, INV_, FIN_) on the same data, to the cent; CSV and XLSX exports read
 * back; bad parameters refused naming them; roles refused; and a reporting module installed on a database that
 * already has history builds the same numbers from the event log.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReportingIT extends TitrateTestSupport {
    private static final String NS = "urn:titrate:reporting";
    private static final String WH = "RW-" + RUN;
    private static final String P1 = "RP1-" + RUN;
    private static final String P2 = "RP2-" + RUN;
    private static final String P3 = "RP3-" + RUN;
    private static final String A = "RCA-" + RUN;
    private static final String B = "RCB-" + RUN;
    private static final String D = "RCD-" + RUN;
    /** Orders with a custom field, is paid, returns and gets its money back: the order query and the returns' lead times. */
    private static final String E = "RCE-" + RUN;
    private static final String FIELD = "grade" + RUN;
    private static final String SUPPLIER = "RS-" + RUN;
    private static String paidOrder;
    private static String refundedReturn;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static boolean loaded;

    @Inject
    @Filter(value = "(osgi.jndi.service.name=titrate)", timeout = 300_000)
    private DataSource dataSource;

    @Inject
    @Filter(timeout = 300_000)
    private EventLog log;

    @Before
    public void data() {
        if (loaded) {
            return;
        }
        assertEquals(201, post("/warehouses", map("code", WH, "name", "上海化学工业区仓库 " + RUN, "allowNegativeStock", true)).status());
        product(P1, "氢氧化钠 片碱 99% 25kg/袋", new BigDecimal("12.34"));
        product(P2, "异丙醇 IPA 160kg/桶", new BigDecimal("99.99"));
        product(P3, "丙酮 工业级 160kg/桶", new BigDecimal("7.77"));
        customer(A, "苏州华润化工贸易有限公司");
        customer(B, "无锡恒大精细化工有限公司");
        customer(D, "常熟新材料科技有限公司");
        String first = order(A, "ship", line(P1, 10, null), line(P2, 3, null));
        order(B, "ship", line(P1, 7, null));
        order(A, "confirm", line(P2, 5, null)); // confirmed, not shipped: only on the ordered basis
        order(B, null, line(P1, 100, null));   // a draft: nowhere
        returned(A, first, P1, 2);
        assertEquals(201, post("/receipts", map("customerCode", A, "amount", new BigDecimal("100.00"), "method", "BANK_TRANSFER")).status());
        // E: an order with a custom field, paid in full, returned and refunded
        assertEquals(201, post("/custom-fields", map("entity", "sales-order", "key", FIELD, "label", "等级", "type", "TEXT")).status());
        customer(E, "昆山电子化学品有限公司");
        Reply created = post("/sales-orders", map("type", "ORDER", "customerCode", E, "warehouseCode", WH, "customFields", map(FIELD, "电子级 EL"),
                "lines", List.of(line(P2, 1, null))));
        assertEquals(created.body(), 201, created.status());
        paidOrder = created.json().path("number").asText();
        act(paidOrder, "confirm");
        act(paidOrder, "ship");
        Reply paid = post("/receipts", map("customerCode", E, "amount", new BigDecimal("99.99"), "method", "BANK_TRANSFER", "salesOrderNumber", paidOrder));
        assertEquals(paid.body(), 201, paid.status());
        refundedReturn = returned(E, paidOrder, P2, 1);
        Reply refund = post("/refunds", map("customerCode", E, "amount", new BigDecimal("99.99"), "method", "BANK_TRANSFER",
                "salesOrderNumber", refundedReturn));
        assertEquals(refund.body(), 201, refund.status());
        // a purchase of P3 at 10.50 received into the warehouse: the purchase-sales statistics' amounts
        Reply s = post("/suppliers", map("code", SUPPLIER, "name", "山东华鲁恒升化工股份有限公司 " + RUN, "paymentTermDays", 30));
        assertEquals(s.body(), 201, s.status());
        Reply po = post("/purchase-orders", map("type", "ORDER", "supplierCode", SUPPLIER, "warehouseCode", WH, "lines",
                List.of(map("sku", P3, "quantity", 20, "unitPrice", new BigDecimal("10.50")))));
        assertEquals(po.body(), 201, po.status());
        for (String action : new String[] {"confirm", "receive"}) {
            Reply r = post("/purchase-orders/" + po.json().path("number").asText() + "/" + action, map());
            assertEquals(r.body(), 200, r.status());
        }
        loaded = true;
    }

    // ---- data ----

    private void product(String sku, String name, BigDecimal price) {
        Reply r = post("/products", map("sku", sku, "name", name + " " + RUN, "unit", "袋", "listPrice", price));
        assertEquals(r.body(), 201, r.status());
    }

    private void customer(String code, String name) {
        Reply r = post("/customers", map("code", code, "name", name + " " + RUN, "status", "ACTIVE", "channel", "WHOLESALE", "paymentTermDays", 0));
        assertEquals(r.body(), 201, r.status());
    }

    private static Map<String, Object> line(String sku, int quantity, String direction) {
        Map<String, Object> l = map("sku", sku, "quantity", quantity);
        if (direction != null) {
            l.put("direction", direction);
            l.put("reasonCode", "DAMAGED");
        }
        return l;
    }

    /** An order taken as far as {@code until} (null: a draft; confirm; ship). */
    @SafeVarargs
    private String order(String customer, String until, Map<String, Object>... lines) {
        Reply created = post("/sales-orders", map("type", "ORDER", "customerCode", customer, "warehouseCode", WH, "lines", List.of(lines)));
        assertEquals(created.body(), 201, created.status());
        String number = created.json().path("number").asText();
        if (until != null) {
            act(number, "confirm");
        }
        if ("ship".equals(until)) {
            act(number, "ship");
        }
        return number;
    }

    private String returned(String customer, String source, String sku, int quantity) {
        Reply created = post("/sales-orders", map("type", "RETURN", "customerCode", customer, "warehouseCode", WH, "sourceOrderNumber", source,
                "lines", List.of(line(sku, -quantity, "RETURN"))));
        assertEquals(created.body(), 201, created.status());
        String number = created.json().path("number").asText();
        for (String action : new String[] {"submit", "approve", "receive"}) {
            act(number, action);
        }
        return number;
    }

    private void act(String number, String action) {
        Reply r = post("/sales-orders/" + number + "/" + action, map());
        assertEquals(r.body(), 200, r.status());
    }

    /** Waits until every reporting cursor has passed what the log showed when asked. */
    private void caughtUp() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> get("/reports/status").status() == 200);
        long target = get("/reports/status").json().path("logVisibleUpTo").asLong();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode cursors = get("/reports/status").json().path("cursors");
            boolean all = cursors.size() == 4;
            for (JsonNode c : cursors) {
                all &= c.asLong() >= target;
            }
            return all;
        });
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    private static BigDecimal dec(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? null : new BigDecimal(n.asText());
    }

    private static void assertCents(String what, BigDecimal expected, BigDecimal actual) {
        assertNotNull(what + ": no value", actual);
        assertEquals(what + ": " + expected + " ≠ " + actual, 0, expected.compareTo(actual));
    }

    // ---- hand-written SQL over the source tables ----

    private List<Object[]> sql(String sql, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setObject(i + 1, params[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[rs.getMetaData().getColumnCount()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZONE).toInstant());
    }

    /**
     * Net sales per key on the basis "moved": lines of orders shipped and returns received, on the business day of the
     * SHIP / RECEIVE in their history. {key → [shipped qty, returned qty, shipped amount, returned amount]}, returns positive.
     */
    private Map<String, BigDecimal[]> handSales(String keyColumn, LocalDate from, LocalDate to, String customer) throws Exception {
        String sql = "SELECT " + keyColumn + ", SUM(CASE WHEN l.DIRECTION = 'SHIP' THEN l.QUANTITY ELSE 0 END), "
                + "-SUM(CASE WHEN l.DIRECTION = 'RETURN' THEN l.QUANTITY ELSE 0 END), SUM(CASE WHEN l.DIRECTION = 'SHIP' THEN l.AMOUNT ELSE 0 END), "
                + "-SUM(CASE WHEN l.DIRECTION = 'RETURN' THEN l.AMOUNT ELSE 0 END) "
                + "FROM SAL_ORDER o JOIN SAL_ORDER_LINE l ON l.ORDER_ID = o.ID "
                + "WHERE ((o.ORDER_TYPE = 'ORDER' AND o.STATUS IN ('SHIPPED', 'CLOSED')) OR (o.ORDER_TYPE = 'RETURN' AND o.STATUS IN ('RECEIVED', 'CLOSED'))) "
                + "AND o.ID IN (SELECT h.ORDER_ID FROM SAL_ORDER_HISTORY h WHERE h.ACTION IN ('SHIP', 'RECEIVE') AND h.CHANGED_AT >= ? AND h.CHANGED_AT < ?) "
                + (customer == null ? "" : "AND o.CUSTOMER_CODE = '" + customer + "' ") + "GROUP BY " + keyColumn;
        Map<String, BigDecimal[]> found = new HashMap<>();
        for (Object[] r : sql(sql, startOf(from), startOf(to.plusDays(1)))) {
            found.put(String.valueOf(r[0]), new BigDecimal[] {(BigDecimal) r[1], (BigDecimal) r[2], (BigDecimal) r[3], (BigDecimal) r[4]});
        }
        return found;
    }

    /** Compares a sales-summary's rows with the hand-written figures, key by key, and that no key is missing. */
    private static void assertSummary(Map<String, BigDecimal[]> expected, JsonNode report) {
        Map<String, JsonNode> rows = new HashMap<>();
        report.path("rows").forEach(r -> rows.put(r.path("key").asText(), r));
        assertEquals(report.toString(), expected.keySet(), rows.keySet());
        expected.forEach((key, e) -> {
            JsonNode r = rows.get(key);
            assertCents(key + " shipped qty", e[0], dec(r.path("shippedQuantity")));
            assertCents(key + " returned qty", e[1], dec(r.path("returnedQuantity")));
            assertCents(key + " shipped amount", e[2], dec(r.path("shippedAmount")));
            assertCents(key + " returned amount", e[3], dec(r.path("returnedAmount")));
            assertCents(key + " net amount", e[2].subtract(e[3]), dec(r.path("netAmount")));
        });
    }

    // ---- the reports against the source tables ----

    @Test
    public void salesSummaryAgreesWithTheSourceTablesToTheCent() throws Exception {
        caughtUp();
        LocalDate first = today().withDayOfMonth(1);
        LocalDate last = today().with(TemporalAdjusters.lastDayOfMonth());
        JsonNode all = get("/reports/sales-summary").json();
        assertEquals(first.toString(), all.path("from").asText());
        assertEquals(last.toString(), all.path("to").asText());
        assertEquals("product", all.path("filters").path("groupBy").asText());
        assertSummary(handSales("l.SKU", first, last, null), all);

        JsonNode a = get("/reports/sales-summary?groupBy=product&customer=" + A + "&from=" + today() + "&to=" + today()).json();
        assertEquals(A, a.path("filters").path("customer").asText());
        assertSummary(handSales("l.SKU", today(), today(), A), a);
        // A: 10 × 12.34 + 3 × 99.99 shipped, 2 × 12.34 back
        Map<String, JsonNode> rows = new HashMap<>();
        a.path("rows").forEach(r -> rows.put(r.path("key").asText(), r));
        assertCents("A's net P1", new BigDecimal("98.72"), dec(rows.get(P1).path("netAmount")));
        assertCents("A's net total", new BigDecimal("398.69"), dec(a.path("totals").path("netAmount")));

        JsonNode byCustomer = get("/reports/sales-summary?groupBy=customer").json();
        assertSummary(handSales("o.CUSTOMER_CODE", first, last, null), byCustomer);
        assertEquals(byCustomer.path("rows").size(), byCustomer.path("chart").path("categories").size());
        assertEquals("bar", byCustomer.path("chart").path("series").get(0).path("type").asText());
    }

    @Test
    public void theOrderedBasisCountsConfirmedOrdersByOrderDate() throws Exception {
        caughtUp();
        JsonNode a = get("/reports/sales-summary?basis=ordered&customer=" + A).json();
        List<Object[]> hand = sql("SELECT l.SKU, SUM(l.AMOUNT) FROM SAL_ORDER o JOIN SAL_ORDER_LINE l ON l.ORDER_ID = o.ID "
                + "WHERE o.CUSTOMER_CODE = ? AND o.ORDER_DATE >= ? AND o.ORDER_DATE <= ? AND ((o.ORDER_TYPE = 'ORDER' AND o.STATUS IN "
                + "('CONFIRMED', 'SHIPPED', 'CLOSED')) OR (o.ORDER_TYPE = 'RETURN' AND o.STATUS IN ('APPROVED', 'RECEIVED', 'CLOSED'))) "
                + "GROUP BY l.SKU", A, java.sql.Date.valueOf(today().withDayOfMonth(1)),
                java.sql.Date.valueOf(today().with(TemporalAdjusters.lastDayOfMonth())));
        Map<String, BigDecimal> net = new HashMap<>();
        a.path("rows").forEach(r -> net.put(r.path("key").asText(), dec(r.path("netAmount"))));
        assertEquals(hand.size(), net.size());
        for (Object[] h : hand) {
            assertCents("ordered " + h[0], (BigDecimal) h[1], net.get((String) h[0]));
        }
        // the confirmed but unshipped 5 × 99.99 counts here, not on the moved basis
        assertCents("A's ordered P2", new BigDecimal("799.92"), net.get(P2));
    }

    @Test
    public void sharesAddUpToExactlyOneHundredPercent() throws Exception {
        caughtUp();
        JsonNode share = get("/reports/sales-share?groupBy=customer&product=" + P1).json();
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal quantity = BigDecimal.ZERO;
        for (JsonNode r : share.path("rows")) {
            amount = amount.add(dec(r.path("amountShare")));
            quantity = quantity.add(dec(r.path("quantityShare")));
        }
        assertEquals(new BigDecimal("100.00"), amount);
        assertEquals(new BigDecimal("100.00"), quantity);
        assertEquals("pie", share.path("chart").path("series").get(0).path("type").asText());
        Map<String, BigDecimal[]> hand = handSales("o.CUSTOMER_CODE", today().withDayOfMonth(1), today().with(TemporalAdjusters.lastDayOfMonth()), null);
        for (JsonNode r : share.path("rows")) {
            assertTrue(r.toString(), hand.containsKey(r.path("key").asText()));
        }
    }

    @Test
    public void rankingShowsTheTopAndThePreviousPeriodsRank() throws Exception {
        caughtUp();
        JsonNode ranking = get("/reports/sales-ranking?groupBy=customer&product=" + P1 + "&top=1").json();
        assertEquals(ranking.toString(), 1, ranking.path("rows").size());
        JsonNode top = ranking.path("rows").get(0);
        assertEquals(1, top.path("rank").asInt());
        assertEquals(A, top.path("key").asText()); // A: 8 × 12.34 = 98.72 against B's 7 × 12.34
        assertCents("A's net", new BigDecimal("98.72"), dec(top.path("netAmount")));
        assertTrue(top.path("previousRank").isNull()); // nothing of these products before this month
        // the public contract's spelling: "by" the grouping, "limit" the places
        JsonNode contract = get("/reports/sales-ranking?by=customer&limit=1&product=" + P1).json();
        assertEquals(contract.toString(), A, contract.path("rows").get(0).path("key").asText());
        assertEquals(1, contract.path("rows").size());
        JsonNode both = get("/reports/sales-ranking?groupBy=customer&product=" + P1 + "&measure=quantity").json();
        assertEquals(2, both.path("rows").size());
        assertEquals(B, both.path("rows").get(1).path("key").asText());
        LocalDate from = today().withDayOfMonth(1);
        int days = today().lengthOfMonth();
        assertEquals(from.minusDays(days).toString(), both.path("filters").path("previousFrom").asText());
        assertEquals(from.minusDays(1).toString(), both.path("filters").path("previousTo").asText());
    }

    @Test
    public void purchaseSalesCloseOnTheLedgerBalance() throws Exception {
        caughtUp();
        JsonNode stats = get("/reports/purchase-sales?warehouse=" + WH).json();
        List<Object[]> skus = sql("SELECT COUNT(DISTINCT SKU) FROM INV_MOVEMENT WHERE WAREHOUSE_CODE = ? AND POSTED_AT < ?", WH,
                startOf(today().with(TemporalAdjusters.lastDayOfMonth()).plusDays(1)));
        assertEquals(((Number) skus.get(0)[0]).intValue(), stats.path("rows").size());
        for (JsonNode r : stats.path("rows")) {
            BigDecimal opening = dec(r.path("opening"));
            BigDecimal moved = dec(r.path("purchased")).add(dec(r.path("returnedToSuppliers"))).add(dec(r.path("sold")))
                    .add(dec(r.path("returnedByCustomers"))).add(dec(r.path("adjusted")));
            assertCents("closing = opening + movements", opening.add(moved), dec(r.path("closing")));
            List<Object[]> ledger = sql("SELECT SUM(QUANTITY) FROM INV_MOVEMENT WHERE SKU = ? AND WAREHOUSE_CODE = ? AND POSTED_AT < ?",
                    r.path("sku").asText(), WH, startOf(today().with(TemporalAdjusters.lastDayOfMonth()).plusDays(1)));
            assertCents("closing = ledger " + r.path("sku").asText(), (BigDecimal) ledger.get(0)[0], dec(r.path("closing")));
        }
        Map<String, JsonNode> rows = new HashMap<>();
        stats.path("rows").forEach(r -> rows.put(r.path("sku").asText(), r));
        JsonNode month = get("/reports/purchase-sales?groupBy=month&warehouse=" + WH).json();
        assertEquals(1, month.path("rows").size());
        assertCents("the month closes on the products' closings", dec(stats.path("totals").path("closing")),
                dec(month.path("rows").get(0).path("closing")));
        assertCents("P1 sold", new BigDecimal("-17"), dec(rows.get(P1).path("sold")));
        assertCents("P1 back", new BigDecimal("2"), dec(rows.get(P1).path("returnedByCustomers")));
    }

    @Test
    public void statementAndAgeingAgreeWithTheFinanceLedger() throws Exception {
        caughtUp();
        JsonNode st = get("/reports/statement?customer=" + A).json();
        List<Object[]> hand = sql("SELECT COALESCE(SUM(AMOUNT), 0) FROM FIN_POSTING WHERE PARTY_TYPE = 'CUSTOMER' AND PARTY_CODE = ? "
                + "AND CURRENCY = 'CNY' AND DOCUMENT_DATE <= ?", A, java.sql.Date.valueOf(today().with(TemporalAdjusters.lastDayOfMonth())));
        assertCents("closing", (BigDecimal) hand.get(0)[0], dec(st.path("totals").path("closing")));
        assertCents("closing = 398.69 − 100.00", new BigDecimal("298.69"), dec(st.path("totals").path("closing")));
        List<Object[]> count = sql("SELECT COUNT(*) FROM FIN_POSTING WHERE PARTY_CODE = ?", A);
        assertEquals(((Number) count.get(0)[0]).intValue(), st.path("rows").size());
        JsonNode lastRow = st.path("rows").get(st.path("rows").size() - 1);
        assertCents("running balance", dec(st.path("totals").path("closing")), dec(lastRow.path("balance")));

        LocalDate later = today().plusDays(45);
        JsonNode ageing = get("/reports/receivables-ageing?customer=" + A + "&asOf=" + later).json();
        assertEquals(ageing.toString(), 1, ageing.path("rows").size());
        JsonNode r = ageing.path("rows").get(0);
        assertCents("31-60", new BigDecimal("298.69"), dec(r.path("days31to60")));
        assertCents("total", new BigDecimal("298.69"), dec(r.path("total")));
        JsonNode now = get("/reports/receivables-ageing?customer=" + A).json();
        assertCents("not due today", new BigDecimal("298.69"), dec(now.path("rows").get(0).path("notDue")));
    }

    @Test
    public void flowsScheduleAndReturnsAgreeWithTheSourceTables() throws Exception {
        caughtUp();
        LocalDate first = today().withDayOfMonth(1);
        LocalDate last = today().with(TemporalAdjusters.lastDayOfMonth());
        for (String flow : new String[] {"wholesale", "wholesale-return"}) {
            JsonNode r = get("/reports/flows?flow=" + flow + "&customer=" + A).json();
            List<Object[]> hand = sql("SELECT COUNT(*), COALESCE(SUM(l.AMOUNT), 0) FROM SAL_ORDER o JOIN SAL_ORDER_LINE l ON l.ORDER_ID = o.ID "
                    + "WHERE o.CUSTOMER_CODE = ? AND o.CHANNEL = 'WHOLESALE' AND l.DIRECTION = ? AND ((o.ORDER_TYPE = 'ORDER' AND o.STATUS IN "
                    + "('SHIPPED', 'CLOSED')) OR (o.ORDER_TYPE = 'RETURN' AND o.STATUS IN ('RECEIVED', 'CLOSED'))) AND o.ID IN (SELECT h.ORDER_ID "
                    + "FROM SAL_ORDER_HISTORY h WHERE h.ACTION IN ('SHIP', 'RECEIVE') AND h.CHANGED_AT >= ? AND h.CHANGED_AT < ?)",
                    A, flow.endsWith("return") ? "RETURN" : "SHIP", startOf(first), startOf(last.plusDays(1)));
            assertEquals(flow, ((Number) hand.get(0)[0]).intValue(), r.path("rows").size());
            assertCents(flow + " amount", (BigDecimal) hand.get(0)[1], dec(r.path("totals").path("amount")));
        }
        assertCents("A's return", new BigDecimal("-24.68"), dec(get("/reports/flows?flow=wholesale-return&customer=" + A).json()
                .path("totals").path("amount")));
        assertTrue(get("/reports/flows?flow=retail&customer=" + A).json().path("rows").isEmpty());

        JsonNode schedule = get("/reports/delivery-schedule?customer=" + A).json();
        List<Object[]> open = sql("SELECT COUNT(*), SUM(l.QUANTITY) FROM SAL_ORDER o JOIN SAL_ORDER_LINE l ON l.ORDER_ID = o.ID "
                + "WHERE o.CUSTOMER_CODE = ? AND o.ORDER_TYPE = 'ORDER' AND o.STATUS = 'CONFIRMED' AND l.DIRECTION = 'SHIP'", A);
        assertEquals(((Number) open.get(0)[0]).intValue(), schedule.path("rows").size());
        assertCents("open quantity", (BigDecimal) open.get(0)[1], dec(schedule.path("totals").path("quantity")));
        assertEquals(P2, schedule.path("rows").get(0).path("sku").asText());
        JsonNode overdue = get("/reports/delivery-schedule?customer=" + A + "&asOf=" + today().plusDays(3)).json();
        assertEquals(3, overdue.path("rows").get(0).path("daysOverdue").asInt());

        JsonNode returns = get("/reports/returns?customer=" + A).json();
        Map<String, BigDecimal[]> hand = handSales("l.SKU", first, last, A);
        Map<String, JsonNode> rows = new HashMap<>();
        returns.path("rows").forEach(r -> rows.put(r.path("key").asText(), r));
        assertEquals(hand.keySet(), rows.keySet());
        hand.forEach((sku, h) -> {
            assertCents(sku + " shipped", h[0], dec(rows.get(sku).path("shippedQuantity")));
            assertCents(sku + " returned", h[1], dec(rows.get(sku).path("returnedQuantity")));
        });
        assertCents("P1 return rate", new BigDecimal("20.00"), dec(rows.get(P1).path("returnRate")));
        assertEquals(P1, returns.path("rows").get(0).path("key").asText()); // ranked by returned quantity
        List<Object[]> credits = sql("SELECT -SUM(AMOUNT) FROM FIN_POSTING WHERE PARTY_CODE = ? AND TYPE = 'CREDIT_NOTE'", A);
        assertCents("credit notes", (BigDecimal) credits.get(0)[0], dec(returns.path("totals").path("creditNotes")));
        JsonNode reasons = get("/reports/returns?groupBy=reason&customer=" + A).json();
        assertEquals("DAMAGED", reasons.path("rows").get(0).path("key").asText());
    }

    // ---- order query, amounts, lead times ----

    @Test
    public void theOrderQueryShowsCustomFieldsAndWhatIsPaid() throws Exception {
        caughtUp();
        LocalDate first = today().withDayOfMonth(1);
        LocalDate last = today().with(TemporalAdjusters.lastDayOfMonth());
        JsonNode r = get("/reports/orders?customer=" + E).json();
        List<Object[]> hand = sql("SELECT COUNT(*), SUM(l.AMOUNT) FROM SAL_ORDER o JOIN SAL_ORDER_LINE l ON l.ORDER_ID = o.ID "
                + "WHERE o.CUSTOMER_CODE = ? AND o.ORDER_DATE >= ? AND o.ORDER_DATE <= ?", E, java.sql.Date.valueOf(first), java.sql.Date.valueOf(last));
        assertEquals(r.toString(), ((Number) hand.get(0)[0]).intValue(), r.path("rows").size());
        assertCents("amount", (BigDecimal) hand.get(0)[1], dec(r.path("totals").path("amount")));
        boolean column = false;
        for (JsonNode c : r.path("columns")) {
            column |= c.path("key").asText().equals("cf." + FIELD);
        }
        assertTrue(r.path("columns").toString(), column);
        JsonNode order = null;
        for (JsonNode row : r.path("rows")) {
            if (row.path("order").asText().equals(paidOrder)) {
                order = row;
            }
        }
        assertNotNull(r.toString(), order);
        assertEquals("电子级 EL", order.path("cf." + FIELD).asText());
        List<Object[]> settled = sql("SELECT p.AMOUNT - COALESCE(o.OPEN_AMOUNT, 0), COALESCE(o.OPEN_AMOUNT, 0) FROM FIN_POSTING p "
                + "LEFT JOIN FIN_OPEN_ITEM o ON o.POSTING_ID = p.ID WHERE p.PARTY_TYPE = 'CUSTOMER' AND p.DOCUMENT_NUMBER = ?", paidOrder);
        assertCents("paid", (BigDecimal) settled.get(0)[0], dec(order.path("paidAmount")));
        assertCents("outstanding", (BigDecimal) settled.get(0)[1], dec(order.path("outstandingAmount")));
        assertCents("paid in full", new BigDecimal("99.99"), dec(order.path("paidAmount")));
        assertEquals(1, get("/reports/orders?customer=" + E + "&type=RETURN").json().path("rows").size());
        assertEquals(List.of("status"), assertProblem(400, get("/reports/orders?status=LOST")).errorFields());
    }

    @Test
    public void purchaseSalesValueTheMovementsAtTheDocumentsPrices() throws Exception {
        caughtUp();
        LocalDate first = today().withDayOfMonth(1);
        LocalDate last = today().with(TemporalAdjusters.lastDayOfMonth());
        JsonNode p3 = get("/reports/purchase-sales?warehouse=" + WH + "&product=" + P3).json();
        List<Object[]> bought = sql("SELECT SUM(m.QUANTITY * l.UNIT_PRICE) FROM INV_MOVEMENT m JOIN PUR_ORDER o ON o.NUMBER = m.DOC_NUMBER "
                + "JOIN PUR_ORDER_LINE l ON l.ORDER_ID = o.ID AND l.LINE_NO = m.LINE_NO WHERE m.DOC_TYPE = 'PURCHASE_RECEIPT' AND m.WAREHOUSE_CODE = ? "
                + "AND m.SKU = ? AND m.POSTED_AT >= ? AND m.POSTED_AT < ?", WH, P3, startOf(first), startOf(last.plusDays(1)));
        assertCents("P3 purchased amount", ((BigDecimal) bought.get(0)[0]).setScale(2, java.math.RoundingMode.HALF_UP),
                dec(p3.path("rows").get(0).path("purchasedAmount")));
        assertCents("20 × 10.50", new BigDecimal("210.00"), dec(p3.path("totals").path("purchasedAmount")));
        JsonNode p1 = get("/reports/purchase-sales?warehouse=" + WH + "&product=" + P1).json().path("rows").get(0);
        String sold = "SELECT SUM(m.QUANTITY * l.UNIT_PRICE) FROM INV_MOVEMENT m JOIN SAL_ORDER o ON o.ORDER_NUMBER = m.DOC_NUMBER "
                + "JOIN SAL_ORDER_LINE l ON l.ORDER_ID = o.ID AND l.LINE_NO = m.LINE_NO WHERE m.DOC_TYPE IN ('SHIPMENT', 'RETURN_RECEIPT') "
                + "AND m.WAREHOUSE_CODE = ? AND m.SKU = ? AND m.POSTED_AT >= ? AND m.POSTED_AT < ? AND m.QUANTITY ";
        assertCents("P1 sold amount", (BigDecimal) sql(sold + "< 0", WH, P1, startOf(first), startOf(last.plusDays(1))).get(0)[0],
                dec(p1.path("soldAmount")));
        assertCents("P1 returned amount", (BigDecimal) sql(sold + "> 0", WH, P1, startOf(first), startOf(last.plusDays(1))).get(0)[0],
                dec(p1.path("returnedByCustomersAmount")));
        assertCents("17 × 12.34 out", new BigDecimal("-209.78"), dec(p1.path("soldAmount")));
    }

    @Test
    public void returnsShowTheDaysToReceiptAndToRefund() throws Exception {
        caughtUp();
        JsonNode r = get("/reports/returns?customer=" + E).json();
        List<Object[]> hand = sql("SELECT s.CHANGED_AT, v.CHANGED_AT, (SELECT MIN(f.DOCUMENT_DATE) FROM FIN_POSTING f WHERE f.TYPE = 'REFUND' "
                + "AND f.ORDER_NUMBER = o.ORDER_NUMBER) FROM SAL_ORDER o JOIN SAL_ORDER_HISTORY s ON s.ORDER_ID = o.ID AND s.ACTION = 'SUBMIT' "
                + "JOIN SAL_ORDER_HISTORY v ON v.ORDER_ID = o.ID AND v.ACTION = 'RECEIVE' WHERE o.ORDER_NUMBER = ?", refundedReturn);
        LocalDate submitted = ((Timestamp) hand.get(0)[0]).toInstant().atZone(ZONE).toLocalDate();
        LocalDate received = ((Timestamp) hand.get(0)[1]).toInstant().atZone(ZONE).toLocalDate();
        LocalDate refunded = ((java.sql.Date) hand.get(0)[2]).toLocalDate();
        JsonNode p2 = r.path("rows").get(0);
        assertEquals(r.toString(), P2, p2.path("key").asText());
        assertEquals(1, p2.path("returns").asInt());
        assertCents("days to receipt", BigDecimal.valueOf(java.time.temporal.ChronoUnit.DAYS.between(submitted, received)),
                dec(p2.path("daysToReceipt")));
        assertCents("days to refund", BigDecimal.valueOf(java.time.temporal.ChronoUnit.DAYS.between(submitted, refunded)),
                dec(p2.path("daysToRefund")));
        assertCents("the totals' average", dec(p2.path("daysToRefund")), dec(r.path("totals").path("daysToRefund")));
        assertCents("refunds", new BigDecimal("99.99"), dec(r.path("totals").path("refunds")));
    }

    // ---- the main lists, exported ----

    @Test
    public void theMainListsAgreeWithTheSourceTablesAndExport() throws Exception {
        caughtUp();
        LocalDate first = today().withDayOfMonth(1);
        LocalDate last = today().with(TemporalAdjusters.lastDayOfMonth());
        // stock movements of the warehouse this month, as CSV: a header, one line per ledger entry, the totals
        HttpResponse<byte[]> csv = bytes("/reports/stock-movements?warehouse=" + WH + "&format=csv", "admin", adminPassword, null);
        assertEquals(200, csv.statusCode());
        String[] lines = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8).split("\r\n");
        List<Object[]> moves = sql("SELECT COUNT(*), SUM(QUANTITY) FROM INV_MOVEMENT WHERE WAREHOUSE_CODE = ? AND POSTED_AT >= ? AND POSTED_AT < ?",
                WH, startOf(first), startOf(last.plusDays(1)));
        assertEquals(String.join("\n", lines), ((Number) moves.get(0)[0]).intValue() + 2, lines.length);
        assertTrue(lines[lines.length - 1], lines[lines.length - 1].startsWith("合计 Total,"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("stock-movements_" + first + "_" + last + ".csv"));

        // stock on hand, per product, lot and status, as the ledger's sums
        JsonNode stock = get("/reports/stock?warehouse=" + WH).json();
        List<Object[]> onHand = sql("SELECT COUNT(*) FROM (SELECT SKU, LOT, STATUS FROM INV_MOVEMENT WHERE WAREHOUSE_CODE = ? "
                + "GROUP BY SKU, LOT, STATUS HAVING SUM(QUANTITY) <> 0) s", WH);
        assertEquals(stock.toString(), ((Number) onHand.get(0)[0]).intValue(), stock.path("rows").size());
        List<Object[]> held = sql("SELECT SUM(QUANTITY) FROM INV_MOVEMENT WHERE WAREHOUSE_CODE = ?", WH);
        assertCents("on hand", (BigDecimal) held.get(0)[0], dec(stock.path("totals").path("quantity")));

        // receivables of A and the refunds register of E, against the finance ledger
        JsonNode receivables = get("/reports/receivables?customer=" + A).json();
        List<Object[]> invoiced = sql("SELECT SUM(AMOUNT) FROM FIN_POSTING WHERE PARTY_CODE = ? AND TYPE IN ('INVOICE', 'CREDIT_NOTE')", A);
        assertCents("receivables", (BigDecimal) invoiced.get(0)[0], dec(receivables.path("totals").path("amount")));
        JsonNode refunds = get("/reports/money?kind=refunds&party=" + E).json();
        assertEquals(1, refunds.path("rows").size());
        assertCents("refunded", new BigDecimal("99.99"), dec(refunds.path("totals").path("amount")));
        assertEquals(List.of("kind"), assertProblem(400, get("/reports/money?kind=cash")).errorFields());

        // the order query as XLSX: one sheet row per line after the header, the custom field's Chinese value inline
        HttpResponse<byte[]> xlsx = bytes("/reports/orders?customer=" + E + "&format=xlsx", "admin", adminPassword, null);
        assertEquals(200, xlsx.statusCode());
        String sheet = sheet(xlsx.body());
        int rows = get("/reports/orders?customer=" + E).json().path("rows").size();
        assertEquals(sheet, rows + 2, sheet.split("<row ").length - 1);
        assertTrue(sheet, unescape(sheet).contains("电子级 EL"));
        assertTrue(sheet, sheet.contains("state=\"frozen\""));

        // the lists export from their own paths too, with their own filter names, as the same reports
        HttpResponse<byte[]> listCsv = bytes("/stock-movements?warehouseCode=" + WH + "&format=csv&limit=5", "admin", adminPassword, null);
        assertEquals(200, listCsv.statusCode());
        assertEquals(String.join("\n", lines), new String(csv.body(), StandardCharsets.UTF_8), new String(listCsv.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> listXlsx = bytes("/sales-orders?customerCode=" + E, "admin", adminPassword,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertEquals(200, listXlsx.statusCode());
        assertEquals(sheet, sheet(listXlsx.body()));
        HttpResponse<byte[]> listRefunds = bytes("/refunds?customerCode=" + E + "&format=csv", "admin", adminPassword, null);
        assertEquals(200, listRefunds.statusCode());
        assertTrue(new String(listRefunds.body(), StandardCharsets.UTF_8).contains("99.99"));
        // a list filter the export cannot apply is refused by name, never dropped
        HttpResponse<byte[]> lot = bytes("/stock-movements?warehouseCode=" + WH + "&lot=L1&format=csv", "admin", adminPassword, null);
        assertEquals(400, lot.statusCode());
        assertTrue(new String(lot.body(), StandardCharsets.UTF_8), new String(lot.body(), StandardCharsets.UTF_8).contains("\"field\":\"lot\""));
        // and a list read as JSON stays the list
        assertEquals(200, get("/stock-movements?warehouseCode=" + WH + "&limit=1").status());
    }

    /** The first worksheet's XML of an XLSX file. */
    private static String sheet(byte[] xlsx) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    public void theOpenApiDocumentDescribesTheReportsAndTheirChart() {
        JsonNode doc = get("/openapi.json").json();
        JsonNode ok = doc.path("paths").path("/reports/{name}").path("get").path("responses").path("200");
        assertEquals(ok.toString(), "#/components/schemas/Report", ok.path("content").path("application/json").path("schema").path("$ref").asText());
        assertTrue(ok.toString(), ok.path("content").has("text/csv"));
        assertTrue(ok.path("description").asText(), ok.path("description").asText().contains("ECharts"));
        JsonNode chart = doc.path("components").path("schemas").path("Chart").path("properties");
        assertEquals("#/components/schemas/ChartSeries", chart.path("series").path("items").path("$ref").asText());
        assertEquals("number", doc.path("components").path("schemas").path("ChartSeries").path("properties").path("data").path("items")
                .path("type").asText());
    }

    // ---- exports ----

    private static HttpResponse<byte[]> bytes(String path, String user, String password, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1" + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    public void csvHasAByteOrderMarkAndTheChineseNames() throws Exception {
        caughtUp();
        HttpResponse<byte[]> csv = bytes("/reports/sales-summary?groupBy=customer&customer=" + A + "&format=csv", "admin", adminPassword, null);
        assertEquals(200, csv.statusCode());
        byte[] body = csv.body();
        assertEquals((byte) 0xEF, body[0]);
        assertEquals((byte) 0xBB, body[1]);
        assertEquals((byte) 0xBF, body[2]);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertTrue(text, text.contains("苏州华润化工贸易有限公司 " + RUN));
        assertTrue(text, text.contains(",398.69"));
        String disposition = csv.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition, disposition.contains("filename=\"sales-summary_" + today().withDayOfMonth(1)));
        assertTrue(disposition, disposition.contains("filename*=UTF-8''%E9%94%80%E9%87%8F%E6%B1%87%E6%80%BB_")); // 销量汇总
        HttpResponse<byte[]> byAccept = bytes("/reports/sales-summary?customer=" + A, "admin", adminPassword, "text/csv");
        assertEquals(200, byAccept.statusCode());
        assertEquals((byte) 0xEF, byAccept.body()[0]);
    }

    @Test
    public void xlsxHasNumbersAFrozenHeaderAndReadsBack() throws Exception {
        caughtUp();
        HttpResponse<byte[]> xlsx = bytes("/reports/sales-summary?groupBy=customer&customer=" + A, "admin", adminPassword,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertEquals(200, xlsx.statusCode());
        String sheet;
        String strings = "";
        java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx.body());
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry s = zip.getEntry("xl/worksheets/sheet1.xml");
                assertNotNull("no sheet", s);
                sheet = new String(zip.getInputStream(s).readAllBytes(), StandardCharsets.UTF_8);
                ZipEntry shared = zip.getEntry("xl/sharedStrings.xml");
                if (shared != null) {
                    strings = new String(zip.getInputStream(shared).readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertTrue(sheet, sheet.contains("state=\"frozen\""));
        // the net amount is a number cell (no t="s" / inlineStr), with its value
        assertTrue(sheet, sheet.matches("(?s).*<c r=\"I2\"(?![^>]*t=\"(s|inlineStr|str)\")[^>]*><v>398\\.69</v>.*"));
        String text = unescape(sheet + strings);
        assertTrue(text, text.contains("苏州华润化工贸易有限公司 " + RUN));
        assertTrue(text, text.contains("净金额"));
        assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse("").contains(".xlsx"));
    }

    /** The XML's numeric character references as the characters they stand for. */
    private static String unescape(String xml) {
        return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml)
                .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
    }

    // ---- refusals ----

    @Test
    public void badParametersAreRefusedNamingThem() {
        assertEquals(List.of("from"), assertProblem(400, get("/reports/sales-summary?from=2026-13-01")).errorFields());
        assertEquals(List.of("to"), assertProblem(400, get("/reports/sales-summary?from=2026-03-01&to=2026-02-01")).errorFields());
        assertEquals(List.of("to"), assertProblem(400, get("/reports/sales-summary?from=2010-01-01&to=2025-01-01")).errorFields());
        assertEquals(List.of("groupBy"), assertProblem(400, get("/reports/sales-summary?groupBy=colour")).errorFields());
        assertEquals(List.of("basis"), assertProblem(400, get("/reports/sales-summary?basis=invoiced")).errorFields());
        assertEquals(List.of("top"), assertProblem(400, get("/reports/sales-ranking?top=0")).errorFields());
        assertEquals(List.of("asOf"), assertProblem(400, get("/reports/receivables-ageing?asOf=soon")).errorFields());
        assertEquals(List.of("customer"), assertProblem(400, get("/reports/statement")).errorFields());
        assertEquals(List.of("format"), assertProblem(400, get("/reports/sales-summary?format=pdf")).errorFields());
        assertEquals(List.of("colour"), assertProblem(400, get("/reports/sales-summary?colour=red")).errorFields());
        assertProblem(404, get("/reports/no-such-report"));
    }

    @Test
    public void rolesDecideWhoReadsWhichReport() throws Exception {
        String warehouse = "rw-" + RUN.toLowerCase();
        String wp = createUser(warehouse, "warehouse");
        String sales = "rs-" + RUN.toLowerCase();
        String sp = createUser(sales, "sales");
        String viewer = "rv-" + RUN.toLowerCase();
        String vp = createUser(viewer, "viewer");
        assertProblem(403, http("GET", "/reports/sales-summary", warehouse, wp, null, Map.of()));
        assertEquals(200, http("GET", "/reports/purchase-sales", warehouse, wp, null, Map.of()).status());
        assertEquals(200, http("GET", "/reports/sales-summary", sales, sp, null, Map.of()).status());
        assertProblem(403, http("GET", "/reports/statement?customer=" + A, sales, sp, null, Map.of()));
        assertProblem(403, http("GET", "/reports/purchase-sales", sales, sp, null, Map.of()));
        assertEquals(200, http("GET", "/reports/statement?customer=" + A, viewer, vp, null, Map.of()).status());
        assertEquals(200, http("GET", "/reports/purchase-sales", viewer, vp, null, Map.of()).status());
        assertEquals(403, bytes("/reports/sales-summary?format=xlsx", warehouse, wp, null).statusCode());
        // a list's export has the report's roles: the warehouse reads stock movements but not the receivables
        assertEquals(200, bytes("/stock-movements?format=csv", warehouse, wp, null).statusCode());
        assertEquals(403, bytes("/receivables?format=csv", warehouse, wp, null).statusCode());
        assertEquals(200, http("GET", "/reports/delivery-schedule", warehouse, wp, null, Map.of()).status());
        assertTrue(shell(warehouse, wp, "titrate:report purchase-sales").contains("期初"));
        String refused;
        try {
            refused = shell(warehouse, wp, "titrate:report sales-summary");
        } catch (Exception e) {
            refused = String.valueOf(e.getMessage());
        }
        assertTrue(refused, refused.contains("do not include one that reads sales-summary"));
        Dispatch<Source> d = soapClient("ReportService", NS, sales, sp);
        try {
            soapCall(d, "<r:getReceivablesAgeing xmlns:r='" + NS + "'/>");
            throw new AssertionError("sales read the receivables ageing over SOAP");
        } catch (SOAPFaultException e) {
            assertTrue(e.getMessage(), e.getFault().getDetail() == null || e.getFault().getDetail().getTextContent().contains("403"));
        }
    }

    // ---- SOAP and shell ----

    @Test
    public void soapAnswersTheSameNumbers() throws Exception {
        caughtUp();
        Dispatch<Source> d = soapClient("ReportService", NS, "admin", adminPassword);
        String summary = soapCall(d, "<r:getSalesSummary xmlns:r='" + NS + "'><from>" + today() + "</from><to>" + today()
                + "</to><groupBy>customer</groupBy></r:getSalesSummary>");
        assertTrue(summary, summary.contains("<key>key</key><value>" + A + "</value>"));
        assertTrue(summary, summary.contains("苏州华润化工贸易有限公司 " + RUN));
        String statement = soapCall(d, "<r:getStatementOfAccount xmlns:r='" + NS + "'><customerCode>" + A + "</customerCode></r:getStatementOfAccount>");
        assertTrue(statement, statement.contains("<key>closing</key><value>298.69</value>"));
        String ageing = soapCall(d, "<r:getReceivablesAgeing xmlns:r='" + NS + "'><asOf>" + today() + "</asOf></r:getReceivablesAgeing>");
        assertTrue(ageing, ageing.contains("<value>" + A + "</value>"));
        try {
            soapCall(d, "<r:getSalesSummary xmlns:r='" + NS + "'><groupBy>colour</groupBy></r:getSalesSummary>");
            throw new AssertionError("a bad groupBy passed");
        } catch (SOAPFaultException e) {
            assertEquals("Client", e.getFault().getFaultCodeAsQName().getLocalPart());
            assertTrue(e.getFault().getDetail().getTextContent(), e.getFault().getDetail().getTextContent().contains("groupBy"));
        }
    }

    @Test
    public void theShellPrintsAnAlignedTable() throws Exception {
        caughtUp();
        String out = shell("admin", adminPassword, "titrate:report sales-summary --group-by customer --customer " + A);
        assertTrue(out, out.contains("苏州华润化工贸易有限公司 " + RUN));
        assertTrue(out, out.contains("398.69"));
        String[] lines = out.split("\n");
        int header = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("净金额")) {
                header = i;
            }
        }
        assertTrue(out, header >= 0 && lines.length > header + 2);
        String bad;
        try {
            bad = shell("admin", adminPassword, "titrate:report sales-ranking --top 0");
        } catch (Exception e) {
            bad = String.valueOf(e.getMessage());
        }
        assertTrue(bad, bad.contains("top"));
    }

    // ---- installed late ----

    @Test
    public void installedLateItBuildsTheSameNumbersFromTheLogsHistory() throws Exception {
        caughtUp();
        shell("admin", adminPassword, "feature:uninstall titrate-reporting");
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/reports/status").status() == 404);
        // the others serve on, and business goes on without reporting
        order(D, "ship", line(P3, 4, null));
        // a database that never had reporting: no read models, no cursors
        try (Connection c = dataSource.getConnection()) {
            for (String table : new String[] {"RPT_SALES_LINE", "RPT_STOCK_MOVE", "RPT_FIN_POSTING", "RPT_SALES_ORDER", "RPT_ORDER_FIELD",
                "RPT_PURCHASE_LINE"}) {
                c.createStatement().executeUpdate("DELETE FROM " + table);
            }
        }
        for (String cursor : new String[] {"reporting.sales", "reporting.inventory", "reporting.finance", "reporting.purchasing"}) {
            log.unregister(cursor);
        }
        shell("admin", adminPassword, "feature:install titrate-reporting");
        caughtUp();
        LocalDate first = today().withDayOfMonth(1);
        LocalDate last = today().with(TemporalAdjusters.lastDayOfMonth());
        assertSummary(handSales("l.SKU", first, last, null), get("/reports/sales-summary").json());
        assertSummary(handSales("o.CUSTOMER_CODE", first, last, null), get("/reports/sales-summary?groupBy=customer").json());
        JsonNode d = get("/reports/sales-summary?customer=" + D).json();
        assertCents("D's P3", new BigDecimal("31.08"), dec(d.path("totals").path("netAmount")));
        assertCents("A's closing", new BigDecimal("298.69"), dec(get("/reports/statement?customer=" + A).json().path("totals").path("closing")));
        // and it follows new events within seconds
        order(D, "ship", line(P3, 1, null));
        caughtUp();
        assertCents("D's P3 after", new BigDecimal("38.85"), dec(get("/reports/sales-summary?customer=" + D).json().path("totals").path("netAmount")));
        assertFalse(get("/reports/purchase-sales?product=" + P3).json().path("rows").isEmpty());
        // the headers, custom fields and purchase prices came back from the history too
        assertEquals("电子级 EL", get("/reports/orders?customer=" + E + "&type=ORDER").json().path("rows").get(0).path("cf." + FIELD).asText());
        assertCents("P3 purchased", new BigDecimal("210.00"), dec(get("/reports/purchase-sales?warehouse=" + WH + "&product=" + P3).json()
                .path("totals").path("purchasedAmount")));
    }
}
