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
        store = new IdempotencyStore(ds);
    }

    /**
     * Issue 18: a request cut off by kill -9 after its claim may or may not have committed its work. Its key stays taken
     * after the restart, however long the retries go on, instead of being freed to run the work a second time.
     */
    @Test
    public void aClaimCutOffByARestartIsNeverRunAgain() throws Exception {
        Instant crash = Instant.now();
        IdempotencyStore before = new IdempotencyStore(ds, crash.minus(Duration.ofHours(1)));
        assertTrue(before.claim("wang", "cut-off", "f1") instanceof IdempotencyStore.Claimed);
        // the claim is made an hour old: well past the time after which a claim of the running JVM counts as abandoned
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE PLT_IDEMPOTENCY SET CREATED_AT = ? WHERE IDEM_KEY = 'cut-off'")) {
            ps.setTimestamp(1, Timestamp.from(crash.minus(Duration.ofMinutes(59))));
            ps.executeUpdate();
        }
        IdempotencyStore after = new IdempotencyStore(ds, crash);
        assertTrue(after.claim("wang", "cut-off", "f1") instanceof IdempotencyStore.CutOff);
        assertTrue(after.claim("wang", "cut-off", "f1") instanceof IdempotencyStore.CutOff);
        assertTrue(after.claim("wang", "cut-off", "other") instanceof IdempotencyStore.Mismatch);
        // the same age within the running JVM: its thread died without answering, so the key is freed
        IdempotencyStore running = new IdempotencyStore(ds, crash.minus(Duration.ofHours(2)));
        assertTrue(running.claim("wang", "cut-off", "f1") instanceof IdempotencyStore.Claimed);
        assertTrue(running.claim("wang", "cut-off", "f1") instanceof IdempotencyStore.InProgress);
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
            assertTrue(store.claim("wang", key, "f1") instanceof IdempotencyStore.Claimed);
            store.complete("wang", key, 201, "http://localhost/api/v1/sales-orders/SO-2026-000001", body);
            IdempotencyStore.Replay replay = (IdempotencyStore.Replay) store.claim("wang", key, "f1");
            assertEquals(201, replay.status());
            assertEquals("http://localhost/api/v1/sales-orders/SO-2026-000001", replay.location());
            assertEquals(body, replay.body());
        }
    }

    @Test
    public void shortAndEmptyAnswersReplayAsTheyWere() throws Exception {
        store.claim("wang", "short", "f1");
        store.complete("wang", "short", 201, null, "{\"code\":\"C1\",\"name\":\"浙江巨化\"}");
        assertEquals("{\"code\":\"C1\",\"name\":\"浙江巨化\"}", ((IdempotencyStore.Replay) store.claim("wang", "short", "f1")).body());
        store.claim("wang", "none", "f1");
        store.complete("wang", "none", 204, null, null);
        IdempotencyStore.Replay replay = (IdempotencyStore.Replay) store.claim("wang", "none", "f1");
        assertEquals(204, replay.status());
        assertNull(replay.body());
        assertTrue(store.claim("li", "none", "f1") instanceof IdempotencyStore.Claimed);
        assertTrue(store.claim("wang", "none", "other") instanceof IdempotencyStore.Mismatch);
    }
}
