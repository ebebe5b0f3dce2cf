package org.titrate.itests;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.After;
import org.junit.Test;

/**
 * Finance figures on a distribution of its own: the balance of a customer with 100 000 postings
 * (bulk-loaded into the stopped database: a year of invoices settled by receipts, the last thousand
 * invoices still open), and postings per second under load — receipts over REST from 1 and 4 clients,
 * spread over many customers and all on the one large account. Figures go to
 * {@code target/benchmark-finance.txt}; nothing here asserts a time.
 *
 * <p>{@code mvn -B -ntp -DskipTests install && mvn -B -ntp -Pbenchmark verify -pl itests -Dit.test=FinanceBenchmarkIT}
 */
public class FinanceBenchmarkIT {
    private static final String RUN = TitrateTestSupport.RUN;
    private static final String PASSWORD = "bench-" + RUN + "-secret";
    private static final String BIG = "BFB-" + RUN;
    private static final int POSTINGS = Integer.getInteger("titrate.benchmark.postings", 100_000);
    private static final int STILL_OPEN = 1_000;
    private static final int CUSTOMERS = 100;
    private static final String WAREHOUSE = "BFW-" + RUN;
    private static final String PRODUCT = "BFP-" + RUN;
    private static final Path REPORT = Path.of("target", "benchmark-finance.txt");

    private DistributionProcess titrate;

    @After
    public void stop() throws Exception {
        if (titrate != null) {
            titrate.close();
        }
    }

    @Test
    public void financeFigures() throws Exception {
        titrate = new DistributionProcess("benchmark-finance", PASSWORD);
        report("== Titrate finance benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores; one customer"
                + " with " + POSTINGS + " postings, " + CUSTOMERS + " more customers with one shipped order each");
        titrate.start();
        titrate.awaitServing("/warehouses?limit=1", "/products?limit=1", "/customers?limit=1", "/sales-orders?limit=1");
        masterData();
        titrate.stop();

        long started = System.nanoTime();
        int loaded = titrate.database(this::bulkLoad);
        report(String.format("bulk-loaded %d postings of %s (%d invoices, %d receipts settling them, %d invoices left open) with plain JDBC"
                + " in %.1f s", loaded, BIG, (loaded + STILL_OPEN) / 2, (loaded - STILL_OPEN) / 2, STILL_OPEN,
                (System.nanoTime() - started) / 1e9));
        report(String.format("restart on the loaded database: %d ms to the first answer of /api/v1/modules", titrate.start()));
        titrate.awaitServing("/receivables?limit=1", "/soap/FinanceService?wsdl", "/receipts?limit=1");

        // Warm-up, then the balance of the large account, the ways users and legacy systems ask for it.
        for (int i = 0; i < 20; i++) {
            titrate.call("GET", "/receivables/" + BIG, null);
            soapBalance();
        }
        time("GET /receivables/balances?customerCode=" + BIG + " (the balance per currency)",
                () -> titrate.call("GET", "/receivables/balances?customerCode=" + BIG, null));
        time("GET /receivables/" + BIG + " (balances and the first 500 of " + STILL_OPEN + " open items)",
                () -> titrate.call("GET", "/receivables/" + BIG, null));
        time("SOAP FinanceService.getBalance(" + BIG + ")", this::soapBalance);
        time("GET /finance-postings?partyCode=" + BIG + "&limit=50 (the newest of " + loaded + ")",
                () -> titrate.call("GET", "/finance-postings?partyCode=" + BIG + "&limit=50", null));
        time("GET /finance-postings?limit=50 (the whole ledger, newest first)", () -> titrate.call("GET", "/finance-postings?limit=50", null));
        time("GET /receivables?overdue=true&limit=50 (every customer)", () -> titrate.call("GET", "/receivables?overdue=true&limit=50", null));
        TitrateTestSupport.Reply balance = titrate.call("GET", "/receivables/balances?customerCode=" + BIG, null);
        report("balance of " + BIG + " over REST: " + balance.json().path("items").get(0).path("balance").asText()
                + " CNY, postings " + balance.json().path("items").get(0).path("postings").asText());

        // Postings per second: receipts (each one ledger posting plus its allocations), spread over customers, then on one account.
        receipts("warm-up: ", 4, 100, false);
        receipts("", 1, 200, false);
        receipts("", 4, 100, false);
        receipts("all on " + BIG + " (each settles the oldest of its open invoices): ", 4, 100, true);
        titrate.stop();
        titrate.database(this::ledgerAgrees);
    }

