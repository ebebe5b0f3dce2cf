package org.titrate.itests;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.After;
import org.junit.Test;

/**
 * The invoicing figures the issue asks for, on the packaged distribution running as its own process: the time to
 * request one invoice for a customer with 1 000 shipped, uninvoiced orders, and the invoicing progress (per customer
 * and per order) over many orders (default 100 000, {@code -Dtitrate.benchmark.orders=}) of two lines each. The shipped
 * lines are loaded straight into invoicing's table of the stopped distribution, as its posting listener writes them
 * (shipping 100 000 orders through the API is not what is measured here). Not part of the test command:
 * {@code mvn -B -ntp -Pbenchmark verify -pl itests -Dit.test=InvoicingBenchmarkIT} after a build; figures in
 * {@code itests/target/benchmark-invoicing.txt}. It asserts only that the work succeeded, never a time.
 */
public class InvoicingBenchmarkIT {
    private static final String RUN = TitrateTestSupport.RUN;
    private static final String PASSWORD = "bench-" + RUN + "-secret";
    private static final int ORDERS = Integer.getInteger("titrate.benchmark.orders", 100_000);
    private static final int CUSTOMER_ORDERS = 1000;
    private static final Path REPORT = Path.of("target", "benchmark-invoicing.txt");
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final String CUSTOMER = "IB-" + RUN;
    private static final String SKU = "IBP-" + RUN;

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
    public void invoicingFigures() throws Exception {
        titrate = new DistributionProcess("benchmark-invoicing", PASSWORD);
        report("== Titrate invoicing benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + ORDERS
                + " shipped orders of 2 lines");
        titrate.start();
        titrate.awaitServing("/invoices?limit=1");
        assertEquals(201, titrate.call("POST", "/customers", Map.of("code", CUSTOMER, "name", "浙江龙盛集团股份有限公司 " + RUN, "status", "ACTIVE",
                "channel", "WHOLESALE")).status());
        assertEquals(200, titrate.call("PUT", "/customers/" + CUSTOMER + "/tax-data", Map.of("name", "浙江龙盛集团股份有限公司", "taxId",
                "91310000607216596U", "addressPhone", "浙江省绍兴市上虞区 0575-82048616", "bankAccount", "中国银行上虞支行 3583 5812 0000")).status());
        assertEquals(201, titrate.call("POST", "/products", Map.of("sku", SKU, "name", "硫酸 98% 工业级 吨", "unit", "吨", "listPrice",
                new BigDecimal("650.00"), "lotTracked", false)).status());
        assertEquals(200, titrate.call("PUT", "/products/" + SKU + "/tax", Map.of("taxRate", new BigDecimal("0.13"), "taxCode",
                "1070205010000000000")).status());
        titrate.stop();

        long start = System.nanoTime();
        bulkInsert();
        report(String.format("bulk-loaded %d orders (%d lines) in %.1f s", ORDERS, 2 * ORDERS, (System.nanoTime() - start) / 1e9));
        titrate.start();
        titrate.awaitServing("/invoices?limit=1");

        String[] queries = {"/invoices/progress?by=customer&from=2025-01-01&to=2025-12-31&limit=500",
            "/invoices/progress?by=customer&from=2025-03-01&to=2025-03-31&limit=500", "/invoices/progress?from=2025-01-01&to=2025-12-31&limit=50",
            "/invoices/progress?customerCode=" + CUSTOMER + "&limit=500", "/invoices/progress?by=customer&customerCode=" + CUSTOMER};
        for (String q : queries) {
            titrate.call("GET", q, null);
            double ms = Benchmarks.medianMillis(5, () -> {
                TitrateTestSupport.Reply r = titrate.call("GET", q, null);
                assertEquals(r.body(), 200, r.status());
                return r;
            });
            report(String.format("GET %s: median of 5 %.0f ms", q, ms));
        }

        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < CUSTOMER_ORDERS; i++) {
            numbers.add(customerOrder(i));
        }
        long t0 = System.nanoTime();
        TitrateTestSupport.Reply r = titrate.call("POST", "/invoices", Map.of("customerCode", CUSTOMER, "type", "SPECIAL", "orderNumbers", numbers));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(r.body(), 201, r.status());
        report(String.format("POST /invoices for %d shipped orders (%d lines) of one customer: %.2f s, %d bytes answered", CUSTOMER_ORDERS,
                2 * CUSTOMER_ORDERS, seconds, r.body().length()));
        String q = "/invoices/progress?by=customer&from=2025-01-01&to=2025-12-31&limit=500";
        report(String.format("GET %s after it: median of 5 %.0f ms", q, Benchmarks.medianMillis(5, () -> titrate.call("GET", q, null))));
    }

    private static String customerOrder(int i) {
        return "SO-BENCH-C" + i;
    }

    /** 2 lines per order, spread over 2025, 200 customers; the first 1 000 orders are the measured customer's. */
    private void bulkInsert() throws Exception {
        titrate.database(c -> {
            c.setAutoCommit(false);
            try (PreparedStatement line = c.prepareStatement("INSERT INTO IVC_ORDER_LINE (ID, ORDER_NUMBER, LINE_NO, CUSTOMER_CODE, CURRENCY,"
                    + " ORDER_DATE, SKU, UNIT_PRICE, SHIPPED_QTY, SHIPPED_AMOUNT, RETURNED_QTY, RETURNED_AMOUNT, REQUESTED_QTY, REQUESTED_AMOUNT,"
                    + " INVOICED_AMOUNT) VALUES (?, ?, ?, ?, 'CNY', ?, ?, 650.00, ?, ?, 0, 0, 0, 0, ?)")) {
                for (int i = 0; i < ORDERS; i++) {
                    boolean ours = i < CUSTOMER_ORDERS;
                    String number = ours ? customerOrder(i) : "SO-BENCH-" + i;
                    for (int no = 1; no <= 2; no++) {
                        BigDecimal qty = BigDecimal.valueOf(1 + (i + no) % 20);
                        BigDecimal amount = qty.multiply(new BigDecimal("650.00"));
                        line.setString(1, UUID.randomUUID().toString());
                        line.setString(2, number);
                        line.setInt(3, no);
                        line.setString(4, ours ? CUSTOMER : "IBC" + (i % 200));
                        line.setDate(5, Date.valueOf(FIRST.plusDays(i % 365)));
                        line.setString(6, SKU);
                        line.setBigDecimal(7, qty);
                        line.setBigDecimal(8, amount);
                        // every third order of the others is invoiced already
                        line.setBigDecimal(9, !ours && i % 3 == 0 ? amount : BigDecimal.ZERO);
                        line.addBatch();
                    }
                    if (i % 1000 == 999) {
                        line.executeBatch();
                        c.commit();
                    }
                }
                line.executeBatch();
                c.commit();
            }
            return null;
        });
    }
}
