package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Modules from the shell: what each needs and what needs it, an uninstall that another module's need refuses (exit 1),
 * and a command of an uninstalled module that says so instead of "Command not found"; installs and uninstalls land in
 * the audit with who and from where.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleAdminIT extends TitrateTestSupport {
    private static final String LOCAL = "127.0.0.1";

    private SshAnswer ssh(String command) throws Exception {
        return sshExec(LOCAL, "admin", adminPassword, command);
    }

    private JsonNode module(String name) {
        for (JsonNode m : get("/modules?limit=100").json().path("items")) {
            if (name.equals(m.path("name").asText())) {
                return m;
            }
        }
        throw new AssertionError("no module " + name);
    }

    @Test
    public void modulesShowTheirNeedsAndANeededModuleStays() throws Exception {
        assertEquals("[\"customers\",\"platform\",\"products\"]", module("sales").path("needs").toString());
        assertTrue(module("sales").path("neededBy").toString(), module("sales").path("neededBy").toString().contains("finance"));
        String list = shell("admin", adminPassword, "titrate:module-list");
        assertTrue(list, list.contains("Needed by"));
        assertTrue(list, list.lines().anyMatch(l -> l.startsWith("finance") && l.contains("customers, platform, sales")));

        SshAnswer needed = ssh("titrate:module-uninstall sales");
        assertEquals(needed.output(), Integer.valueOf(1), needed.exitStatus());
        assertTrue(needed.output(), needed.output().contains("module sales is needed by ") && needed.output().contains("finance"));
        assertTrue(module("sales").path("installed").asBoolean());

        SshAnswer unknown = ssh("titrate:module-install nosuch");
        assertEquals(unknown.output(), Integer.valueOf(1), unknown.exitStatus());
        assertTrue(unknown.output(), unknown.output().contains("no module 'nosuch'"));
        SshAnswer twice = ssh("titrate:module-install sales");
        assertEquals(twice.output(), Integer.valueOf(1), twice.exitStatus());
        assertTrue(twice.output(), twice.output().contains("installed already"));
    }

    @Test
    public void aCommandOfAnUninstalledModuleSaysSo() throws Exception {
        SshAnswer gone = ssh("titrate:module-uninstall finance");
        assertEquals(gone.output(), Integer.valueOf(0), gone.exitStatus());
        try {
            assertFalse(module("finance").path("installed").asBoolean());
            SshAnswer balance = ssh("titrate:balance C0001");
            assertEquals(balance.output(), Integer.valueOf(1), balance.exitStatus());
            assertTrue(balance.output(), balance.output().contains("module finance is not installed"));
            assertFalse(balance.output(), balance.output().contains("Command not found"));
            // a name no module ever brought is still Karaf's own answer
            SshAnswer unknown = ssh("titrate:nosuch-" + RUN);
            assertTrue(unknown.output(), unknown.output().contains("Command not found"));
            SshAnswer again = ssh("titrate:module-uninstall finance");
            assertEquals(again.output(), Integer.valueOf(1), again.exitStatus());
            assertTrue(again.output(), again.output().contains("module finance is not installed"));
        } finally {
            SshAnswer back = ssh("titrate:module-install finance");
            assertEquals(back.output(), Integer.valueOf(0), back.exitStatus());
        }
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> !ssh("titrate:balance NOPE-" + RUN).output().contains("not installed"));
        SshAnswer real = ssh("titrate:balance NOPE-" + RUN);
        assertEquals(real.output(), Integer.valueOf(1), real.exitStatus());
        assertFalse("the real command answers again: " + real.output(), real.output().contains("module finance"));

        for (String action : new String[] {"MODULE_UNINSTALL", "MODULE_INSTALL"}) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (JsonNode e : get("/audit?user=admin&limit=1000").json()) {
                    if (action.equals(e.path("action").asText()) && "titrate-finance".equals(e.path("target").asText())
                            && LOCAL.equals(e.path("address").asText())) {
                        return true;
                    }
                }
                return false;
            });
        }
    }
}
