package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.After;
import org.junit.Before;

/**
 * What {@link CrashSafetyIT} and {@link BackupRestoreIT} share: the packaged distribution as its own process, four
 * clients posting a realistic mix (orders created, confirmed and shipped; returns received; stock documents; receipts
 * and refunds; every POST with an {@code Idempotency-Key}, which also goes into the document so copies can be counted),
 * and the invariants of the books, read from the stopped database.
 */
abstract class PostingClients {
    static final String PASSWORD = "it-" + TitrateTestSupport.RUN + "-secret";
    static final String RUN = TitrateTestSupport.RUN;
    static final int CLIENTS = 4;
    private static final String[] SERIES = {"SO", "RO", "SD", "RC", "RF"};
    final Random random = new Random();
    DistributionProcess titrate;
    String warehouse;
    final List<String> skus = new ArrayList<>();
    final List<String> customers = new ArrayList<>();

    /** The folder the distribution is unpacked into, below {@code itests/target}. */
    abstract String name();

    @Before
    public void unpack() throws Exception {
        titrate = new DistributionProcess(name(), PASSWORD);
    }

    @After
    public void stop() throws Exception {
        titrate.close();
    }

    /** One POST of a client: what was sent and, when an answer came, what it said. */
    static final class Request {
        final String kind;
        final String path;
        final Object body;
        final String key;
        volatile int status = -1;
        volatile JsonNode answer;
        /** System.nanoTime() when the request was sent and when its answer came (0: none). */
        volatile long sentAt;
        volatile long answeredAt;

        Request(String kind, String path, Object body) {
            this(kind, path, body, UUID.randomUUID().toString());
        }

        /** {@code key} also goes into the document (comment, reference, requestId), so copies could be counted. */
        Request(String kind, String path, Object body, String key) {
            this.kind = kind;
            this.path = path;
            this.body = body;
            this.key = key;
        }

        boolean answered() {
            return status >= 0;
        }

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        String number() {
            return answer == null ? null : answer.path("number").asText(null);
        }
    }

    TitrateTestSupport.Reply send(Request r) {
        return TitrateTestSupport.http("POST", titrate.url(r.path), "admin", PASSWORD, r.body, Map.of("Idempotency-Key", r.key));
    }

