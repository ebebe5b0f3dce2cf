package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The distribution on PostgreSQL instead of the embedded Derby: the same migrations, queries and
 * XA pool. Runs in the {@code postgresql} profile only, against a server the caller provides
 * (see README: {@code mvn -B -ntp verify -Ppostgresql -Dtitrate.pg.url=... }).
 */
public class PostgresqlIT {
    private static final String PASSWORD = "pg-" + TitrateTestSupport.RUN + "-secret";
    private DistributionProcess titrate;

    @Before
    public void configure() throws Exception {
        titrate = new DistributionProcess("postgresql-it", PASSWORD);
        String datasource = String.join(System.lineSeparator(),
                "osgi.jdbc.driver.name = PostgreSQL JDBC Driver",
                "dataSourceName = titrate",
                "osgi.jndi.service.name = titrate",
                "url = " + System.getProperty("titrate.pg.url", "jdbc:postgresql://localhost:5432/titrate"),
                "user = " + System.getProperty("titrate.pg.user", "titrate"),
                "password = " + System.getProperty("titrate.pg.password", "titrate"),
                "pool = dbcp2",
                "xa = true");
        titrate.append("etc/org.ops4j.datasource-titrate.cfg", datasource);
        String features = java.nio.file.Files.readString(titrate.home().resolve("etc/org.apache.karaf.features.cfg"));
        java.nio.file.Files.writeString(titrate.home().resolve("etc/org.apache.karaf.features.cfg"),
                features.replace("featuresBoot = \\", "featuresBoot = \\" + System.lineSeparator()
                        + "    titrate-db-postgresql, \\"));
    }

    @After
    public void stop() throws Exception {
        titrate.close();
    }

