package org.titrate.itests;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.After;
import org.junit.Test;

/**
 * The reporting figures the issue asks for, on the packaged distribution running as its own process: each report's
 * time for one month and for a whole year over many order lines (default 1 000 000, {@code -Dtitrate.benchmark.lines=}),
 * loaded straight into the stopped distribution's database twice — into the sales tables (the source) and into
 * reporting's read models, as its follower would have written them (replaying a million lines through the API is not
 * what is measured here) — the daily totals (reporting V4) are then rebuilt by the follower at the next start, as after
 * an upgrade, and timed; the same sales summary as SQL written by hand over the source tables, timed on the same
 * database; and exports (100 000 rows XLSX, the year's lines XLSX, a movement per line as CSV and XLSX) from the
 * container restarted with a 512 MB maximum heap, with the time, peak resident memory and peak used heap. Not part of the test
 * command: {@code mvn -B -ntp -Pbenchmark verify -pl itests -Dit.test=ReportingBenchmarkIT} after a build; figures in
 * {@code itests/target/benchmark-reporting.txt}. It asserts only that the work succeeded, never a time.
 */
public class ReportingBenchmarkIT {
    private static final String RUN = TitrateTestSupport.RUN;
    private static final String PASSWORD = "bench-" + RUN + "-secret";
    private static final int LINES = Integer.getInteger("titrate.benchmark.lines", 1_000_000);
    private static final Path REPORT = Path.of("target", "benchmark-reporting.txt");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    /** The container's maximum heap while it exports ({@code -Dtitrate.benchmark.exportHeap=}; Karaf 4.4 takes it from EXTRA_JAVA_OPTS). */
    private static final String EXPORT_HEAP = System.getProperty("titrate.benchmark.exportHeap", "512m");

    private DistributionProcess titrate;

    @After
    public void stop() throws Exception {
        if (titrate != null) {
            titrate.close();
        }
    }

    private static void report(String line) {
        Benchmarks.report(REPORT, line);
    }