    /** Sends a request and records its answer; false when the container gave none (it is gone). */
    boolean post(Request r, ConcurrentLinkedQueue<Request> log) {
        log.add(r);
        r.sentAt = System.nanoTime();
        try {
            TitrateTestSupport.Reply reply = send(r);
            r.answeredAt = System.nanoTime();
            r.answer = reply.body() == null || reply.body().isEmpty() || !reply.body().startsWith("{") ? null : reply.json();
            r.status = reply.status();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Starts the container and waits until every resource the clients use serves; answers the milliseconds from
     * {@code bin/start} to then (the recovery time after a kill).
     */
    long startServing() throws Exception {
        return startServing(true);
    }

    /** {@code shell}: whether to wait for the SSH shell as well (it is part of the measured recovery). */
    long startServing(boolean shell) throws Exception {
        long t0 = System.nanoTime();
        titrate.start(shell);
        titrate.awaitServing("/sales-orders?limit=1", "/stock-documents?limit=1", "/receipts?limit=1", "/refunds?limit=1",
                "/warehouses?limit=1");
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    /** A warehouse stocked with two products, and one customer per client. */
    void prepare() {
        warehouse = "KW" + RUN;
        TitrateTestSupport.Reply wh = titrate.call("POST", "/warehouses", Map.of("code", warehouse, "name", "宁波断电仓库",
                "allowNegativeStock", false));
        assertEquals(wh.body(), 201, wh.status());
        for (int i = 0; i < 2; i++) {
            String sku = "KS" + i + "-" + RUN;
            TitrateTestSupport.Reply p = titrate.call("POST", "/products", Map.of("sku", sku, "name", i == 0 ? "氢氧化钠 片碱 25kg" : "盐酸 31%",
                    "unit", "袋", "listPrice", 50));
            assertEquals(p.body(), 201, p.status());
            skus.add(sku);
        }
        for (int i = 0; i < CLIENTS; i++) {
            String code = "KC" + i + "-" + RUN;
            TitrateTestSupport.Reply c = titrate.call("POST", "/customers", Map.of("code", code, "name", "宁波断电化工 " + i + " 有限公司",
                    "status", "ACTIVE"));
            assertEquals(c.body(), 201, c.status());
            customers.add(code);
        }
        TitrateTestSupport.Reply stock = titrate.call("POST", "/stock-documents", Map.of("type", "RECEIPT", "warehouseCode", warehouse,
                "reference", "opening " + RUN, "lines", skus.stream().map(s -> Map.of("sku", s, "quantity", 1000000)).toList()));
        assertEquals(stock.body(), 201, stock.status());
    }

    Map<String, Object> order(String customer, int quantity, String key) {
        return Map.of("type", "ORDER", "customerCode", customer, "warehouseCode", warehouse, "comment", key,
                "lines", List.of(Map.of("sku", skus.get(0), "quantity", quantity, "unitPrice", 50),
                        Map.of("sku", skus.get(1), "quantity", 1, "unitPrice", new BigDecimal("12.30"))));
    }

    /** One piece of a client's work; false once the container stopped answering. */
    boolean work(Random r, String customer, ConcurrentLinkedQueue<Request> log) {
        int dice = r.nextInt(100);
        String key = UUID.randomUUID().toString();
        if (dice < 50) {
            Request create = new Request("create", "/sales-orders", order(customer, 1 + r.nextInt(5), key), key);
            if (!post(create, log)) {
                return false;
            }
            if (create.status != 201) {
                return true;
            }
            for (String action : new String[] {"confirm", "ship"}) {
                Request act = new Request("order", "/sales-orders/" + create.number() + "/" + action, Map.of());
                if (!post(act, log)) {
                    return false;
                }
                if (act.status != 200) {
                    return true;
                }
            }
            return true;
        }
        if (dice < 65) {
            Request create = new Request("create", "/sales-orders", Map.of("type", "RETURN", "customerCode", customer,
                    "warehouseCode", warehouse, "comment", key, "lines", List.of(Map.of("sku", skus.get(r.nextInt(2)), "direction", "RETURN",
                            "quantity", -1 - r.nextInt(2), "unitPrice", 50, "reasonCode", "DAMAGED", "note", "外包装破裂"))), key);
            if (!post(create, log)) {
                return false;
            }
            if (create.status != 201) {
                return true;
            }
            for (String action : new String[] {"submit", "approve", "receive"}) {
                Request act = new Request("return", "/sales-orders/" + create.number() + "/" + action, Map.of("comment", "同意"));
                if (!post(act, log)) {
                    return false;
                }
                if (act.status != 200) {
                    return true;
                }
            }
            return true;
        }
        if (dice < 80) {
            return post(new Request("stock", "/stock-documents", Map.of("type", "RECEIPT", "warehouseCode", warehouse,
                    "reference", key, "lines", List.of(Map.of("sku", skus.get(r.nextInt(2)), "quantity",
                            1 + r.nextInt(20)))), key), log);
        }
        if (dice < 93) {
            return post(new Request("receipt", "/receipts", Map.of("customerCode", customer, "amount", new BigDecimal(100 + r.nextInt(400)),
                    "method", "BANK_TRANSFER", "requestId", key, "comment", "货款 银行转账"), key), log);
        }
        return post(new Request("refund", "/refunds", Map.of("customerCode", customer, "amount", new BigDecimal(10 + r.nextInt(200)),
                "method", "ALIPAY", "requestId", key, "comment", "退还多付货款"), key), log);
    }

    /** Checks the stopped database; answers how many of each thing were checked. */
    Map<String, Integer> invariants(Connection c, Iterable<Request> requests) throws SQLException {
        Map<String, Integer> checked = new TreeMap<>();
        // On hand = Σ stock ledger per product, warehouse, lot and status.
        int rows = 0;
        try (ResultSet rs = c.createStatement().executeQuery("SELECT s.SKU, s.WAREHOUSE_CODE, s.LOT, s.STATUS, s.QUANTITY,"
                + " (SELECT COALESCE(SUM(m.QUANTITY), 0) FROM INV_MOVEMENT m WHERE m.SKU = s.SKU AND m.WAREHOUSE_CODE = s.WAREHOUSE_CODE"
                + " AND m.LOT = s.LOT AND m.STATUS = s.STATUS) FROM INV_STOCK s")) {
            while (rs.next()) {
                rows++;
                assertEquals("on hand of " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4),
                        0, rs.getBigDecimal(5).compareTo(rs.getBigDecimal(6)));
            }
        }
        checked.put("stock rows", rows);
        // Every balanceAfter follows the one before, per product, warehouse, lot and status.
        Map<String, BigDecimal> running = new HashMap<>();
        rows = 0;
        try (ResultSet rs = c.createStatement().executeQuery("SELECT SKU, WAREHOUSE_CODE, LOT, STATUS, QUANTITY, BALANCE_AFTER, DOC_NUMBER"
                + " FROM INV_MOVEMENT ORDER BY POSTED_AT, DOC_NUMBER, LINE_NO")) {
            while (rs.next()) {
                rows++;
                String key = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4);
                BigDecimal after = running.getOrDefault(key, BigDecimal.ZERO).add(rs.getBigDecimal(5));
                assertEquals("balanceAfter of " + key + " at " + rs.getString(7), 0, after.compareTo(rs.getBigDecimal(6)));
                running.put(key, after);
            }
        }
        checked.put("movements", rows);
        // Account balance = Σ postings = Σ open items; the postings' balanceAfter chain; no refund above the credit.
        rows = 0;
        try (ResultSet rs = c.createStatement().executeQuery("SELECT a.PARTY_TYPE, a.PARTY_CODE, a.CURRENCY, a.BALANCE, a.POSTINGS,"
                + " (SELECT COALESCE(SUM(p.AMOUNT), 0) FROM FIN_POSTING p WHERE p.PARTY_TYPE = a.PARTY_TYPE AND p.PARTY_CODE = a.PARTY_CODE"
                + " AND p.CURRENCY = a.CURRENCY), (SELECT COUNT(*) FROM FIN_POSTING p WHERE p.PARTY_TYPE = a.PARTY_TYPE"
                + " AND p.PARTY_CODE = a.PARTY_CODE AND p.CURRENCY = a.CURRENCY), (SELECT COALESCE(SUM(o.OPEN_AMOUNT), 0) FROM FIN_OPEN_ITEM o"
                + " WHERE o.PARTY_TYPE = a.PARTY_TYPE AND o.PARTY_CODE = a.PARTY_CODE AND o.CURRENCY = a.CURRENCY) FROM FIN_ACCOUNT a")) {
            while (rs.next()) {
                rows++;
                String account = rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3);
                assertEquals("Σ postings of " + account, 0, rs.getBigDecimal(4).compareTo(rs.getBigDecimal(6)));
                assertEquals("postings of " + account, rs.getLong(5), rs.getLong(7));
                assertEquals("Σ open items of " + account, 0, rs.getBigDecimal(4).compareTo(rs.getBigDecimal(8)));
            }
        }
        checked.put("accounts", rows);
        running.clear();
        rows = 0;
        try (ResultSet rs = c.createStatement().executeQuery("SELECT PARTY_TYPE, PARTY_CODE, CURRENCY, AMOUNT, BALANCE_AFTER, TYPE,"
                + " DOCUMENT_NUMBER FROM FIN_POSTING ORDER BY POSTED_AT")) {
            while (rs.next()) {
                rows++;
                String key = rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3);
                BigDecimal after = running.getOrDefault(key, BigDecimal.ZERO).add(rs.getBigDecimal(4));
                assertEquals("balanceAfter of " + key + " at " + rs.getString(7), 0, after.compareTo(rs.getBigDecimal(5)));
                running.put(key, after);
                if ("REFUND".equals(rs.getString(6))) {
                    assertTrue("refund " + rs.getString(7) + " above the credit of " + key + ": " + after, after.signum() <= 0);
                }
            }
        }
        checked.put("postings", rows);
        // Document numbers without a gap: every number handed out is used by exactly one document.
        Map<String, TreeSet<Integer>> used = new TreeMap<>();
        for (String sql : new String[] {"SELECT ORDER_NUMBER FROM SAL_ORDER", "SELECT DOC_NUMBER FROM INV_DOCUMENT",
                "SELECT NUMBER FROM FIN_MONEY"}) {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                while (rs.next()) {
                    String number = rs.getString(1);
                    int dash = number.lastIndexOf('-');
                    assertTrue("used twice: " + number, used.computeIfAbsent(number.substring(0, dash), k -> new TreeSet<>())
                            .add(Integer.parseInt(number.substring(dash + 1))));
                }
            }
        }
        rows = 0;
        try (ResultSet rs = c.createStatement().executeQuery("SELECT SERIES, PERIOD, NEXT_VALUE FROM PLT_NUMBER_SEQUENCE")) {
            while (rs.next()) {
                if (List.of(SERIES).contains(rs.getString(1))) {
                    String series = rs.getString(1) + "-" + rs.getInt(2);
                    TreeSet<Integer> numbers = used.getOrDefault(series, new TreeSet<>());
                    long next = rs.getLong(3);
                    assertEquals("numbers of " + series + " up to " + (next - 1), next - 1, numbers.size());
                    assertTrue(series + " " + numbers, numbers.isEmpty() || numbers.last() == next - 1);
                    rows += numbers.size();
                }
            }
        }
        checked.put("document numbers", rows);
        // The event log: no duplicate, and (below) every document's changes in it. Its sequence may skip the number of a
        // transaction that rolled back (JdbcEventLog explains why); what a follower reads has no gap (EventLogCrashIT).
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*), COUNT(DISTINCT SEQ) FROM PLT_EVENT")) {
            rs.next();
            assertEquals(rs.getLong(1), rs.getLong(2));
            checked.put("events", rs.getInt(1));
        }
        try (ResultSet rs = c.createStatement().executeQuery("SELECT TYPE, DOC_KEY, COUNT(*) FROM PLT_EVENT WHERE TYPE LIKE"
                + " 'org/titrate/sales/order/%' GROUP BY TYPE, DOC_KEY HAVING COUNT(*) > 1")) {
            assertTrue("logged twice", !rs.next() || fail(rs.getString(1) + " " + rs.getString(2)));
        }
        // Every document is whole: shipped orders and received returns with their movements, postings and events;
        // stock documents with their movements; money with its posting. That covers the unanswered requests too.
        rows = 0;
        try (ResultSet rs = c.createStatement().executeQuery("SELECT o.ORDER_NUMBER, o.STATUS, o.ORDER_TYPE, (SELECT COUNT(*) FROM SAL_ORDER_LINE l"
                + " WHERE l.ORDER_ID = o.ID) FROM SAL_ORDER o WHERE o.CUSTOMER_CODE LIKE 'KC%-" + RUN + "'")) {
            while (rs.next()) {
                rows++;
                String number = rs.getString(1);
                String status = rs.getString(2);
                assertEquals(number + " lines", "ORDER".equals(rs.getString(3)) ? 2 : 1, rs.getInt(4));
                assertEquals(number + " created", 1, count(c, "SELECT COUNT(*) FROM PLT_EVENT WHERE DOC_KEY = ? AND TYPE = ?", number,
                        "org/titrate/sales/order/CREATE"));
                boolean posted = List.of("SHIPPED", "RECEIVED", "CLOSED").contains(status);
                assertEquals(number + " " + status + " posting event", posted ? 1 : 0, count(c,
                        "SELECT COUNT(*) FROM PLT_EVENT WHERE DOC_KEY = ? AND TYPE IN ('org/titrate/sales/order/SHIP',"
                                + " 'org/titrate/sales/order/RECEIVE')", number));
                assertEquals(number + " " + status + " movements", posted ? rs.getInt(4) : 0,
                        count(c, "SELECT COUNT(*) FROM INV_MOVEMENT WHERE DOC_NUMBER = ?", number));
                assertEquals(number + " " + status + " postings", posted ? 1 : 0,
                        count(c, "SELECT COUNT(*) FROM FIN_POSTING WHERE DOCUMENT_NUMBER = ?", number));
            }
        }
        checked.put("sales documents", rows);
        try (ResultSet rs = c.createStatement().executeQuery("SELECT d.DOC_NUMBER, (SELECT COUNT(*) FROM INV_DOCUMENT_LINE l WHERE"
                + " l.DOCUMENT_ID = d.ID), (SELECT COUNT(*) FROM INV_MOVEMENT m WHERE m.DOC_NUMBER = d.DOC_NUMBER) FROM INV_DOCUMENT d")) {
            while (rs.next()) {
                assertEquals(rs.getString(1) + " movements", rs.getInt(2), rs.getInt(3));
            }
        }
        try (ResultSet rs = c.createStatement().executeQuery("SELECT m.NUMBER, (SELECT COUNT(*) FROM FIN_POSTING p WHERE"
                + " p.DOCUMENT_NUMBER = m.NUMBER) FROM FIN_MONEY m")) {
            while (rs.next()) {
                assertEquals(rs.getString(1) + " posting", 1, rs.getInt(2));
            }
        }
        // Nothing was created twice: one document per request, whether it was answered, retried or both.
        int counted = 0;
        for (Request r : requests) {
            String sql = switch (r.kind) {
                case "receipt", "refund" -> "SELECT COUNT(*) FROM FIN_MONEY WHERE REQUEST_ID = ?";
                case "stock" -> "SELECT COUNT(*) FROM INV_DOCUMENT WHERE REFERENCE = ?";
                case "create" -> "SELECT COUNT(*) FROM SAL_ORDER WHERE COMMENT_TEXT = ?";
                default -> null;
            };
            if (sql != null) {
                counted++;
                int copies = count(c, sql, r.key);
                if (r.acknowledged()) {
                    assertEquals(r.kind + " " + r.key, 1, copies);
                } else {
                    assertTrue(r.kind + " " + r.key + " " + copies, copies <= 1);
                }
            }
        }
        checked.put("requests", counted);
        return checked;
    }

    private static boolean fail(String message) {
        throw new AssertionError(message);
    }

    static int count(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** What {@link Clients#during} ran: its result, the answers per second meanwhile, System.nanoTime() at its start and end. */
    record During<T>(T result, double answersPerSecond, long start, long end) {
    }

    /** Four clients posting until {@link #stop()} or until the container stops answering. */
    final class Clients {
        final ConcurrentLinkedQueue<Request> log = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean posting = new AtomicBoolean(true);
        private final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        private final List<Future<?>> done = new ArrayList<>();

        Clients() {
            for (int i = 0; i < CLIENTS; i++) {
                String customer = customers.get(i);
                long seed = random.nextLong();
                done.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    while (posting.get() && work(r, customer, log)) {
                        // posts until stopped or the container is gone
                    }
                    return null;
                }));
            }
        }

        long answered() {
            return log.stream().filter(Request::answered).count();
        }

        /** Waits until the clients have had {@code n} answers in all. */
        void awaitAnswers(long n) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10)).until(() -> answered() >= n);
        }

        /** The clients' answers per second over their next {@code n} answers. */
        double answersPerSecond(long n) {
            long t0 = System.nanoTime();
            long n0 = answered();
            awaitAnswers(n0 + n);
            return (answered() - n0) * 1e9 / (System.nanoTime() - t0);
        }

        /** Runs {@code work} while the clients post: its result and their answers per second meanwhile. */
        <T> During<T> during(java.util.function.Supplier<T> work) {
            long t0 = System.nanoTime();
            long n0 = answered();
            T result = work.get();
            return new During<>(result, (answered() - n0) * 1e9 / (System.nanoTime() - t0), t0, System.nanoTime());
        }

        void stop() throws Exception {
            posting.set(false);
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
        }
    }
}