    private void masterData() {
        assertCreated(titrate.call("POST", "/warehouses", Map.of("code", WAREHOUSE, "name", "宁波石化经济技术开发区仓库 " + RUN,
                "allowNegativeStock", true)));
        assertCreated(titrate.call("POST", "/products", Map.of("sku", PRODUCT, "name", "乙酸乙酯 99.7% 180kg/桶", "unit", "桶",
                "listPrice", new BigDecimal("1000.00"))));
        assertCreated(titrate.call("POST", "/customers", Map.of("code", BIG, "name", "浙江新和成股份有限公司 " + RUN, "status", "ACTIVE",
                "channel", "WHOLESALE", "paymentTermDays", 30)));
        // Each further customer owes for one shipped order, so that receipts have something to settle.
        for (int i = 0; i < CUSTOMERS; i++) {
            String code = customer(i);
            assertCreated(titrate.call("POST", "/customers", Map.of("code", code, "name", "绍兴上虞精细化工有限公司 #" + i, "status", "ACTIVE",
                    "channel", "WHOLESALE")));
            TitrateTestSupport.Reply order = titrate.call("POST", "/sales-orders", Map.of("type", "ORDER", "customerCode", code,
                    "warehouseCode", WAREHOUSE, "lines", List.of(Map.of("sku", PRODUCT, "quantity", 1000))));
            assertCreated(order);
            String number = order.json().path("number").asText();
            assertEquals(200, titrate.call("POST", "/sales-orders/" + number + "/confirm", Map.of()).status());
            assertEquals(200, titrate.call("POST", "/sales-orders/" + number + "/ship", Map.of()).status());
        }
    }

    private static String customer(int i) {
        return "BFC" + i + "-" + RUN;
    }

    private static void assertCreated(TitrateTestSupport.Reply r) {
        assertEquals(r.body(), 201, r.status());
    }

    private TitrateTestSupport.Reply soapBalance() {
        String envelope = "<soap:Envelope xmlns:soap='http://schemas.xmlsoap.org/soap/envelope/'><soap:Body>"
                + "<f:getBalance xmlns:f='urn:titrate:finance'><customerCode>" + BIG + "</customerCode></f:getBalance>"
                + "</soap:Body></soap:Envelope>";
        TitrateTestSupport.Reply r = TitrateTestSupport.http("POST", titrate.url("").replace("/api/v1", "/soap/FinanceService"), "admin",
                PASSWORD, envelope, Map.of("Content-Type", "text/xml; charset=UTF-8", "SOAPAction", "\"\""));
        assertEquals(r.body(), 200, r.status());
        return r;
    }

    private void time(String what, java.util.function.Supplier<TitrateTestSupport.Reply> call) {
        TitrateTestSupport.Reply first = call.get();
        assertEquals(first.body(), 200, first.status());
        report(String.format("%s: %.1f ms (median of 11)", what, Benchmarks.medianMillis(11, call)));
    }