    @Test
    public void reportingFigures() throws Exception {
        titrate = new DistributionProcess("benchmark-reporting", PASSWORD);
        report("== Titrate reporting benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + LINES + " order lines");
        titrate.start();
        titrate.awaitServing("/reports/status");
        titrate.stop();

        long start = System.nanoTime();
        bulkInsert();
        report(String.format("bulk-loaded %d order lines (source tables and read models) in %.1f s", LINES, (System.nanoTime() - start) / 1e9));

        String month = "from=2025-03-01&to=2025-03-31";
        String year = "from=2025-01-01&to=2025-12-31";
        String[] reports = {"sales-summary?groupBy=product", "sales-summary?groupBy=customer", "sales-summary?groupBy=day", "sales-share?groupBy=customer",
            "sales-ranking?by=customer&limit=10", "sales-trend?x=", "purchase-sales?groupBy=product", "returns?groupBy=product",
            "sales-summary?groupBy=product&basis=ordered"};
        titrate.start();
        titrate.awaitServing("/reports/status");
        // lines loaded behind the follower's back have no daily totals: it rebuilds them once, and says so in the log
        Path log = titrate.home().resolve("data/log/karaf.log");
        java.util.regex.Pattern rebuilt = java.util.regex.Pattern.compile("daily totals rebuilt from the sales lines and stock movements in (\\d+) ms");
        String[] found = {null};
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            java.util.regex.Matcher m = rebuilt.matcher(java.nio.file.Files.readString(log, StandardCharsets.UTF_8));
            found[0] = m.find() ? m.group(1) : null;
            return found[0] != null;
        });
        report(String.format("the follower rebuilt the daily sales and stock totals of %d lines in %.1f s", LINES, Long.parseLong(found[0]) / 1e3));
        for (String r : reports) {
            for (String period : new String[] {month, year}) {
                String path = "/reports/" + r.replace("?x=", "?") + (r.endsWith("?x=") ? "" : "&") + period;
                for (int i = 0; i < 3; i++) {
                    titrate.call("GET", path, null);
                }
                TitrateTestSupport.Reply first = titrate.call("GET", path, null);
                assertEquals(first.body(), 200, first.status());
                double ms = Benchmarks.medianMillis(5, () -> titrate.call("GET", path, null));
                report(String.format("GET %s: %.0f ms (median of 5; %d rows)", path, ms, first.json().path("rows").size()));
            }
        }
        // the exports run in a container with a small maximum heap: an export that held its rows would fail there
        titrate.stop();
        titrate.start(java.util.Map.of("EXTRA_JAVA_OPTS", "-Xmx" + EXPORT_HEAP));
        titrate.awaitServing("/reports/status");
        // 100 000 lines of the wholesale flow query as XLSX, then the whole year's (about 0.9 × the lines), then the year's
        // stock movements (one per line) as CSV and XLSX, each with the time, the process's peak resident memory and its
        // peak used heap meanwhile: the heap must not grow with the rows
        Process flags = new ProcessBuilder("jcmd", titrate.pid(), "VM.flags").redirectErrorStream(true).start();
        String vm = new String(flags.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        java.util.regex.Matcher max = java.util.regex.Pattern.compile("MaxHeapSize=(\\d+)").matcher(vm);
        report("the distribution's maximum heap: " + (max.find() ? Long.parseLong(max.group(1)) / (1024 * 1024) + " MB" : "unknown"));
        int days = (int) Math.ceil(100_000.0 * 365 / (LINES * 0.9));
        String hundredThousand = "/reports/flows?flow=wholesale&from=2025-01-01&to=" + FIRST.plusDays(days - 1);
        int rows = titrate.call("GET", hundredThousand, null).json().path("rows").size();
        export(hundredThousand + "&format=xlsx", rows + " rows");
        export("/reports/flows?flow=wholesale&from=2025-01-01&to=2025-12-31&format=xlsx", "the year's wholesale lines");
        export("/reports/stock-movements?from=2025-01-01&to=2025-12-31&format=csv", "the year's stock movements");
        export("/reports/stock-movements?from=2025-01-01&to=2025-12-31&format=xlsx", "the year's stock movements");
        titrate.stop();

        // the same summaries by hand over the source tables, on the same database (embedded, after the distribution stopped)
        for (LocalDate[] p : new LocalDate[][] {{LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)}, {FIRST, LocalDate.of(2025, 12, 31)}}) {
            titrate.database(c -> {
                for (int i = 0; i < 3; i++) {
                    handSummary(c, p[0], p[1]);
                }
                double ms = Benchmarks.medianMillis(5, () -> handSummary(c, p[0], p[1]));
                report(String.format("hand SQL over SAL_ tables, net sales per product %s..%s: %.0f ms (median of 5)", p[0], p[1], ms));
                return null;
            });
        }
    }

    /** Downloads one export and reports its size, time, peak resident memory and peak used heap (jstat's S0U+S1U+EU+OU). */
    private void export(String path, String what) throws Exception {
        String pid = titrate.pid();
        long before = titrate.residentKb();
        AtomicLong peak = new AtomicLong(before);
        AtomicLong heap = new AtomicLong();
        Process jstat = new ProcessBuilder("jstat", "-gc", pid, "50").redirectErrorStream(true).start();
        Thread heapSampler = new Thread(() -> {
            try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(jstat.getInputStream()))) {
                java.util.List<String> header = null;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    java.util.List<String> cells = java.util.List.of(line.trim().split("\\s+"));
                    if (cells.contains("EU")) {
                        header = cells;
                    } else if (header != null && cells.size() == header.size()) {
                        double used = 0;
                        for (String c : new String[] {"S0U", "S1U", "EU", "OU"}) {
                            used += Double.parseDouble(cells.get(header.indexOf(c)));
                        }
                        heap.accumulateAndGet((long) used, Math::max);
                    }
                }
            } catch (Exception e) {
                // jstat ended
            }
        });
        heapSampler.start();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peak.accumulateAndGet(titrate.residentKb(), Math::max);
                    Thread.sleep(20);
                } catch (Exception e) {
                    return;
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        HttpResponse<java.io.InputStream> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(titrate.url(path)))
                .timeout(Duration.ofMinutes(20)).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes;
        try (java.io.InputStream in = file.body()) {
            bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampler.join();
        jstat.destroy();
        heapSampler.join();
        assertEquals(200, file.statusCode());
        report(String.format("GET %s (%s): %.1f MB in %.1f s; resident memory %d MB before, peak %d MB during; peak used heap %d MB",
                path, what, bytes / 1e6, seconds, before / 1024, peak.get() / 1024, heap.get() / 1024));
    }

    private static int handSummary(Connection c, LocalDate from, LocalDate to) {
        String sql = "SELECT l.SKU, SUM(CASE WHEN l.DIRECTION = 'SHIP' THEN l.QUANTITY ELSE 0 END), SUM(CASE WHEN l.DIRECTION = 'SHIP' THEN 0 "
                + "ELSE l.QUANTITY END), SUM(CASE WHEN l.DIRECTION = 'SHIP' THEN l.AMOUNT ELSE 0 END), SUM(CASE WHEN l.DIRECTION = 'SHIP' THEN 0 "
                + "ELSE l.AMOUNT END) FROM SAL_ORDER o JOIN SAL_ORDER_LINE l ON l.ORDER_ID = o.ID JOIN SAL_ORDER_HISTORY h ON h.ORDER_ID = o.ID "
                + "WHERE h.ACTION IN ('SHIP', 'RECEIVE') AND h.CHANGED_AT >= ? AND h.CHANGED_AT < ? AND o.STATUS IN ('SHIPPED', 'RECEIVED', 'CLOSED') "
                + "GROUP BY l.SKU";
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setTimestamp(1, Timestamp.from(from.atStartOfDay(ZONE).toInstant()));
            q.setTimestamp(2, Timestamp.from(to.plusDays(1).atStartOfDay(ZONE).toInstant()));
            int rows = 0;
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Orders of 3 lines spread evenly over 2025, every tenth a received return, 50 products, 200 customers; the order
     * shipped (or the return received) on its order date. The read models get the same lines, and one stock movement each.
     */
    private void bulkInsert() throws SQLException {
        titrate.database(c -> {
            c.setAutoCommit(false);
            try (PreparedStatement order = c.prepareStatement("INSERT INTO SAL_ORDER (ID, ORDER_NUMBER, ORDER_TYPE, STATUS, CUSTOMER_CODE,"
                    + " CUSTOMER_NAME, CHANNEL, WAREHOUSE_CODE, CURRENCY, ORDER_DATE, SHIPPED_AMOUNT, RETURNED_AMOUNT, TOTAL_AMOUNT, VERSION,"
                    + " CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, 'WHOLESALE', 'WH1', 'CNY', ?, 0, 0, 0, 3, ?,"
                    + " 'bench', ?, 'bench')");
                    PreparedStatement line = c.prepareStatement("INSERT INTO SAL_ORDER_LINE (ID, ORDER_ID, LINE_NO, SKU, PRODUCT_NAME, UNIT,"
                            + " DIRECTION, QUANTITY, UNIT_PRICE, AMOUNT) VALUES (?, ?, ?, ?, '氢氧化钠(片碱) 99% 25kg/袋', '袋', ?, ?, ?, ?)");
                    PreparedStatement history = c.prepareStatement("INSERT INTO SAL_ORDER_HISTORY (ID, ORDER_ID, SEQ, ACTION, TO_STATUS,"
                            + " CHANGED_AT, CHANGED_BY) VALUES (?, ?, 1, ?, ?, ?, 'bench')");
                    PreparedStatement fact = c.prepareStatement("INSERT INTO RPT_SALES_LINE (ORDER_NUMBER, LINE_NO, ORDER_TYPE, STATUS,"
                            + " COUNTED_ORDERED, CUSTOMER_CODE, CUSTOMER_NAME, CHANNEL, WAREHOUSE_CODE, CURRENCY, ORDER_DATE, ORDER_MONTH, MOVED_DAY,"
                            + " MOVED_MONTH, SKU, PRODUCT_NAME, DIRECTION, QUANTITY, UNIT_PRICE, AMOUNT, LOT, REASON_CODE) VALUES (?, ?, ?, ?, TRUE, ?,"
                            + " ?, 'WHOLESALE', 'WH1', 'CNY', ?, ?, ?, ?, ?, '氢氧化钠(片碱) 99% 25kg/袋', ?, ?, ?, ?, ?, ?)");
                    PreparedStatement move = c.prepareStatement("INSERT INTO RPT_STOCK_MOVE (ID, POSTED_AT, MOVE_DAY, DOC_TYPE, DOC_NUMBER, LINE_NO,"
                            + " SKU, WAREHOUSE_CODE, LOT, STOCK_STATUS, QUANTITY, PARTNER_CODE) VALUES (?, ?, ?, ?, ?, ?, ?, 'WH1', ?, ?, ?, ?)")) {
                int orders = LINES / 3;
                for (int i = 0; i < orders; i++) {
                    String id = UUID.randomUUID().toString();
                    String number = "BR-" + RUN + "-" + i;
                    boolean isReturn = i % 10 == 0;
                    LocalDate day = FIRST.plusDays((long) i * 365 / orders);
                    Timestamp at = Timestamp.from(day.atTime(10, 0).atZone(ZONE).toInstant());
                    String customer = "BRC" + (i % 200);
                    order.setString(1, id);
                    order.setString(2, number);
                    order.setString(3, isReturn ? "RETURN" : "ORDER");
                    order.setString(4, isReturn ? "RECEIVED" : "SHIPPED");
                    order.setString(5, customer);
                    order.setString(6, "江苏恒瑞精细化工有限公司 " + (i % 200));
                    order.setDate(7, Date.valueOf(day));
                    order.setTimestamp(8, at);
                    order.setTimestamp(9, at);
                    order.addBatch();
                    history.setString(1, UUID.randomUUID().toString());
                    history.setString(2, id);
                    history.setString(3, isReturn ? "RECEIVE" : "SHIP");
                    history.setString(4, isReturn ? "RECEIVED" : "SHIPPED");
                    history.setTimestamp(5, at);
                    history.addBatch();
                    for (int l = 1; l <= 3; l++) {
                        String sku = "BRP" + ((i + l) % 50);
                        BigDecimal quantity = BigDecimal.valueOf(l).multiply(isReturn ? BigDecimal.ONE.negate() : BigDecimal.ONE).setScale(3);
                        BigDecimal price = new BigDecimal(100 + (i + l) % 900).setScale(2);
                        BigDecimal amount = quantity.multiply(price).setScale(2);
                        String direction = isReturn ? "RETURN" : "SHIP";
                        line.setString(1, UUID.randomUUID().toString());
                        line.setString(2, id);
                        line.setInt(3, l);
                        line.setString(4, sku);
                        line.setString(5, direction);
                        line.setBigDecimal(6, quantity);
                        line.setBigDecimal(7, price);
                        line.setBigDecimal(8, amount);
                        line.addBatch();
                        Object[] f = {number, l, isReturn ? "RETURN" : "ORDER", isReturn ? "RECEIVED" : "SHIPPED", customer,
                            "江苏恒瑞精细化工有限公司 " + (i % 200), Date.valueOf(day), day.toString().substring(0, 7), Date.valueOf(day),
                            day.toString().substring(0, 7), sku, direction, quantity, price, amount, "BL" + (i % 97), isReturn ? "DAMAGED" : null};
                        for (int k = 0; k < f.length; k++) {
                            fact.setObject(k + 1, f[k]);
                        }
                        fact.addBatch();
                        Object[] m = {UUID.randomUUID().toString(), at, Date.valueOf(day), isReturn ? "RETURN_RECEIPT" : "SHIPMENT", number, l, sku,
                            "BL" + (i % 97), isReturn ? "QUARANTINE" : "AVAILABLE", quantity.negate(), customer};
                        for (int k = 0; k < m.length; k++) {
                            move.setObject(k + 1, m[k]);
                        }
                        move.addBatch();
                    }
                    if (i % 1000 == 999 || i == orders - 1) {
                        order.executeBatch();
                        line.executeBatch();
                        history.executeBatch();
                        fact.executeBatch();
                        move.executeBatch();
                        c.commit();
                    }
                }
            }
            return null;
        });
    }
}
