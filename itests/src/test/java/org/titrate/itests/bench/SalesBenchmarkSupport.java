package org.titrate.itests.bench;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.titrate.itests.TitrateTestSupport;

/**
 * What the sales benchmarks share: master data, the three REST calls of one posted order, and a
 * report that goes to the console and to {@code itests/target/benchmark-sales.txt}. Benchmarks print
 * figures; they assert only that the work they measured succeeded.
 */
public abstract class SalesBenchmarkSupport extends TitrateTestSupport {
    protected static final String CUSTOMER = "BENCH-" + RUN;
    protected static final List<String> SKUS = List.of("BN1-" + RUN, "BN2-" + RUN, "BN3-" + RUN);

    protected void masterData() {
        if (get("/customers/" + CUSTOMER).status() == 200) {
            return;
        }
        assertEquals(201, post("/customers", map("code", CUSTOMER, "name", "上海华谊新材料有限公司 " + RUN, "status", "ACTIVE",
                "channel", "WHOLESALE")).status());
        List<String> names = List.of("氢氧化钠(片碱) 99% 25kg/袋", "盐酸 31% 工业级 25kg/桶", "过氧化氢(双氧水) 30% 25kg/桶");
        for (int i = 0; i < SKUS.size(); i++) {
            assertEquals(201, post("/products", map("sku", SKUS.get(i), "name", names.get(i), "unit", "袋",
                    "listPrice", new BigDecimal("120.00").add(BigDecimal.valueOf(i)), "lotTracked", true)).status());
        }
    }

    /** Create (3 lines), confirm, ship; returns the number of requests that did not succeed. */
    protected int postOneOrder() {
        Reply created = post("/sales-orders", map("type", "ORDER", "customerCode", CUSTOMER, "warehouseCode", "WH1", "lines", List.of(
                map("sku", SKUS.get(0), "quantity", 2), map("sku", SKUS.get(1), "quantity", 3), map("sku", SKUS.get(2), "quantity", 4))));
        if (created.status() != 201) {
            return 3;
        }
        String number = created.json().path("number").asText();
        int failed = post("/sales-orders/" + number + "/confirm", null).status() == 200 ? 0 : 1;
        return failed + (post("/sales-orders/" + number + "/ship", null).status() == 200 ? 0 : 1);
    }

    /** The median of several timed runs, in milliseconds. */
    protected static double medianMillis(int runs, Supplier<?> work) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            times.add(System.nanoTime() - start);
        }
        Collections.sort(times);
        return times.get(times.size() / 2) / 1_000_000.0;
    }

    protected static void report(String line) {
        System.out.println("BENCHMARK " + line);
        String file = System.getProperty("titrate.benchmark.report");
        if (file != null) {
            try {
                Files.writeString(Path.of(file), line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

}
