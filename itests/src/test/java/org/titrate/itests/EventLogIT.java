package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.inject.Inject;
import javax.transaction.TransactionManager;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.events.LoggedEvent;
import org.titrate.sales.api.SalesEvents;

/**
 * The platform's event log: appended in the change's transaction, read by sequence, never past a
 * transaction that has not ended; durable cursors; the REST feed and the shell.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EventLogIT extends TitrateTestSupport {
    private static final String TYPE = "org/titrate/it/EVENT";
    private static final String CUSTOMER = "EV-" + RUN;
    private static final String SKU = "EVP-" + RUN;

    @Inject
    private BundleContext context;

    @Inject
    @Filter(timeout = 300_000)
    private TransactionManager transactions;

    @Inject
    @Filter(timeout = 300_000)
    private EventLog log;

    @Before
    public void masterData() {
        if (get("/customers/" + CUSTOMER).status() == 404) {
            assertEquals(201, post("/customers", map("code", CUSTOMER, "name", "杭州事件化工有限公司", "status", "ACTIVE")).status());
            assertEquals(201, post("/products", map("sku", SKU, "name", "氢氧化钠 25kg", "unit", "袋", "listPrice", 100)).status());
        }
    }

    /** Appends one event in a transaction of its own. */
    private long appendCommitted(String key) throws Exception {
        transactions.begin();
        try {
            long seq = log.append(TYPE, key, "it", Map.of("n", 1));
            transactions.commit();
            return seq;
        } catch (Exception | Error e) {
            transactions.rollback();
            throw e;
        }
    }

    /** What a consumer does: reads after its cursor, handles, moves the cursor in the same transaction. */
    private List<LoggedEvent> consume(String cursor, String keyPrefix) throws Exception {
        transactions.begin();
        try {
            long from = log.position(cursor);
            List<LoggedEvent> events = log.read(from, 500);
            if (!events.isEmpty()) {
                log.advance(cursor, from, events.get(events.size() - 1).seq());
            }
            transactions.commit();
            return events.stream().filter(e -> e.key().startsWith(keyPrefix)).toList();
        } catch (Exception | Error e) {
            transactions.rollback();
            throw e;
        }
    }

    @Test
    public void twoTransactionsCommittingOutOfSequenceOrderAreEachSeenOnceByACursor() throws Exception {
        String key = "OOO-" + RUN;
        String cursor = "it.out-of-order." + RUN;
        log.register(cursor, log.visibleUpTo());
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // The earlier number's transaction stays open while a later one commits.
            Future<Long> early = pool.submit(() -> {
                transactions.begin();
                long seq = log.append(TYPE, key + "-A", "it", Map.of("order", "first"));
                appended.countDown();
                assertTrue(commitFirst.await(60, TimeUnit.SECONDS));
                transactions.commit();
                return seq;
            });
            assertTrue(appended.await(60, TimeUnit.SECONDS));
            long late = appendCommitted(key + "-B");

            List<LoggedEvent> seen = new ArrayList<>(consume(cursor, key));
            assertEquals("the later event committed, but an earlier number is still in flight: the cursor must wait", List.of(), seen);
            assertTrue(log.read(late - 1, 10).stream().noneMatch(e -> e.seq() == late));

            commitFirst.countDown();
            long first = early.get(60, TimeUnit.SECONDS);
            assertTrue(first < late);
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                seen.addAll(consume(cursor, key));
                return seen.size() >= 2;
            });
            seen.addAll(consume(cursor, key));
            assertEquals(List.of(first, late), seen.stream().map(LoggedEvent::seq).toList());
            assertEquals(List.of(key + "-A", key + "-B"), seen.stream().map(LoggedEvent::key).toList());

            // A rolled-back append leaves a gap the cursor passes once what follows has committed.
            transactions.begin();
            long gone = log.append(TYPE, key + "-C", "it", Map.of());
            transactions.rollback();
            long after = appendCommitted(key + "-D");
            assertTrue(gone < after);
            List<LoggedEvent> rest = consume(cursor, key);
            assertEquals(List.of(key + "-D"), rest.stream().map(LoggedEvent::key).toList());
        } finally {
            commitFirst.countDown();
            pool.shutdownNow();
            log.unregister(cursor);
        }
    }

    @Test
    public void aCursorMovesOnlyWithTheWorkOfItsTransactionAndOnlyFromWhereItIs() throws Exception {
        String cursor = "it.cursor." + RUN;
        long start = log.register(cursor, log.visibleUpTo());
        long seq = appendCommitted("CUR-" + RUN);
        // Work that rolls back leaves the cursor where it was: the event is read again.
        transactions.begin();
        log.advance(cursor, start, seq);
        transactions.rollback();
        assertEquals(start, log.position(cursor));
        // A second consumer that read from the same place cannot move it again.
        log.advance(cursor, start, seq);
        try {
            log.advance(cursor, start, seq);
            fail("a cursor moved from where it no longer was");
        } catch (ConflictException expected) {
            // the events were handled by the first
        }
        // Pruning keeps what a registered cursor has not passed.
        long held = log.register("it.held." + RUN, seq - 1);
        try {
            log.prune(seq + 1);
            assertTrue(log.read(held, 10).stream().anyMatch(e -> e.seq() == seq));
        } finally {
            log.unregister("it.held." + RUN);
            log.unregister(cursor);
        }
    }

    @Test
    public void anEventIsVisibleToAFollowingConsumerWithinASecondOfItsCommit() throws Exception {
        String key = "LAT-" + RUN;
        String cursor = "it.latency." + RUN;
        log.register(cursor, log.visibleUpTo());
        Map<Long, Long> committedAt = new ConcurrentHashMap<>();
        Map<Long, Long> seenAt = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Object wake = new Object();
        AutoCloseable follow = log.onCommit(() -> {
            synchronized (wake) {
                wake.notifyAll();
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        int perWriter = 250;
        try {
            Future<?> follower = pool.submit(() -> {
                while (running.get()) {
                    for (LoggedEvent e : consume(cursor, key)) {
                        seenAt.putIfAbsent(e.seq(), System.nanoTime());
                    }
                    synchronized (wake) {
                        wake.wait(200);
                    }
                }
                return null;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        transactions.begin();
                        long seq = log.append(TYPE, key, "it", Map.of("i", i));
                        long before = System.nanoTime();
                        transactions.commit();
                        committedAt.put(seq, before);
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get(120, TimeUnit.SECONDS);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> seenAt.keySet().containsAll(committedAt.keySet()));
            running.set(false);
            follower.get(10, TimeUnit.SECONDS);
            List<Long> latencies = new ArrayList<>();
            committedAt.forEach((seq, t) -> latencies.add(Math.max(0, seenAt.get(seq) - t) / 1000));
            Collections.sort(latencies);
            long median = latencies.get(latencies.size() / 2);
            long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
            figure("event-log-figures.txt", String.format("FIGURES event log: %d events from 2 writers, commit to seen by a cursor median %.2f ms, p99 %.2f ms, max %.2f ms",
                    latencies.size(), median / 1000.0, p99 / 1000.0, latencies.get(latencies.size() - 1) / 1000.0));
            assertEquals(2 * perWriter, latencies.size());
            assertTrue("p99 " + p99 + " µs", p99 < 1_000_000);
        } finally {
            running.set(false);
            follow.close();
            pool.shutdownNow();
            log.unregister(cursor);
        }
    }

    @Test
    public void ordersAppendTheirActionsAndEventAdminAnnouncesThemFromTheLog() throws Exception {
        List<Event> announced = new CopyOnWriteArrayList<>();
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, SalesEvents.TOPIC_ALL);
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, announced::add, topics);
        try {
            long before = log.visibleUpTo();
            Reply created = post("/sales-orders", map("type", "ORDER", "customerCode", CUSTOMER,
                    "lines", List.of(map("sku", SKU, "quantity", 2, "deliveryDate", "2026-12-01"))));
            assertEquals(created.body(), 201, created.status());
            String number = created.json().path("number").asText();
            assertEquals(200, post("/sales-orders/" + number + "/confirm", null).status());
            assertEquals(200, post("/sales-orders/" + number + "/cancel", map("comment", "客户取消")).status());

            Reply page = get("/events?after=" + before + "&limit=500&type=org/titrate/sales/order/");
            assertEquals(page.body(), 200, page.status());
            List<String> actions = new ArrayList<>();
            long last = before;
            for (JsonNode e : page.json().path("items")) {
                assertTrue(e.path("seq").asLong() > last);
                last = e.path("seq").asLong();
                if (number.equals(e.path("key").asText())) {
                    actions.add(e.path("type").asText().substring(SalesEvents.TOPIC_PREFIX.length()));
                    assertEquals("admin", e.path("actor").asText());
                    assertEquals(CUSTOMER, JSON.readTree(e.path("payload").asText()).path(SalesEvents.CUSTOMER_CODE).asText());
                }
            }
            assertEquals(List.of("CREATE", "CONFIRM", "CANCEL"), actions);
            assertEquals(last, page.json().path("next").asLong());
            assertTrue(page.json().path("size").path("events").asLong() > 0);
            assertTrue(page.json().path("size").path("cursors").toString().contains("platform.eventadmin"));

            await().atMost(Duration.ofSeconds(10)).until(() -> announced.stream()
                    .filter(e -> number.equals(e.getProperty(SalesEvents.ORDER_NUMBER))).count() == 3);
            Event cancel = announced.stream().filter(e -> number.equals(e.getProperty(SalesEvents.ORDER_NUMBER))
                    && e.getTopic().equals(SalesEvents.TOPIC_PREFIX + "CANCEL")).findFirst().orElseThrow();
            assertEquals("CONFIRMED", cancel.getProperty(SalesEvents.FROM_STATUS));
            assertEquals("客户取消", cancel.getProperty(SalesEvents.COMMENT));
            assertTrue(cancel.getProperty(SalesEvents.AT) instanceof Long);
        } finally {
            handler.unregister();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void everyModuleAppendsItsChangesAndTheSoapFeedsFollowTheLog() throws Exception {
        long before = log.visibleUpTo();
        String wh = "EW-" + RUN;
        ensureWarehouse(wh, "事件仓库 " + RUN, false, false);
        Map<String, Object> customer = JSON.convertValue(get("/customers/" + CUSTOMER).json(), Map.class);
        customer.put("phone", "0571-88886666");
        assertEquals(200, put("/customers/" + CUSTOMER, customer).status());
        Map<String, Object> product = JSON.convertValue(get("/products/" + SKU).json(), Map.class);
        product.put("listPrice", 110);
        assertEquals(200, put("/products/" + SKU, product).status());
        Reply stock = post("/stock-documents", map("type", "RECEIPT", "warehouseCode", wh, "reference", "事件 " + RUN,
                "lines", List.of(map("sku", SKU, "quantity", 20))));
        assertEquals(stock.body(), 201, stock.status());
        String sd = stock.json().path("number").asText();
        Reply order = post("/sales-orders", map("type", "ORDER", "customerCode", CUSTOMER, "warehouseCode", wh,
                "lines", List.of(map("sku", SKU, "quantity", 3, "deliveryDate", "2026-12-01"))));
        String so = order.json().path("number").asText();
        assertEquals(200, post("/sales-orders/" + so + "/confirm", null).status());
        assertEquals(200, post("/sales-orders/" + so + "/ship", null).status());
        Reply receipt = post("/receipts", map("customerCode", CUSTOMER, "amount", 100, "method", "BANK_TRANSFER", "salesOrderNumber", so));
        assertEquals(receipt.body(), 201, receipt.status());
        String rc = receipt.json().path("number").asText();
        String supplier = "ES-" + RUN;
        assertEquals(201, post("/suppliers", map("code", supplier, "name", "浙江事件供应商 " + RUN, "paymentTermDays", 30)).status());
        Reply purchase = post("/purchase-orders", map("type", "ORDER", "supplierCode", supplier, "warehouseCode", wh,
                "lines", List.of(map("sku", SKU, "quantity", 5, "unitPrice", 40))));
        assertEquals(purchase.body(), 201, purchase.status());
        String po = purchase.json().path("number").asText();
        assertEquals(200, post("/purchase-orders/" + po + "/confirm", map()).status());
        assertEquals(200, post("/purchase-orders/" + po + "/receive", map()).status());

        java.util.Set<String> logged = new java.util.HashSet<>();
        for (JsonNode e : get("/events?limit=500&after=" + before).json().path("items")) {
            logged.add(e.path("type").asText() + " " + e.path("key").asText());
        }
        for (String expected : List.of("org/titrate/customers/customer/UPDATE " + CUSTOMER, "org/titrate/products/product/UPDATE " + SKU,
                "org/titrate/inventory/stock/POSTED " + sd, "org/titrate/sales/order/SHIP " + so, "org/titrate/inventory/stock/POSTED " + so,
                "org/titrate/finance/posting/POSTED " + so, "org/titrate/finance/money/REGISTERED " + rc, "org/titrate/finance/posting/POSTED " + rc,
                "org/titrate/purchasing/order/CREATE " + po, "org/titrate/purchasing/order/CONFIRM " + po,
                "org/titrate/purchasing/order/RECEIVE " + po, "org/titrate/inventory/stock/POSTED " + po,
                "org/titrate/finance/posting/POSTED " + po)) {
            assertTrue(expected + " in " + logged, logged.contains(expected));
        }

        // The SOAP feeds by sequence number: what changed after `before`, each with its place in the log.
        String postings = soapCall(soapClient("FinanceService", "urn:titrate:finance", "admin", adminPassword),
                "<f:listPostingsAfter xmlns:f='urn:titrate:finance'><afterSeq>" + before + "</afterSeq></f:listPostingsAfter>");
        assertTrue(postings, postings.contains("<documentNumber>" + so + "</documentNumber>") && postings.contains("<documentNumber>" + po
                + "</documentNumber>") && postings.contains("<seq>"));
        String orders = soapCall(soapClient("SalesOrderService", "urn:titrate:sales", "admin", adminPassword),
                "<s:listOrdersChangedAfter xmlns:s='urn:titrate:sales'><afterSeq>" + before + "</afterSeq></s:listOrdersChangedAfter>");
        assertTrue(orders, orders.contains("<number>" + so + "</number>") && orders.contains("<status>SHIPPED</status>")
                && orders.contains("<eventSeq>"));
    }

    @Test
    public void theFeedIsForAdminsAndNamesABadParameter() throws Exception {
        String viewer = "ev-viewer-" + RUN.toLowerCase();
        assertProblem(403, http("GET", "/events", viewer, createUser(viewer, "viewer"), null, Map.of()));
        assertTrue(assertProblem(400, get("/events?after=abc")).errorFields().contains("after"));
        assertTrue(assertProblem(400, get("/events?after=-1")).errorFields().contains("after"));
        assertTrue(assertProblem(400, get("/events?limit=501")).errorFields().contains("limit"));

        long seq = appendCommitted("SH-" + RUN);
        String listed = shell("admin", adminPassword, "titrate:event-list --after " + (seq - 1) + " --type " + TYPE);
        assertTrue(listed, listed.contains("SH-" + RUN) && listed.contains(String.valueOf(seq)));
        assertTrue(listed, listed.contains("events kept") && listed.contains("cursor platform.eventadmin"));
    }

    /**
     * Retention: the status report names the log's size, its types and how far behind each cursor is; pruning by age
     * (0 days: everything old enough) deletes what every cursor has passed and never an event a registered cursor has
     * not, over REST and the shell, for admins only.
     */
    @Test
    public void pruningByAgeNeverDeletesWhatARegisteredCursorHasNotPassed() throws Exception {
        String held = "it.retention." + RUN;
        long before = appendCommitted("RET-" + RUN + "-0");
        log.register(held, before);
        try {
            long first = appendCommitted("RET-" + RUN + "-1");
            long second = appendCommitted("RET-" + RUN + "-2");

            JsonNode status = get("/events/status").json();
            assertTrue(status.toString(), status.path("events").asLong() >= 3 && status.path("lastSeq").asLong() >= second);
            assertTrue(status.toString(), status.path("eventsByType").path(TYPE).asLong() >= 3);
            assertTrue(status.toString(), !status.path("oldestAt").isMissingNode() && !status.path("newestAt").isNull());
            JsonNode cursor = null;
            for (JsonNode c : status.path("cursors")) {
                if (c.path("name").asText().equals(held)) {
                    cursor = c;
                }
            }
            assertTrue(status.toString(), cursor != null && cursor.path("position").asLong() == before
                    && cursor.path("eventsBehind").asLong() >= 2);

            Reply pruned = post("/events/prune?olderThanDays=0", null);
            assertEquals(pruned.body(), 200, pruned.status());
            // Everything up to the held cursor could go; the two events it has not handled stay.
            List<Long> kept = log.read(before, 10, TYPE).stream().map(LoggedEvent::seq).toList();
            assertTrue(kept.toString(), kept.contains(first) && kept.contains(second));
            assertTrue(log.next(held, 100).stream().anyMatch(e -> e.seq() == first));
            assertTrue(pruned.body(), pruned.json().path("status").path("firstSeq").asLong() <= first);

            // Once this cursor has passed them, they go as soon as every other cursor has passed them too: the shell
            // deletes up to the lowest cursor (cursors only move forward), never further, and the newest event stays.
            log.advance(held, before, second);
            appendCommitted("RET-" + RUN + "-3");
            long lowest = log.size().cursors().stream().mapToLong(c -> c.position()).min().orElseThrow();
            String shellPruned = shell("admin", adminPassword, "titrate:event-log-prune --older-than-days 0");
            assertTrue(shellPruned, shellPruned.contains("events deleted") && shellPruned.contains(held));
            long firstKept = log.size().firstSeq();
            assertTrue(firstKept + " after " + lowest, firstKept > lowest);
            String shown = shell("admin", adminPassword, "titrate:event-log-status");
            assertTrue(shown, shown.contains("events kept") && shown.contains(held) && shown.contains(TYPE));

            assertTrue(assertProblem(400, post("/events/prune", null)).errorFields().contains("olderThanDays"));
            assertTrue(assertProblem(400, post("/events/prune?olderThanDays=-1", null)).errorFields().contains("olderThanDays"));
            String viewer = "ret-viewer-" + RUN.toLowerCase();
            String password = createUser(viewer, "viewer");
            assertProblem(403, http("GET", "/events/status", viewer, password, null, Map.of()));
            assertProblem(403, http("POST", "/events/prune?olderThanDays=0", viewer, password, null, Map.of()));
        } finally {
            log.unregister(held);
        }
    }
}
