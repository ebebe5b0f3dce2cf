package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.After;
import org.junit.Test;

/**
 * The sales figures the issue asks for, measured on the packaged distribution running as its own
 * process (as users run it) and driven from this JVM over HTTP: orders posted per second (create
 * with 3 lines, confirm, ship) with 1, 4 and 8 clients; the SQL statements one posted order costs,
 * from Derby's statement log; and the order list with totals over 100 000 orders, loaded straight
 * into the stopped distribution's database, over HTTP and opened in the browser (Debian's Chromium driven by
 * {@code bundles/web/e2e/list-timing.mjs}). Not part of the test command: run it with
 * {@code mvn -B -ntp -Pbenchmark verify -Dit.test=SalesBenchmarkIT} (whole reactor; {@code -Dtitrate.benchmark.listOnly=true}
 * measures only the list); the figures go to the console and to {@code itests/target/benchmark-sales.txt}. It asserts
 * only that the measured work succeeded, never a time.
 */
public class SalesBenchmarkIT {
    private static final String RUN = TitrateTestSupport.RUN;
    private static final String PASSWORD = "bench-" + RUN + "-secret";
    private static final String CUSTOMER = "BENCH-" + RUN;
    private static final List<String> SKUS = List.of("BN1-" + RUN, "BN2-" + RUN, "BN3-" + RUN);
    private static final String REGION = "benchRegion" + RUN;
    private static final String WAREHOUSE = "BW-" + RUN;
    private static final int BULK_ORDERS = Integer.getInteger("titrate.benchmark.orders", 100_000);
    /** Only the order list over the bulk-loaded orders (REST and browser), without the statement count and throughput. */
    private static final boolean LIST_ONLY = Boolean.getBoolean("titrate.benchmark.listOnly");
    private static final Path REPORT = Path.of("target", "benchmark-sales.txt");

    private DistributionProcess titrate;

    @After
    public void stop() throws Exception {
        if (titrate != null) {
            titrate.close();
        }
    }

    @Test
    public void salesFigures() throws Exception {
        titrate = new DistributionProcess("benchmark", PASSWORD);
        report("== Titrate sales benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores");

        if (LIST_ONLY) {
            titrate.start();
            titrate.awaitServing("/sales-orders?limit=1", "/custom-fields?limit=1");
            region();
            titrate.stop();
        } else {
            statementsAndThroughput();
        }

        // 3. The order list over many orders.
        long start = System.nanoTime();
        bulkInsert(titrate, BULK_ORDERS, RUN, SKUS, REGION);
        report(String.format("bulk-loaded %d orders (3 lines, 1 history entry each) with plain JDBC in %.1f s", BULK_ORDERS,
                (System.nanoTime() - start) / 1e9));
        titrate.start();
        titrate.awaitServing("/sales-orders?limit=1");
        String month = "from=2025-03-01&to=2025-03-31";
        List<String> queries = List.of("limit=50", "customerCode=BKC7&limit=50", month + "&limit=50", "type=RETURN&status=RECEIVED&limit=50",
                "cf." + REGION + "=%E5%8D%8E%E4%B8%9C&limit=50", "offset=50000&limit=50", "q=BK-" + RUN + "-4242&limit=50");
        // A fresh JVM and a cold page cache: every query runs a few times before it is timed.
        for (int i = 0; i < 3; i++) {
            queries.forEach(q -> titrate.call("GET", "/sales-orders?" + q, null));
        }
        for (String query : queries) {
            TitrateTestSupport.Reply first = titrate.call("GET", "/sales-orders?" + query, null);
            assertEquals(first.body(), 200, first.status());
            double ms = Benchmarks.medianMillis(7, () -> titrate.call("GET", "/sales-orders?" + query, null));
            report(String.format("GET /sales-orders?%s: %.0f ms (median of 7; %s documents, net %s)", query, ms,
                    first.json().path("total").asText(), first.json().path("totals").path("netAmount").asText()));
        }
        browserList();
    }

