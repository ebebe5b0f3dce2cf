package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** A module that is installed or uninstalled under load costs the other modules not one request. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleSwapIT extends TitrateTestSupport {
    private static final int SWAPS = 10;
    private static final List<String> OTHER_PATHS = List.of("/customers?limit=1", "/products?limit=1", "/sales-orders?limit=1",
            "/warehouses?limit=1", "/receivables?limit=1", "/modules");

    @Test
    public void swappingPurchasingTenTimesUnderLoadCostsOtherModulesNoRequest() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            load.add(clients.submit(() -> {
                for (int i = client; running.get(); i++) {
                    String path = OTHER_PATHS.get(i % OTHER_PATHS.size());
                    int status = get(path).status();
                    answered.incrementAndGet();
                    if (status != 200) {
                        failures.merge(path + " " + status, 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        try {
            for (int swap = 0; swap < SWAPS; swap++) {
                shell("admin", adminPassword, "feature:uninstall titrate-purchasing");
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                        .until(() -> get("/purchase-orders?limit=1").status() == 404);
                shell("admin", adminPassword, "feature:install titrate-purchasing");
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                        .until(() -> get("/purchase-orders?limit=1").status() == 200);
            }
        } finally {
            running.set(false);
            for (Future<?> f : load) {
                f.get(1, TimeUnit.MINUTES);
            }
            clients.shutdown();
        }
        String figure = "FIGURES module swaps: " + SWAPS + " uninstall/install cycles of titrate-purchasing under 4 clients: "
                + answered.get() + " requests on other modules' paths, " + failures.values().stream().mapToInt(Integer::intValue).sum()
                + " not 200 " + failures;
        figure("module-swap-figures.txt", figure);
        assertTrue("the clients ran throughout: " + answered.get(), answered.get() > SWAPS * 4);
        assertEquals(figure, Map.of(), failures);
    }
}
