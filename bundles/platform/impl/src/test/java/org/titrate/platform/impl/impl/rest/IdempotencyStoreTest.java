package org.titrate.platform.impl.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.Before;
import org.junit.Test;
import org.titrate.platform.api.db.SchemaMigrations;
import org.titrate.platform.testing.MigrationTesting;

public class IdempotencyStoreTest {
    private IdempotencyStore store;
    private DataSource ds;

    @Before
    public void freshStore() {
        ds = MigrationTesting.freshDerby();
        SchemaMigrations.migrate(ds, "platform", getClass().getClassLoader());
        store = store(Instant.now().minus(Duration.ofHours(3)));
    }

    /**
     * Issue 18: a request cut off by kill -9 after its claim may or may not have committed its work. Its key stays taken
     * after the restart, however long the retries go on, instead of being freed to run the work a second time.
     */
    @Test
    public void aClaimCutOffByARestartIsNeverRunAgain() throws Exception {
        Instant crash = Instant.now();
        IdempotencyStore before = store(crash.minus(Duration.ofHours(1)));
        assertTrue(before.claim("wang", "cut-off", "f1", ORDER) instanceof IdempotencyStore.Claimed);
        // the claim is made an hour old: well past the time after which a claim of the running JVM counts as abandoned
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE PLT_IDEMPOTENCY SET CREATED_AT = ? WHERE IDEM_KEY = 'cut-off'")) {
            ps.setTimestamp(1, Timestamp.from(crash.minus(Duration.ofMinutes(59))));
            ps.executeUpdate();
        }
        IdempotencyStore after = store(crash);
        assertTrue(after.claim("wang", "cut-off", "f1", ORDER) instanceof IdempotencyStore.CutOff);
        assertTrue(after.claim("wang", "cut-off", "f1", ORDER) instanceof IdempotencyStore.CutOff);
        assertTrue(after.claim("wang", "cut-off", "other", ORDER) instanceof IdempotencyStore.Mismatch);
        // the same age within the running JVM: its thread died without answering, so the key is freed
        IdempotencyStore running = store(crash.minus(Duration.ofHours(2)));
        assertTrue(running.claim("wang", "cut-off", "f1", ORDER) instanceof IdempotencyStore.Claimed);
        assertTrue(running.claim("wang", "cut-off", "f1", ORDER) instanceof IdempotencyStore.InProgress);
    }

    private static final String ORDER = "org.titrate.sales.impl.rest.SalesOrderResource#create";

    /** A store as one made when a JVM started at {@code started}, with an event log up to number 1 000. */
    private IdempotencyStore store(Instant started) {
        return new IdempotencyStore(ds, started, 1000, at -> 0);
    }

    /** A claim of an hour ago, before the JVM of the returned store started: cut off by a crash. */
    private IdempotencyStore.CutOff cutOff(String user, String key, String method) throws Exception {
        Instant crash = Instant.now();
        assertTrue(store(crash.minus(Duration.ofHours(2))).claim(user, key, "f1", method) instanceof IdempotencyStore.Claimed);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE PLT_IDEMPOTENCY SET CREATED_AT = ? WHERE IDEM_KEY = ?")) {
            ps.setTimestamp(1, Timestamp.from(crash.minus(Duration.ofHours(1))));
            ps.setString(2, key);
            ps.executeUpdate();
        }
        return (IdempotencyStore.CutOff) store(crash).claim(user, key, "f1", method);
    }

    private void event(long seq, String document, String requestKey) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO PLT_EVENT"
                + " (SEQ, TYPE, DOC_KEY, ACTOR, OCCURRED_AT, PAYLOAD, REQUEST_KEY) VALUES (?, 'sales/order/created', ?, 'wang', ?, '{}', ?)")) {
            ps.setLong(1, seq);
            ps.setString(2, document);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setString(4, requestKey);
            ps.executeUpdate();
        }
    }

    /**
     * Issue 18: a request cut off by a crash committed exactly when an event its work appended carries its key: then the
     * retry learns the documents it made and runs nothing; without one, a method whose completed requests all appended
     * an event under their key runs afresh (once: a concurrent retry finds it in progress); a method that appends none
     * stays cut off (409).
     */
    @Test
    public void aCutOffClaimIsSettledByTheEventsItsWorkAppended() throws Exception {
        IdempotencyStore now = store(Instant.now());
        event(10, "SO-2026-000007", RequestKeys.hash("wang", "committed"));
        event(11, "SO-2026-000007", null);
        event(12, "SO-2026-000008", RequestKeys.hash("li", "committed")); // another user's key of the same text
        event(2000, "SO-2026-000009", RequestKeys.hash("wang", "committed")); // after the restart: not this request's work
        IdempotencyStore.Lookup committed = now.settle("wang", "committed", cutOff("wang", "committed", ORDER));
        assertEquals(java.util.List.of("SO-2026-000007"), ((IdempotencyStore.Committed) committed).documents());

        // nothing known of the method yet: the outcome is unknown
        IdempotencyStore.CutOff lost = cutOff("wang", "lost", ORDER);
        assertTrue(now.settle("wang", "lost", lost) instanceof IdempotencyStore.CutOff);
        // an order created, its work appended an event under its key: so would the lost one have
        assertTrue(now.claim("wang", "done", "f1", ORDER) instanceof IdempotencyStore.Claimed);
        now.complete("wang", "done", 201, null, "{}", true);
        assertTrue(now.settle("wang", "lost", lost) instanceof IdempotencyStore.Claimed);
        assertTrue(now.settle("wang", "lost", lost) instanceof IdempotencyStore.InProgress);

        String warehouse = "org.titrate.inventory.impl.rest.WarehouseResource#create";
        assertTrue(now.claim("wang", "w1", "f1", warehouse) instanceof IdempotencyStore.Claimed);
        now.complete("wang", "w1", 201, null, "{}", false);
        IdempotencyStore.CutOff unknown = cutOff("wang", "w2", warehouse);
        assertTrue(now.settle("wang", "w2", unknown) instanceof IdempotencyStore.CutOff);
    }

    /** A JSON answer of about {@code size} characters, Chinese text and digits that compress like a real order's lines. */
    private static String answer(int size) {
        Random random = new Random(7);
        StringBuilder b = new StringBuilder("{\"number\":\"SO-2026-000001\",\"lines\":[");
        for (int i = 0; b.length() < size; i++) {
            b.append(i == 0 ? "" : ",").append("{\"lineNo\":").append(i + 1).append(",\"sku\":\"NAOH-").append(random.nextInt(100000))
                    .append("\",\"note\":\"氢氧化钠 片碱 ").append(Long.toHexString(random.nextLong())).append("\",\"amount\":")
                    .append(random.nextInt(1_000_000)).append(".").append(random.nextInt(90) + 10).append('}');
        }
        return b.append("]}").toString();
    }

    /** Issue 11, item 4: a 200-line order's answer (44 kB) was replayed as status and Location only. */
    @Test
    public void aLongAnswerIsReplayedWhole() throws Exception {
        for (int size : new int[] {44_000, 400_000}) {
            String body = answer(size);
            String key = "order-" + size;
            assertTrue(store.claim("wang", key, "f1", ORDER) instanceof IdempotencyStore.Claimed);
            store.complete("wang", key, 201, "http://localhost/api/v1/sales-orders/SO-2026-000001", body, true);
            IdempotencyStore.Replay replay = (IdempotencyStore.Replay) store.claim("wang", key, "f1", ORDER);
            assertEquals(201, replay.status());
            assertEquals("http://localhost/api/v1/sales-orders/SO-2026-000001", replay.location());
            assertEquals(body, replay.body());
        }
    }

    @Test
    public void shortAndEmptyAnswersReplayAsTheyWere() throws Exception {
        store.claim("wang", "short", "f1", ORDER);
        store.complete("wang", "short", 201, null, "{\"code\":\"C1\",\"name\":\"浙江巨化\"}", true);
        assertEquals("{\"code\":\"C1\",\"name\":\"浙江巨化\"}", ((IdempotencyStore.Replay) store.claim("wang", "short", "f1", ORDER)).body());
        store.claim("wang", "none", "f1", ORDER);
        store.complete("wang", "none", 204, null, null, true);
        IdempotencyStore.Replay replay = (IdempotencyStore.Replay) store.claim("wang", "none", "f1", ORDER);
        assertEquals(204, replay.status());
        assertNull(replay.body());
        assertTrue(store.claim("li", "none", "f1", ORDER) instanceof IdempotencyStore.Claimed);
        assertTrue(store.claim("wang", "none", "other", ORDER) instanceof IdempotencyStore.Mismatch);
    }
}
