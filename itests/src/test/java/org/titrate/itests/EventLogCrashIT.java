package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The event log survives {@code kill -9}: four clients post orders (create, confirm) against the packaged
 * distribution running as its own process while an integration follows {@code /events}; the process is killed
 * without warning, started again on the same data, and then every change a client was told about is in the log
 * exactly once, the follower resumes from its position without gap or repeat, and the durable cursors inside the
 * container (EventAdmin's announcements, finance's follower of the sales events) catch up.
 */
public class EventLogCrashIT {
    private static final String PASSWORD = "it-" + TitrateTestSupport.RUN + "-secret";
    private static final String RUN = TitrateTestSupport.RUN;
    private static final String TOPIC = "org/titrate/sales/order/";
    private DistributionProcess titrate;

    @Before
    public void unpack() throws Exception {
        titrate = new DistributionProcess("eventlog-crash-it", PASSWORD);
    }

    @After
    public void stop() throws Exception {
        titrate.close();
    }

    /** An integration's cursor, kept with its work (here: the list of what it handled). */
    private static final class Follower {
        long after;
        final List<Long> seen = new ArrayList<>();
        final Set<String> changes = new HashSet<>();

        /** Reads one page; false when the page was empty. */
        boolean poll(DistributionProcess t) throws Exception {
            TitrateTestSupport.Reply r = t.call("GET", "/events?limit=500&type=" + TOPIC + "&after=" + after, null);
            assertEquals(r.body(), 200, r.status());
            JsonNode items = r.json().path("items");
            for (JsonNode e : items) {
                seen.add(e.path("seq").asLong());
                assertTrue("shown twice: " + e, changes.add(e.path("key").asText() + " " + e.path("type").asText()));
            }
            after = r.json().path("next").asLong();
            return items.size() > 0;
        }
    }

    @Test
    public void everyAcknowledgedChangeIsInTheLogOnceAfterKillMinus9AndCursorsResume() throws Exception {
        titrate.start();
        String customer = "KC-" + RUN;
        String sku = "KP-" + RUN;
        assertEquals(201, titrate.call("POST", "/customers", Map.of("code", customer, "name", "宁波断电化工有限公司", "status", "ACTIVE")).status());
        assertEquals(201, titrate.call("POST", "/products", Map.of("sku", sku, "name", "盐酸 31%", "unit", "桶", "listPrice", 50)).status());
        long start = titrate.call("GET", "/events?limit=1", null).json().path("size").path("lastSeq").asLong();

        Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean posting = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> done = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            done.add(clients.submit(() -> {
                int errors = 0;
                while (posting.get() && errors < 3) {
                    try {
                        TitrateTestSupport.Reply created = titrate.call("POST", "/sales-orders", Map.of("type", "ORDER", "customerCode", customer,
                                "lines", List.of(Map.of("sku", sku, "quantity", 1, "deliveryDate", "2026-12-01"))));
                        if (created.status() != 201) {
                            errors++;
                            continue;
                        }
                        String number = created.json().path("number").asText();
                        acknowledged.put(number + " " + TOPIC + "CREATE", true);
                        if (titrate.call("POST", "/sales-orders/" + number + "/confirm", null).status() == 200) {
                            acknowledged.put(number + " " + TOPIC + "CONFIRM", true);
                        }
                    } catch (RuntimeException e) {
                        errors++; // the container is gone
                    }
                }
                return errors;
            }));
        }
        Follower follower = new Follower();
        follower.after = start;
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
            follower.poll(titrate);
            return acknowledged.size() >= 300;
        });
        titrate.kill();
        posting.set(false);
        for (Future<Integer> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();
        int beforeCrash = follower.seen.size();

        titrate.start();
        while (follower.poll(titrate)) {
            // resumes where it was
        }
        // Every change a client was told about is in the log, once; nothing is shown twice to the follower.
        Map<String, Integer> inLog = new HashMap<>();
        List<Long> all = new ArrayList<>();
        long after = start;
        while (true) {
            JsonNode page = titrate.call("GET", "/events?limit=500&type=" + TOPIC + "&after=" + after, null).json();
            if (page.path("items").size() == 0) {
                break;
            }
            for (JsonNode e : page.path("items")) {
                all.add(e.path("seq").asLong());
                inLog.merge(e.path("key").asText() + " " + e.path("type").asText(), 1, Integer::sum);
            }
            after = page.path("next").asLong();
        }
        for (String change : acknowledged.keySet()) {
            assertEquals(change, Integer.valueOf(1), inLog.get(change));
        }
        assertTrue(inLog.toString(), inLog.values().stream().allMatch(n -> n == 1));
        assertEquals("the follower resumed without gap or repeat", all, follower.seen);

        // After the restart numbers go on after every number anybody has read, and the durable cursor catches up.
        long last = all.get(all.size() - 1);
        TitrateTestSupport.Reply created = titrate.call("POST", "/sales-orders", Map.of("type", "ORDER", "customerCode", customer,
                "lines", List.of(Map.of("sku", sku, "quantity", 1))));
        assertEquals(created.body(), 201, created.status());
        JsonNode next = titrate.call("GET", "/events?type=" + TOPIC + "&after=" + last, null).json();
        assertEquals(created.json().path("number").asText(), next.path("items").get(0).path("key").asText());
        // Finance's cursor over the sales events (it books what the posting listener did not) passes them all.
        long lastSales = next.path("items").get(0).path("seq").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode size = titrate.call("GET", "/events?limit=1", null).json().path("size");
            Map<String, Long> cursors = new HashMap<>();
            size.path("cursors").forEach(c -> cursors.put(c.path("name").asText(), c.path("position").asLong()));
            return cursors.getOrDefault("platform.eventadmin", -1L) == size.path("lastSeq").asLong()
                    && cursors.getOrDefault("finance.sales", -1L) >= lastSales;
        });
        System.out.printf("FIGURES kill -9 with 4 clients posting: %d changes acknowledged, %d in the log, follower saw %d before and %d after"
                + " the restart, none twice%n", acknowledged.size(), all.size(), beforeCrash, all.size() - beforeCrash);
    }
}
