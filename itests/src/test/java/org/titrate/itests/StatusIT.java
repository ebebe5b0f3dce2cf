package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** What an administrator and a load balancer ask first: {@code GET /status}, {@code titrate:status}, {@code GET /health}. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StatusIT extends TitrateTestSupport {

    @Test
    public void statusShowsModulesDatabaseConsumersAndJobs() throws Exception {
        JsonNode status = get("/status").json();
        Map<String, JsonNode> modules = new HashMap<>();
        status.path("modules").forEach(m -> modules.put(m.path("name").asText(), m));
        for (String module : new String[] {"platform", "customers", "products", "sales", "inventory", "finance", "purchasing"}) {
            JsonNode m = modules.get(module);
            assertTrue(module + " in " + status, m != null && m.path("installed").asBoolean() && m.path("active").asBoolean()
                    && m.path("licensed").asBoolean());
        }
        assertTrue(status.toString(), modules.get("customers").path("schemaVersion").asInt() >= 1);
        assertEquals(status.toString(), "Apache Derby", status.path("database").path("product").asText());
        assertFalse(status.path("database").path("version").asText().isEmpty());
        assertTrue(status.toString(), status.path("eventLog").path("consumers").size() >= 1);
        status.path("eventLog").path("consumers").forEach(c -> assertTrue(c.toString(), c.path("behind").asLong() >= 0));
        assertTrue(status.toString(), status.path("jobs").toString().contains("every 3600 s"));
        assertTrue(status.toString(), status.path("database").path("sizeBytes").asLong() > 0);
        // the notifications job runs every 2 s: it reports its last run, how it ended and when it runs next
        JsonNode notifications = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> job(get("/status").json(), "titrate-notifications"), j -> j != null && "ok".equals(j.path("lastOutcome").asText()));
        assertTrue(notifications.toString(), Instant.parse(notifications.path("nextRun").asText())
                .isAfter(Instant.parse(notifications.path("lastStart").asText())));

        String shown = shell("admin", adminPassword, "titrate:status");
        assertTrue(shown, shown.contains("Apache Derby") && shown.contains("customers") && shown.contains("Consumer")
                && shown.contains(" MB") && shown.contains("Next run") && shown.contains("+08:00"));

        String viewer = "statusviewer-" + RUN;
        String pw = createUser(viewer, "viewer");
        assertProblem(403, http("GET", "/status", viewer, pw, null, Map.of()));
    }

    private static JsonNode job(JsonNode status, String name) {
        for (JsonNode j : status.path("jobs")) {
            if (name.equals(j.path("name").asText())) {
                return j;
            }
        }
        return null;
    }

    @Test
    public void healthNeedsNoLoginAndTellsNoDetail() {
        Reply health = http("GET", "/health", null, null, null, Map.of());
        assertEquals(health.body(), 200, health.status());
        assertEquals("{\"status\":\"UP\"}", health.body());
    }
}
