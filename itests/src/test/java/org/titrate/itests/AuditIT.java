package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The audit of administration: user, role, enable/disable and password changes, configuration changes of
 * {@code org.titrate.*} PIDs (secrets masked) and logins, each with who, when and from where, read through
 * {@code GET /audit} and {@code titrate:audit}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuditIT extends TitrateTestSupport {
    private static final String LOCAL = "127.0.0.1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The audit entries of {@code actor} as REST shows them, once one satisfies {@code wanted} (entries are written in the background). */
    private List<JsonNode> entriesOf(String actor, Predicate<JsonNode> wanted) {
        List<JsonNode> entries = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).alias("an audit entry of " + actor + " as wanted").until(() -> {
            Reply r = get("/audit?limit=1000&user=" + actor);
            entries.clear();
            if (r.status() == 200) { // a configuration change may restart the REST application for a moment
                r.json().forEach(entries::add);
            }
            return entries.stream().anyMatch(wanted);
        });
        return entries;
    }

    /** This test's own machine, as HTTP (either stack) or SSH (connected to 127.0.0.1) sees it. */
    private static boolean loopback(String address) {
        return Set.of(LOCAL, "0:0:0:0:0:0:0:1", "::1").contains(address);
    }

    private JsonNode entry(String actor, String action, String target) throws InterruptedException {
        Predicate<JsonNode> wanted = e -> action.equals(e.path("action").asText()) && target.equals(e.path("target").asText());
        JsonNode e = entriesOf(actor, wanted).stream().filter(wanted).findFirst().orElseThrow();
        assertEquals(e.toString(), actor, e.path("actor").asText());
        assertTrue(e.toString(), loopback(e.path("address").asText()));
        assertFalse(e.toString(), e.path("at").asText().isBlank());
        return e;
    }

    @Test
    public void userChangesOverRestAndTheShellAreRecordedWithActorAndAddress() throws Exception {
        String name = "audited-" + RUN.toLowerCase();
        String pw = createUser(name, "sales");
        assertTrue(entry("admin", "USER_ADD", name).path("detail").asText().contains("sales"));

        assertEquals(200, put("/users/" + name, map("roles", List.of("finance", "viewer"))).status());
        assertEquals("sales -> finance, viewer", entry("admin", "USER_ROLES", name).path("detail").asText());
        assertEquals(200, put("/users/" + name, map("active", false)).status());
        entry("admin", "USER_DISABLE", name);
        assertEquals(200, put("/users/" + name, map("active", true)).status());
        entry("admin", "USER_ENABLE", name);

        // over a real SSH connection, so the shell session knows where its user sits
        SshAnswer passwd = sshExec(LOCAL, "admin", adminPassword, "titrate:user-passwd " + name);
        assertEquals(passwd.output(), Integer.valueOf(0), passwd.exitStatus());
        JsonNode changed = entry("admin", "USER_PASSWORD", name);
        String newPassword = passwd.output().replaceAll("(?s).*\\(shown once\\): (\\S+).*", "$1");
        assertFalse("the password is never recorded", changed.toString().contains(newPassword));
        assertFalse(changed.toString().contains(pw));

        assertEquals(204, http("DELETE", "/users/" + name, "admin", adminPassword, null, Map.of()).status());
        entry("admin", "USER_DELETE", name);
    }

    @Test
    public void loginsSuccessfulAndFailedAreRecorded() throws Exception {
        String name = "login-" + RUN.toLowerCase();
        String pw = createUser(name, "operator", "viewer");
        assertNotNull("an operator opens the shell", sshExec(LOCAL, name, pw, null));
        entry(name, "LOGIN", "ssh");
        assertNull("a wrong password is refused", sshExec(LOCAL, name, pw + "-wrong", null));
        entry(name, "LOGIN_FAILED", "ssh");
        assertEquals(401, http("GET", "/customers?limit=1", name, "wrong-" + RUN, null, Map.of()).status());
        entry(name, "LOGIN_FAILED", "http");
    }

    @Test
    public void configurationChangesAreRecordedWithSecretsMasked() throws Exception {
        String pid = "org.titrate.finance.reminders";
        String secret = "s3cret-" + RUN;
        SshAnswer set = sshExec(LOCAL, "admin", adminPassword, "config:property-set -p " + pid + " auditProbe probe-" + RUN
                + "; config:property-set -p " + pid + " auditApiToken " + secret);
        assertEquals(set.output(), Integer.valueOf(0), set.exitStatus());
        try {
            Predicate<JsonNode> masked = e -> e.path("detail").asText().contains("auditApiToken: (none) -> ********");
            List<JsonNode> entries = entriesOf("admin", masked);
            assertTrue(entries.toString(), entries.stream().anyMatch(e -> "CONFIG_UPDATE".equals(e.path("action").asText())
                    && pid.equals(e.path("target").asText()) && e.path("detail").asText().contains("auditProbe: (none) -> probe-" + RUN)
                    && LOCAL.equals(e.path("address").asText())));
            assertFalse("a secret's value is never recorded", entries.toString().contains(secret));
        } finally {
            sshExec(LOCAL, "admin", adminPassword, "config:property-delete -p " + pid + " auditProbe; config:property-delete -p " + pid
                    + " auditApiToken");
        }
    }

    @Test
    public void theShellReadsTheAuditAndBadParametersAreNamed() throws Exception {
        String name = "reader-" + RUN.toLowerCase();
        createUser(name, "viewer");
        entry("admin", "USER_ADD", name);
        String out = shell("admin", adminPassword, "titrate:audit --user admin --from 2000-01-01 --limit 500");
        assertTrue(out, out.lines().anyMatch(l -> l.contains("USER_ADD") && l.contains(name) && (l.contains(LOCAL) || l.contains(":1"))));
        assertFalse(shell("admin", adminPassword, "titrate:audit --user nobody-" + RUN).contains("USER_ADD"));

        assertEquals(List.of("from", "limit"), assertProblem(400, get("/audit?from=2026-13-01&limit=0")).errorFields());
        assertEquals(List.of("to"), assertProblem(400, get("/audit?from=2026-05-02&to=2026-05-01")).errorFields());
        String sales = "sales-" + RUN.toLowerCase();
        assertProblem(403, http("GET", "/audit", sales, createUser(sales, "sales"), null, Map.of()));
        SshAnswer bad = sshExec(LOCAL, "admin", adminPassword, "titrate:audit --limit many");
        assertEquals(bad.output(), Integer.valueOf(1), bad.exitStatus());
        assertTrue(bad.output(), bad.output().contains("limit"));
    }
}