    /**
     * 4. The same list opened in the browser: a cold load of /orders (fresh browser profile, session cookie only) until
     * the first 50 rows and the net totals show, the list opened again from the menu, and the next page (medians of 5).
     */
    private void browserList() throws Exception {
        Path web = Path.of("..", "bundles", "web").toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder("node", "e2e/list-timing.mjs").directory(web.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(Path.of("target", "benchmark-browser.log").toFile()));
        pb.environment().put("TITRATE_URL", titrate.url("").replace("/api/v1", ""));
        pb.environment().put("TITRATE_USER", "admin");
        pb.environment().put("TITRATE_PASSWORD", PASSWORD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue("the browser timing did not finish in 15 minutes", p.waitFor(15, java.util.concurrent.TimeUnit.MINUTES));
        assertEquals("browser timing failed (target/benchmark-browser.log): " + out, 0, p.exitValue());
        String[] lines = out.split("\n");
        report("orders list in the browser over " + BULK_ORDERS + "+ orders (Chromium 1366x768, ms; cold = fresh profile until"
                + " rows and net totals show; fromMenu = opened from the menu; nextPage = page 2): " + lines[lines.length - 1]);
    }

    private void region() {
        assertEquals(201, titrate.call("POST", "/custom-fields", Map.of("key", REGION, "label", "销售区域", "type", "CHOICE",
                "choices", List.of("华东", "华南", "华北"))).status());
    }

    private void statementsAndThroughput() throws Exception {
        // 1. Statements, with Derby logging every statement it executes (only for this step: it slows everything).
        Path properties = titrate.home().resolve("etc/custom.system.properties");
        String stock = Files.readString(properties, StandardCharsets.UTF_8);
        titrate.append("etc/custom.system.properties", "derby.language.logStatementText = true");
        titrate.start();
        titrate.awaitServing("/customers?limit=1", "/products?limit=1", "/warehouses?limit=1", "/sales-orders?limit=1", "/receivables?limit=1");
        masterData();
        for (int i = 0; i < 5; i++) {
            assertEquals(0, postOneOrder());
        }
        countStatementsOfOneOrder();
        titrate.stop();
        Files.writeString(properties, stock, StandardCharsets.UTF_8);

        // 2. Throughput over REST, after the JIT has settled.
        titrate.start();
        titrate.awaitServing("/sales-orders?limit=1", "/stock?limit=1", "/receivables?limit=1");
        report("warm-up (HotSpot compiles OpenJPA, CXF and Derby meanwhile): " + throughput(4, 600));
        report(throughput(1, 400));
        report(throughput(4, 300));
        report(throughput(8, 150));
        region();
        titrate.stop();
    }

    private void masterData() {
        assertEquals(201, titrate.call("POST", "/customers", Map.of("code", CUSTOMER, "name", "上海华谊新材料有限公司 " + RUN,
                "status", "ACTIVE", "channel", "WHOLESALE")).status());
        List<String> names = List.of("氢氧化钠(片碱) 99% 25kg/袋", "盐酸 31% 工业级 25kg/桶", "过氧化氢(双氧水) 30% 25kg/桶");
        for (int i = 0; i < SKUS.size(); i++) {
            assertEquals(201, titrate.call("POST", "/products", Map.of("sku", SKUS.get(i), "name", names.get(i), "unit", "袋",
                    "listPrice", new BigDecimal("120.00").add(BigDecimal.valueOf(i)), "lotTracked", true)).status());
        }
        // Shipping issues stock (inventory is installed): one well-stocked lot per product, so that every order ships.
        assertEquals(201, titrate.call("POST", "/warehouses", Map.of("code", WAREHOUSE, "name", "上海金山化工区危化品仓库")).status());
        List<Map<String, Object>> lots = new java.util.ArrayList<>();
        for (String sku : SKUS) {
            lots.add(Map.of("sku", sku, "quantity", 10_000_000, "lot", "BL-" + RUN, "expiryDate", LocalDate.now().plusYears(2).toString()));
        }
        assertEquals(201, titrate.call("POST", "/stock-documents", Map.of("type", "RECEIPT", "warehouseCode", WAREHOUSE, "lines", lots))
                .status());
    }

    private static Map<String, Object> orderBody() {
        return Map.of("type", "ORDER", "customerCode", CUSTOMER, "warehouseCode", WAREHOUSE, "lines", List.of(
                Map.of("sku", SKUS.get(0), "quantity", 2), Map.of("sku", SKUS.get(1), "quantity", 3), Map.of("sku", SKUS.get(2), "quantity", 4)));
    }

    /** Create (3 lines), confirm, ship; returns how many of the three requests failed. */
    private int postOneOrder() {
        TitrateTestSupport.Reply created = titrate.call("POST", "/sales-orders", orderBody());
        if (created.status() != 201) {
            return 3;
        }
        String number = created.json().path("number").asText();
        int failed = titrate.call("POST", "/sales-orders/" + number + "/confirm", null).status() == 200 ? 0 : 1;
        return failed + (titrate.call("POST", "/sales-orders/" + number + "/ship", null).status() == 200 ? 0 : 1);
    }

    private String throughput(int clients, int ordersPerClient) throws Exception {
        long cpuBefore = titrate.cpuTicks();
        double seconds = Benchmarks.concurrently(clients, ordersPerClient, this::postOneOrder);
        long cpuTicks = titrate.cpuTicks() - cpuBefore;
        int orders = clients * ordersPerClient;
        // Clock ticks are 1/100 s on Linux.
        return String.format("%d client(s): %d orders (create 3 lines + confirm + ship) in %.1f s = %.0f orders/s;"
                + " server process CPU %.1f ms per order", clients, orders, seconds, orders / seconds, cpuTicks * 10.0 / orders);
    }

    private void countStatementsOfOneOrder() throws IOException {
        Path log = titrate.home().resolve("data/log/derby.log");
        String[] number = new String[1];
        int create = statements(log, "create (3 lines)", () -> {
            TitrateTestSupport.Reply r = titrate.call("POST", "/sales-orders", orderBody());
            number[0] = r.json().path("number").asText();
            return r;
        });
        int confirm = statements(log, "confirm", () -> titrate.call("POST", "/sales-orders/" + number[0] + "/confirm", null));
        int ship = statements(log, "ship", () -> titrate.call("POST", "/sales-orders/" + number[0] + "/ship", null));
        report(String.format("SQL statements of one posted 3-line order: %d (create %d, confirm %d, ship %d)", create + confirm + ship,
                create, confirm, ship));
    }

    private static int statements(Path log, String step, Supplier<TitrateTestSupport.Reply> request) throws IOException {
        return Benchmarks.statements(log, step, request, SalesBenchmarkIT::report);
    }

    /**
     * Orders of 200 customers over 2025, one in ten a received return, every third with a region (null: none), loaded
     * with plain JDBC into the stopped distribution's database; numbered {@code BK-<run>-<i>}, lines of the three skus.
     */
    static void bulkInsert(DistributionProcess titrate, int count, String run, List<String> skus, String region) throws SQLException {
        titrate.database(c -> {
            try (PreparedStatement order = c.prepareStatement("INSERT INTO SAL_ORDER (ID, ORDER_NUMBER, ORDER_TYPE, STATUS, CUSTOMER_CODE,"
                    + " CUSTOMER_NAME, CHANNEL, WAREHOUSE_CODE, CURRENCY, ORDER_DATE, SHIPPED_AMOUNT, RETURNED_AMOUNT, TOTAL_AMOUNT, VERSION,"
                    + " CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, 'WHOLESALE', 'WH1', 'CNY', ?, ?, ?, ?, 3, ?,"
                    + " 'bench', ?, 'bench')");
                 PreparedStatement line = c.prepareStatement("INSERT INTO SAL_ORDER_LINE (ID, ORDER_ID, LINE_NO, SKU, PRODUCT_NAME, UNIT,"
                         + " DIRECTION, QUANTITY, UNIT_PRICE, AMOUNT) VALUES (?, ?, ?, ?, '氢氧化钠(片碱) 99% 25kg/袋', '袋', ?, ?, ?, ?)");
                 PreparedStatement history = c.prepareStatement("INSERT INTO SAL_ORDER_HISTORY (ID, ORDER_ID, SEQ, ACTION, TO_STATUS,"
                         + " CHANGED_AT, CHANGED_BY) VALUES (?, ?, 1, 'CREATE', 'DRAFT', ?, 'bench')");
                 PreparedStatement field = c.prepareStatement("INSERT INTO SAL_ORDER_FIELD (ID, ORDER_ID, FIELD_KEY, FIELD_TYPE, VALUE_TEXT)"
                         + " VALUES (?, ?, ?, 'CHOICE', ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                LocalDate first = LocalDate.of(2025, 1, 1);
                List<String> regions = List.of("华东", "华南", "华北");
                for (int i = 0; i < count; i++) {
                    String id = UUID.randomUUID().toString();
                    boolean isReturn = i % 10 == 0;
                    BigDecimal sign = isReturn ? BigDecimal.ONE.negate() : BigDecimal.ONE;
                    BigDecimal price = new BigDecimal(100 + i % 900).setScale(2);
                    BigDecimal total = BigDecimal.ZERO.setScale(2);
                    for (int l = 1; l <= 3; l++) {
                        BigDecimal quantity = BigDecimal.valueOf(l).multiply(sign).setScale(3);
                        BigDecimal amount = quantity.multiply(price).setScale(2);
                        total = total.add(amount);
                        line.setString(1, UUID.randomUUID().toString());
                        line.setString(2, id);
                        line.setInt(3, l);
                        line.setString(4, skus.get(l - 1));
                        line.setString(5, isReturn ? "RETURN" : "SHIP");
                        line.setBigDecimal(6, quantity);
                        line.setBigDecimal(7, price);
                        line.setBigDecimal(8, amount);
                        line.addBatch();
                    }
                    order.setString(1, id);
                    order.setString(2, "BK-" + run + "-" + i);
                    order.setString(3, isReturn ? "RETURN" : "ORDER");
                    order.setString(4, isReturn ? "RECEIVED" : (i % 3 == 0 ? "CLOSED" : "SHIPPED"));
                    order.setString(5, "BKC" + (i % 200));
                    order.setString(6, "江苏恒瑞精细化工有限公司 " + (i % 200));
                    order.setDate(7, Date.valueOf(first.plusDays(i % 365)));
                    order.setBigDecimal(8, isReturn ? BigDecimal.ZERO.setScale(2) : total);
                    order.setBigDecimal(9, isReturn ? total : BigDecimal.ZERO.setScale(2));
                    order.setBigDecimal(10, total);
                    order.setTimestamp(11, now);
                    order.setTimestamp(12, now);
                    order.addBatch();
                    history.setString(1, UUID.randomUUID().toString());
                    history.setString(2, id);
                    history.setTimestamp(3, now);
                    history.addBatch();
                    if (region != null && i % 3 == 0) {
                        field.setString(1, UUID.randomUUID().toString());
                        field.setString(2, id);
                        field.setString(3, region);
                        field.setString(4, regions.get(i % regions.size()));
                        field.addBatch();
                    }
                    if (i % 1000 == 999 || i == count - 1) {
                        order.executeBatch();
                        line.executeBatch();
                        history.executeBatch();
                        field.executeBatch();
                        c.commit();
                    }
                }
            }
            return null;
        });
    }

    private static void report(String line) {
        Benchmarks.report(REPORT, line);
    }
}