    @Test
    public void runsOnPostgresqlWithChineseDataAcrossARestart() throws Exception {
        titrate.start();
        titrate.awaitServing("/customers?limit=1", "/sales-orders?limit=1", "/stock?limit=1", "/receipts?limit=1", "/purchase-orders?limit=1");
        String loaded = titrate.sshShell("titrate:demo-load");
        assertTrue(loaded, loaded.contains("customers"));
        String code = "PG-" + TitrateTestSupport.RUN;
        String name = "浙江龙盛化工贸易有限公司 " + TitrateTestSupport.RUN;
        assertEquals(201, titrate.call("POST", "/customers", Map.of("code", code, "name", name)).status());
        assertEquals(409, titrate.call("POST", "/customers", Map.of("code", code, "name", "duplicate")).status());
        assertEquals(201, titrate.call("POST", "/customers/" + code + "/follow-ups",
                Map.of("date", "2026-11-20", "channel", "VISIT", "summary", "拜访")).status());
        assertEquals(1, titrate.call("GET", "/customers?q=" + ProductsIT.encode("龙盛化工贸易有限公司 " + TitrateTestSupport.RUN), null)
                .json().path("total").asInt());
        // Sales: numbering, the workflow, totals and the list's index-ordered page on PostgreSQL.
        assertTrue(loaded, loaded.contains("sales"));
        var order = titrate.call("POST", "/sales-orders", Map.of("type", "ORDER", "customerCode", code, "lines",
                java.util.List.of(Map.of("sku", "NAOH-25", "quantity", 2), Map.of("sku", "HCL-31", "quantity", 4))));
        assertEquals(201, order.status());
        String number = order.json().path("number").asText();
        assertEquals(200, titrate.call("POST", "/sales-orders/" + number + "/confirm", null).status());
        assertEquals(200, titrate.call("POST", "/sales-orders/" + number + "/ship", null).status());
        assertEquals(409, titrate.call("POST", "/sales-orders/" + number + "/ship", null).status());
        // The event log on PostgreSQL: the order's actions, its stock posting and its receivable, each once, in sequence order.
        List<String> logged = new ArrayList<>();
        long after = 0;
        while (true) {
            var page = titrate.call("GET", "/events?limit=500&after=" + after, null).json();
            for (var e : page.path("items")) {
                assertTrue(e.toString(), e.path("seq").asLong() > after);
                after = e.path("seq").asLong();
                if (e.path("key").asText().equals(number)) {
                    logged.add(e.path("type").asText());
                }
            }
            if (page.path("items").size() == 0) {
                break;
            }
        }
        assertEquals(logged.toString(), 5, logged.size());
        assertEquals(List.of("org/titrate/sales/order/CREATE", "org/titrate/sales/order/CONFIRM"), logged.subList(0, 2));
        assertEquals(java.util.Set.of("org/titrate/inventory/stock/POSTED", "org/titrate/finance/posting/POSTED",
                "org/titrate/sales/order/SHIP"), new java.util.HashSet<>(logged.subList(2, 5)));
        // Inventory: the order named no warehouse, so the demo's default one issued both lines, under their product locks.
        assertEquals(2, titrate.call("GET", "/stock-movements?documentNumber=" + number, null).json().path("total").asInt());
        assertEquals(409, titrate.call("POST", "/stock-documents", Map.of("type", "ISSUE", "warehouseCode", "WH1", "lines",
                java.util.List.of(Map.of("sku", "TOLUENE", "quantity", 1000)))).status());
        // The product lock on PostgreSQL: of five concurrent issues of 4 from 10 units, exactly two go through.
        String scarce = "PGI-" + TitrateTestSupport.RUN;
        assertEquals(201, titrate.call("POST", "/products", Map.of("sku", scarce, "name", "异丙醇 99.9% 160kg/桶", "unit", "桶",
                "listPrice", 1380)).status());
        assertEquals(201, titrate.call("POST", "/stock-documents", Map.of("type", "RECEIPT", "warehouseCode", "WH1", "lines",
                java.util.List.of(Map.of("sku", scarce, "quantity", 10)))).status());
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> issues = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                issues.add(pool.submit(() -> {
                    start.await();
                    return titrate.call("POST", "/stock-documents", Map.of("type", "ISSUE", "warehouseCode", "WH1", "lines",
                            java.util.List.of(Map.of("sku", scarce, "quantity", 4)))).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : issues) {
                statuses.add(f.get());
            }
            Collections.sort(statuses);
            assertEquals(List.of(201, 201, 409, 409, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("2.000", titrate.call("GET", "/stock?sku=" + scarce, null).json().path("items").get(0).path("quantity").asText());
        // Finance: the shipment is owed, a receipt settles it, and of five refunds racing for a credit of 100 exactly two of 40 go through.
        assertEquals("380.00", titrate.call("GET", "/sales-orders/" + number, null).json().path("outstandingAmount").asText());
        assertEquals(201, titrate.call("POST", "/receipts", Map.of("customerCode", code, "amount", 480, "method", "BANK_TRANSFER",
                "salesOrderNumber", number, "comment", "工行电汇")).status());
        assertEquals("0.00", titrate.call("GET", "/sales-orders/" + number, null).json().path("outstandingAmount").asText());
        ExecutorService refunds = Executors.newFixedThreadPool(5);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> refunded = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                refunded.add(refunds.submit(() -> {
                    go.await();
                    return titrate.call("POST", "/refunds", Map.of("customerCode", code, "amount", 40, "method", "ALIPAY")).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : refunded) {
                statuses.add(f.get());
            }
            Collections.sort(statuses);
            assertEquals(List.of(201, 201, 409, 409, 409), statuses);
        } finally {
            refunds.shutdownNow();
        }
        assertEquals("-20.00", titrate.call("GET", "/receivables/balances?customerCode=" + code, null).json().path("items").get(0)
                .path("balance").asText());
        // Purchasing: a received order is owed to the supplier, and its lot is in stock.
        String supplier = "PGS-" + TitrateTestSupport.RUN;
        String lot = "PGL" + TitrateTestSupport.RUN;
        assertEquals(201, titrate.call("POST", "/suppliers", Map.of("code", supplier, "name", "新疆中泰化学股份有限公司 " + supplier,
                "paymentTermDays", 30)).status());
        var po = titrate.call("POST", "/purchase-orders", Map.of("type", "ORDER", "supplierCode", supplier, "warehouseCode", "WH1",
                "lines", List.of(Map.of("sku", "NAOH-25", "quantity", 10, "unitPrice", 80))));
        assertEquals(201, po.status());
        String poNumber = po.json().path("number").asText();
        assertEquals(200, titrate.call("POST", "/purchase-orders/" + poNumber + "/confirm", null).status());
        assertEquals(200, titrate.call("POST", "/purchase-orders/" + poNumber + "/receive", Map.of("lots",
                List.of(Map.of("lineNo", 1, "lot", lot)))).status());
        assertEquals("800.00", titrate.call("GET", "/payables/balances?supplierCode=" + supplier, null).json().path("items").get(0)
                .path("balance").asText());
        assertEquals(1, titrate.call("GET", "/stock?sku=NAOH-25&lot=" + lot, null).json().path("total").asInt());

        var ret = titrate.call("POST", "/sales-orders/" + number + "/returns", null);
        assertEquals(201, ret.status());
        var list = titrate.call("GET", "/sales-orders?customerCode=" + code, null).json();
        assertEquals(2, list.path("total").asInt());
        assertEquals("380.00", list.path("totals").path("shippedAmount").asText());
        assertEquals("-380.00", list.path("totals").path("returnedAmount").asText());
        assertEquals(number, list.path("items").get(1).path("number").asText());

        // Reporting on PostgreSQL: its migrations and its followers' writes, the daily totals (unfiltered, per customer) and the
        // lines (filtered) agreeing on the shipment, purchase-sales from the stock totals, and a CSV export read back.
        titrate.awaitServing("/reports/status");
        long visible = titrate.call("GET", "/reports/status", null).json().path("logVisibleUpTo").asLong();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).pollInterval(java.time.Duration.ofMillis(200)).until(() -> {
            boolean all = true;
            for (var c : titrate.call("GET", "/reports/status", null).json().path("cursors")) {
                all &= c.asLong() >= visible;
            }
            return all;
        });
        var byCustomer = titrate.call("GET", "/reports/sales-summary?groupBy=customer", null).json();
        var row = java.util.stream.StreamSupport.stream(byCustomer.path("rows").spliterator(), false)
                .filter(r -> r.path("key").asText().equals(code)).findFirst().orElseThrow(() -> new AssertionError(byCustomer.toString()));
        assertEquals("380.00", row.path("netAmount").asText());
        assertEquals(name, row.path("label").asText());
        var filtered = titrate.call("GET", "/reports/sales-summary?groupBy=customer&customer=" + code, null).json();
        assertEquals("380.00", filtered.path("totals").path("netAmount").asText());
        var stats = titrate.call("GET", "/reports/purchase-sales?warehouse=WH1&product=NAOH-25", null).json().path("rows").get(0);
        java.math.BigDecimal onHand = java.math.BigDecimal.ZERO;
        for (var item : titrate.call("GET", "/stock?sku=NAOH-25&warehouseCode=WH1&limit=500", null).json().path("items")) {
            onHand = onHand.add(item.path("quantity").decimalValue());
        }
        assertEquals(stats.toString(), 0, onHand.compareTo(stats.path("closing").decimalValue()));
        assertTrue(stats.toString(), stats.path("purchasedAmount").decimalValue().compareTo(new java.math.BigDecimal("800.00")) >= 0);
        String csv = TitrateTestSupport.http("GET", titrate.url("/reports/sales-summary?groupBy=customer&customer=" + code + "&format=csv"),
                "admin", PASSWORD, null, Map.of()).body();
        assertTrue(csv, csv.contains(name) && csv.contains("380.00"));

        titrate.stop();
        titrate.start();
        assertEquals(name, titrate.call("GET", "/customers/" + code, null).json().path("name").asText());
        assertEquals("7722-84-1", titrate.call("GET", "/products/H2O2-30", null).json().path("casNumber").asText());
    }
}
