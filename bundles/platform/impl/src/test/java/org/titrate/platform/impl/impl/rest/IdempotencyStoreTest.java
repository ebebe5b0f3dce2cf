package org.titrate.platform.impl.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Random;
import javax.sql.DataSource;
import org.junit.Before;
import org.junit.Test;
import org.titrate.platform.api.db.SchemaMigrations;
import org.titrate.platform.testing.MigrationTesting;

public class IdempotencyStoreTest {
    private IdempotencyStore store;

    @Before
    public void freshStore() {
        DataSource ds = MigrationTesting.freshDerby();
        SchemaMigrations.migrate(ds, "platform", getClass().getClassLoader());
        store = new IdempotencyStore(ds);
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
