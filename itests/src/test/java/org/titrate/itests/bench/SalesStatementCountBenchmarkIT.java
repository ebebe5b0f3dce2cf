package org.titrate.itests.bench;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The SQL statements one posted order costs, counted from Derby's statement log (switched on for
 * this container only, since logging every statement slows everything down).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SalesStatementCountBenchmarkIT extends SalesBenchmarkSupport {

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/custom.system.properties", "derby.language.logStatementText", "true"),
                systemProperty("titrate.benchmark.report").value(new File("target/benchmark-sales.txt").getAbsolutePath()));
    }

    @Test
    public void statementsOfOnePostedOrder() throws Exception {
        masterData();
        for (int i = 0; i < 3; i++) {
            assertEquals(0, postOneOrder());
        }
        Map<String, Object> body = map("type", "ORDER", "customerCode", CUSTOMER, "warehouseCode", "WH1", "lines", List.of(
                map("sku", SKUS.get(0), "quantity", 2), map("sku", SKUS.get(1), "quantity", 3), map("sku", SKUS.get(2), "quantity", 4)));
        String[] number = new String[1];
        int create = statements("create (3 lines)", () -> {
            Reply r = post("/sales-orders", body);
            assertEquals(201, r.status());
            number[0] = r.json().path("number").asText();
            return r;
        });
        int confirm = statements("confirm", () -> post("/sales-orders/" + number[0] + "/confirm", null));
        int ship = statements("ship", () -> post("/sales-orders/" + number[0] + "/ship", null));
        report(String.format("SQL statements of one posted 3-line order: %d (create %d, confirm %d, ship %d)", create + confirm + ship,
                create, confirm, ship));
    }

    private int statements(String step, Supplier<Reply> request) throws IOException {
        Path log = Path.of(System.getProperty("karaf.data"), "log", "derby.log");
        int before = executed(log).size();
        Reply r = request.get();
        assertEquals(r.body(), true, r.status() < 300);
        List<String> all = executed(log);
        List<String> mine = all.subList(before, all.size());
        report(step + ": " + mine.size() + " statements");
        mine.forEach(s -> report("    " + (s.length() > 140 ? s.substring(0, 140) + "…" : s)));
        return mine.size();
    }

    private static List<String> executed(Path log) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("Executing prepared statement: ") || l.contains("Executing statement: "))
                .map(l -> l.replaceAll("^.*Executing (prepared )?statement: ", ""))
                .toList();
    }
}
