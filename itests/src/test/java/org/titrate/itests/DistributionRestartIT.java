package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Starts the distribution the way the README says, as its own process (not through Pax Exam), with
 * the admin password from {@code TITRATE_ADMIN_PASSWORD}; stops it and starts it again on the same
 * data. Prints the cold and warm start times and resident memory: figures, never assertions.
 */
public class DistributionRestartIT {
    private static final String PASSWORD = "it-" + TitrateTestSupport.RUN + "-secret";
    private DistributionProcess titrate;

    @Before
    public void unpack() throws Exception {
        titrate = new DistributionProcess("restart-it", PASSWORD);
    }

    @After
    public void stop() throws Exception {
        titrate.close();
    }

    @Test
    public void dataSurviveARestartAndTheEnvironmentSetsTheAdminPassword() throws Exception {
        long cold = titrate.start();
        String code = "RST-" + TitrateTestSupport.RUN;
        String name = "上海华谊新材料有限公司 " + TitrateTestSupport.RUN;
        TitrateTestSupport.Reply created = titrate.call("POST", "/customers", Map.of("code", code, "name", name, "creditLimit", 1200000));
        assertEquals(created.body(), 201, created.status());
        assertFalse("no generated password when the environment sets one",
                Files.exists(titrate.home().resolve("data/initial-admin-password")));
        long rss = titrate.residentKb();

        titrate.stop();
        long warm = titrate.start();
        TitrateTestSupport.Reply again = titrate.call("GET", "/customers/" + code, null);
        assertEquals(again.body(), 200, again.status());
        assertEquals("1200000.00", again.json().path("creditLimit").decimalValue().toPlainString());
        assertEquals(name, again.json().path("name").asText());

        // The shell over SSH, as an administrator uses it: Chinese names come back intact.
        String listed = titrate.sshShell("titrate:customer-list -q " + code);
        assertTrue(listed, listed.contains(name));

        DistributionProcess.figure("restart.txt", String.format("FIGURES cold start to first 200 from /api/v1/modules: %d ms;"
                + " restart: %d ms; resident memory after start: %d MB", cold, warm, rss / 1024));
    }
}
