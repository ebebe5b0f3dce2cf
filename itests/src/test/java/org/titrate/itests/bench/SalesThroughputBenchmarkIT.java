package org.titrate.itests.bench;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * Orders posted per second through REST (create with 3 lines, confirm, ship), one client and four,
 * and the order list with totals over 100 000 orders. Run with {@code mvn -Pbenchmark verify -pl itests}
 * after a build; figures go to {@code itests/target/benchmark-sales.txt}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SalesThroughputBenchmarkIT extends SalesBenchmarkSupport {
    private static final int BULK_ORDERS = Integer.getInteger("titrate.benchmark.orders", 100_000);
    private static final String REGION = "benchRegion" + RUN;

    @Inject
    @Filter(value = "(osgi.jndi.service.name=titrate)", timeout = 300_000)
    private DataSource dataSource;

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                systemProperty("titrate.benchmark.report").value(new File("target/benchmark-sales.txt").getAbsolutePath()),
                systemProperty("titrate.benchmark.orders").value(System.getProperty("titrate.benchmark.orders", "100000")));
    }

    @Test
    public void ordersPerSecondAndTheOrderListOverManyOrders() throws Exception {
        masterData();
        // The JIT needs a few thousand requests before the figures settle.
        throughput(2, 150);
        report(throughput(1, 300));
        report(throughput(4, 150));
        report(throughput(8, 75));

        assertEquals(201, post("/custom-fields", map("key", REGION, "label", "销售区域", "type", "CHOICE",
                "choices", List.of("华东", "华南", "华北"))).status());
        long start = System.nanoTime();
        bulkInsert(BULK_ORDERS);
        report(String.format("bulk-loaded %d orders (3 lines, 1 history entry each; plain JDBC) in %.1f s", BULK_ORDERS,
                (System.nanoTime() - start) / 1e9));
        String month = "from=2025-03-01&to=2025-03-31";
        for (String query : List.of("limit=50", "customerCode=BKC7&limit=50", month + "&limit=50", "type=RETURN&status=RECEIVED&limit=50",
                "cf." + REGION + "=%E5%8D%8E%E4%B8%9C&limit=50", "offset=50000&limit=50", "q=BK-" + RUN + "-4242&limit=50")) {
            Reply first = get("/sales-orders?" + query);
            assertEquals(first.body(), 200, first.status());
            double ms = medianMillis(5, () -> get("/sales-orders?" + query));
            report(String.format("GET /sales-orders?%s: %.0f ms median of 5 (total %s, net %s)", query, ms,
                    first.json().path("total").asText(), first.json().path("totals").path("netAmount").asText()));
        }
    }

    private String throughput(int clients, int ordersPerClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    int failed = 0;
                    for (int i = 0; i < ordersPerClient; i++) {
                        failed += postOneOrder();
                    }
                    return failed;
                }));
            }
            int failed = 0;
            for (Future<Integer> f : results) {
                failed += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int orders = clients * ordersPerClient;
            assertEquals(0, failed);
            return String.format("%d client(s): %d orders (create 3 lines + confirm + ship) in %.1f s = %.0f orders/s", clients, orders,
                    seconds, orders / seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Orders of 200 customers over 2025, one in ten a received return; every third one with a region. */
    private void bulkInsert(int count) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
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
                    BigDecimal amount = new BigDecimal(100 + i % 900).setScale(2);
                    BigDecimal total = BigDecimal.ZERO.setScale(2);
                    for (int l = 1; l <= 3; l++) {
                        BigDecimal quantity = BigDecimal.valueOf(l).multiply(sign).setScale(3);
                        BigDecimal lineAmount = quantity.multiply(amount).setScale(2);
                        total = total.add(lineAmount);
                        line.setString(1, UUID.randomUUID().toString());
                        line.setString(2, id);
                        line.setInt(3, l);
                        line.setString(4, SKUS.get(l - 1));
                        line.setString(5, isReturn ? "RETURN" : "SHIP");
                        line.setBigDecimal(6, quantity);
                        line.setBigDecimal(7, amount);
                        line.setBigDecimal(8, lineAmount);
                        line.addBatch();
                    }
                    order.setString(1, id);
                    order.setString(2, "BK-" + RUN + "-" + i);
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
                    if (i % 3 == 0) {
                        field.setString(1, UUID.randomUUID().toString());
                        field.setString(2, id);
                        field.setString(3, REGION);
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
        }
    }
}
