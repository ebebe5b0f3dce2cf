package org.titrate.itests;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/**
 * Counter sales on a distribution of its own: the SQL statements of one counter sale and what the credit check adds to
 * a confirm (Derby's statement log: a confirm of a customer without a limit beside one with a limit), then counter
 * sales per second (order, shipment, receipt and till row in one request) from 1 and 4 clients. Figures go to
 * {@code target/benchmark-counter.txt}; nothing here asserts a time.
 *
 * <p>{@code mvn -B -ntp -Pbenchmark verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CounterSalesBenchmarkIT}
 */
public class CounterSalesBenchmarkIT {
    private static final String RUN = TitrateTestSupport.RUN;
    private static final String PASSWORD = "bench-" + RUN + "-secret";
    private static final List<String> SKUS = List.of("BC1-" + RUN, "BC2-" + RUN, "BC3-" + RUN);
    private static final String WAREHOUSE = "BCW-" + RUN;
    private static final String LIMITED = "BCL-" + RUN;
    private static final String UNLIMITED = "BCU-" + RUN;
    private static final Path REPORT = Path.of("target", "benchmark-counter.txt");

    private DistributionProcess titrate;

    @After
    public void stop() throws Exception {
        if (titrate != null) {
            titrate.close();
        }
    }

    @Test
    public void counterFigures() throws Exception {
        titrate = new DistributionProcess("counter-benchmark", PASSWORD);
        report("== Titrate counter sales benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        Path properties = titrate.home().resolve("etc/custom.system.properties");
        String stock = Files.readString(properties, StandardCharsets.UTF_8);
        titrate.append("etc/custom.system.properties", "derby.language.logStatementText = true");
        titrate.start();
        titrate.awaitServing("/customers?limit=1", "/products?limit=1", "/warehouses?limit=1", "/sales-orders?limit=1", "/receivables?limit=1",
                "/counter-sales/summary");
        masterData();
        for (int i = 0; i < 5; i++) {
            assertEquals(0, sellOne());
            confirm(draft(LIMITED));
            confirm(draft(UNLIMITED));
        }
        Path log = titrate.home().resolve("data/log/derby.log");
        int sale = Benchmarks.statements(log, "counter sale (3 lines, cash)", () -> titrate.call("POST", "/counter-sales", saleBody()),
                CounterSalesBenchmarkIT::report);
        String free = draft(UNLIMITED);
        String limited = draft(LIMITED);
        int withoutLimit = Benchmarks.statements(log, "confirm, customer without a credit limit",
                () -> titrate.call("POST", "/sales-orders/" + free + "/confirm", null), CounterSalesBenchmarkIT::report);
        int withLimit = Benchmarks.statements(log, "confirm, customer with a credit limit",
                () -> titrate.call("POST", "/sales-orders/" + limited + "/confirm", null), CounterSalesBenchmarkIT::report);
        report(String.format("SQL statements: one counter sale %d; a confirm %d without a credit limit, %d with one (the check adds %d)",
                sale, withoutLimit, withLimit, withLimit - withoutLimit));
        titrate.stop();
        Files.writeString(properties, stock, StandardCharsets.UTF_8);

        titrate.start();
        titrate.awaitServing("/sales-orders?limit=1", "/stock?limit=1", "/receivables?limit=1", "/counter-sales/summary");
        report("warm-up (HotSpot compiles OpenJPA, CXF and Derby meanwhile): " + throughput(4, 150));
        report(throughput(1, 150));
        report(throughput(4, 150));
        titrate.stop();
    }

    private void masterData() {
        for (String code : List.of(LIMITED, UNLIMITED)) {
            Map<String, Object> c = new java.util.HashMap<>(Map.of("code", code, "name", "杭州临平精细化工有限公司 " + code, "status", "ACTIVE",
                    "channel", "WHOLESALE"));
            if (code.equals(LIMITED)) {
                c.put("creditLimit", 1_000_000_000);
            }
            assertEquals(201, titrate.call("POST", "/customers", c).status());
        }
        List<String> names = List.of("氯化钠 分析纯 AR 500g/瓶", "无水乙醇 AR 500ml/瓶", "丁腈手套 100只/盒");
        for (int i = 0; i < SKUS.size(); i++) {
            assertEquals(201, titrate.call("POST", "/products", Map.of("sku", SKUS.get(i), "name", names.get(i), "unit", "瓶",
                    "listPrice", new BigDecimal("18.50").add(BigDecimal.valueOf(i)), "lotTracked", true)).status());
        }
        assertEquals(201, titrate.call("POST", "/warehouses", Map.of("code", WAREHOUSE, "name", "门市部 杭州滨江")).status());
        List<Map<String, Object>> lots = new ArrayList<>();
        for (String sku : SKUS) {
            lots.add(Map.of("sku", sku, "quantity", 10_000_000, "lot", "BCL-" + RUN, "expiryDate", LocalDate.now().plusYears(2).toString()));
        }
        assertEquals(201, titrate.call("POST", "/stock-documents", Map.of("type", "RECEIPT", "warehouseCode", WAREHOUSE, "lines", lots))
                .status());
    }

    private static Map<String, Object> saleBody() {
        return Map.of("warehouseCode", WAREHOUSE, "lines", List.of(Map.of("sku", SKUS.get(0), "quantity", 2),
                Map.of("sku", SKUS.get(1), "quantity", 1), Map.of("sku", SKUS.get(2), "quantity", 3)),
                "payment", Map.of("method", "CASH", "amount", 500));
    }

    private String draft(String customer) {
        TitrateTestSupport.Reply r = titrate.call("POST", "/sales-orders", Map.of("type", "ORDER", "customerCode", customer,
                "warehouseCode", WAREHOUSE, "lines", List.of(Map.of("sku", SKUS.get(0), "quantity", 1))));
        assertEquals(r.body(), 201, r.status());
        return r.json().path("number").asText();
    }

    private void confirm(String number) {
        TitrateTestSupport.Reply r = titrate.call("POST", "/sales-orders/" + number + "/confirm", null);
        assertEquals(r.body(), 200, r.status());
    }

    /** One counter sale; 1 when it failed. */
    private int sellOne() {
        return titrate.call("POST", "/counter-sales", saleBody()).status() == 201 ? 0 : 1;
    }

    private String throughput(int clients, int salesPerClient) throws Exception {
        long cpuBefore = titrate.cpuTicks();
        double seconds = Benchmarks.concurrently(clients, salesPerClient, this::sellOne);
        long cpuTicks = titrate.cpuTicks() - cpuBefore;
        int sales = clients * salesPerClient;
        return String.format("%d client(s): %d counter sales (3 lines, cash: order, shipment, receipt) in %.1f s = %.1f sales/s;"
                + " server process CPU %.1f ms per sale", clients, sales, seconds, sales / seconds, cpuTicks * 10.0 / sales);
    }

    private static void report(String line) {
        Benchmarks.report(REPORT, line);
    }
}