    /**
     * A year of one customer's account: invoices of 100.00, each paid by the receipt that follows it,
     * and the last {@value #STILL_OPEN} invoices unpaid, with the running balance, the account row, the
     * allocations and the open items finance keeps beside the ledger.
     */
    private int bulkLoad(Connection c) throws SQLException {
        int settledPairs = (POSTINGS - STILL_OPEN) / 2;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant first = now.minus(Duration.ofDays(366));
        long step = Duration.ofDays(365).toMillis() / POSTINGS;
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        BigDecimal hundred = new BigDecimal("100.00");
        BigDecimal balance = BigDecimal.ZERO;
        int written = 0;
        try (PreparedStatement posting = c.prepareStatement("INSERT INTO FIN_POSTING (ID, PARTY_TYPE, PARTY_CODE, TYPE, DOCUMENT_NUMBER,"
                + " ORDER_NUMBER, CURRENCY, AMOUNT, BALANCE_AFTER, DOCUMENT_DATE, DUE_DATE, POSTED_AT, POSTED_BY)"
                + " VALUES (?, 'CUSTOMER', ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, 'bench')");
             PreparedStatement allocation = c.prepareStatement("INSERT INTO FIN_ALLOCATION (ID, DEBIT_POSTING_ID, CREDIT_POSTING_ID, AMOUNT,"
                     + " ALLOCATED_AT) VALUES (?, ?, ?, 100.00, ?)");
             PreparedStatement open = c.prepareStatement("INSERT INTO FIN_OPEN_ITEM (POSTING_ID, PARTY_TYPE, PARTY_CODE, CURRENCY,"
                     + " DOCUMENT_NUMBER, OPEN_AMOUNT, DUE_DATE, POSTED_AT) VALUES (?, 'CUSTOMER', ?, 'CNY', ?, 100.00, ?, ?)")) {
            String lastInvoice = null;
            Instant at = first;
            for (int i = 0; i < POSTINGS; i++) {
                boolean invoice = i >= settledPairs * 2 || i % 2 == 0;
                String id = UUID.randomUUID().toString();
                at = first.plusMillis(step * i);
                LocalDate day = LocalDate.ofInstant(at, zone);
                BigDecimal amount = invoice ? hundred : hundred.negate();
                balance = balance.add(amount);
                posting.setString(1, id);
                posting.setString(2, BIG);
                posting.setString(3, invoice ? "INVOICE" : "RECEIPT");
                posting.setString(4, (invoice ? "BSO-" : "BRC-") + RUN + "-" + i);
                posting.setString(5, invoice ? null : "BSO-" + RUN + "-" + (i - 1));
                posting.setBigDecimal(6, amount);
                posting.setBigDecimal(7, balance);
                posting.setDate(8, Date.valueOf(day));
                posting.setDate(9, Date.valueOf(invoice ? day.plusDays(30) : day));
                posting.setTimestamp(10, Timestamp.from(at));
                posting.addBatch();
                if (!invoice) {
                    allocation.setString(1, UUID.randomUUID().toString());
                    allocation.setString(2, lastInvoice);
                    allocation.setString(3, id);
                    allocation.setTimestamp(4, Timestamp.from(at));
                    allocation.addBatch();
                } else if (i >= settledPairs * 2) {
                    open.setString(1, id);
                    open.setString(2, BIG);
                    open.setString(3, "BSO-" + RUN + "-" + i);
                    open.setDate(4, Date.valueOf(day.plusDays(30)));
                    open.setTimestamp(5, Timestamp.from(at));
                    open.addBatch();
                }
                lastInvoice = invoice ? id : lastInvoice;
                written++;
                if (written % 5_000 == 0) {
                    posting.executeBatch();
                    allocation.executeBatch();
                    open.executeBatch();
                    c.commit();
                }
            }
            posting.executeBatch();
            allocation.executeBatch();
            open.executeBatch();
            try (PreparedStatement account = c.prepareStatement("INSERT INTO FIN_ACCOUNT (PARTY_TYPE, PARTY_CODE, CURRENCY, BALANCE, POSTINGS,"
                    + " LAST_POSTED_AT) VALUES ('CUSTOMER', ?, 'CNY', ?, ?, ?)")) {
                account.setString(1, BIG);
                account.setBigDecimal(2, balance);
                account.setLong(3, written);
                account.setTimestamp(4, Timestamp.from(at));
                account.executeUpdate();
            }
        }
        return written;
    }

    private void receipts(String label, int clients, int perClient, boolean oneAccount) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        try {
            long cpuBefore = titrate.cpuTicks();
            long start = System.nanoTime();
            List<Future<Object>> results = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                int client = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        String code = oneAccount ? BIG : customer((client * perClient + i) % CUSTOMERS);
                        TitrateTestSupport.Reply r = titrate.call("POST", "/receipts", Map.of("customerCode", code, "amount",
                                new BigDecimal("1.00"), "method", "BANK_TRANSFER", "reference", "压测回单 " + client + "-" + i));
                        if (r.status() == 201) {
                            ok.increment();
                        } else {
                            failed.increment();
                            firstFailure.compareAndSet(null, r.status() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<Object> f : results) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = titrate.cpuTicks() - cpuBefore;
            report(String.format("%s%d client(s): %d receipts posted in %.1f s = %.1f postings/s, %d failed; server CPU %.1f ms per receipt",
                    label, clients, ok.sum(), seconds, ok.sum() / seconds, failed.sum(), cpu * 10.0 / Math.max(1, clients * perClient)));
            assertEquals("failed receipts; the first: " + firstFailure.get(), 0, failed.sum());
        } finally {
            pool.shutdownNow();
        }
    }

    /** After the run, on the stopped database: the large account's balance is the sum of its postings and of what is open. */
    private Void ledgerAgrees(Connection c) throws SQLException {
        BigDecimal account = one(c, "SELECT BALANCE FROM FIN_ACCOUNT WHERE PARTY_CODE = '" + BIG + "'");
        BigDecimal postings = one(c, "SELECT SUM(AMOUNT) FROM FIN_POSTING WHERE PARTY_CODE = '" + BIG + "'");
        BigDecimal open = one(c, "SELECT SUM(OPEN_AMOUNT) FROM FIN_OPEN_ITEM WHERE PARTY_CODE = '" + BIG + "'");
        report("check of " + BIG + " over SQL: account balance " + account + ", sum of postings " + postings + ", sum of open items " + open);
        assertEquals(0, account.compareTo(postings));
        assertEquals(0, account.compareTo(open));
        return null;
    }

    private static BigDecimal one(Connection c, String sql) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    private static void report(String line) {
        Benchmarks.report(REPORT, line);
    }
}
