package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    private Path home;
    private int httpPort;

    @Before
    public void unpack() throws Exception {
        Path archive = TitrateTestSupport.distributionArchive();
        Path target = Path.of("target", "restart-it").toAbsolutePath();
        run(List.of("rm", "-rf", target.toString()), null);
        Files.createDirectories(target);
        run(List.of("tar", "xzf", archive.toString(), "-C", target.toString()), null);
        try (var dirs = Files.list(target)) {
            home = dirs.findFirst().orElseThrow();
        }
        httpPort = TitrateTestSupport.freePort();
        append("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port = " + httpPort);
        append("etc/org.apache.karaf.shell.cfg", "sshPort = " + TitrateTestSupport.freePort());
        append("etc/org.apache.karaf.management.cfg", "rmiRegistryPort = " + TitrateTestSupport.freePort());
        append("etc/org.apache.karaf.management.cfg", "rmiServerPort = " + TitrateTestSupport.freePort());
    }

    @After
    public void stop() throws Exception {
        if (home != null) {
            karaf("stop");
            awaitStopped();
        }
    }

    @Test
    public void dataSurviveARestartAndTheEnvironmentSetsTheAdminPassword() throws Exception {
        long cold = start();
        String code = "RST-" + TitrateTestSupport.RUN;
        TitrateTestSupport.Reply created = TitrateTestSupport.http("POST", url("/customers"), "admin", PASSWORD,
                Map.of("code", code, "name", "上海华谊新材料有限公司 " + TitrateTestSupport.RUN, "creditLimit", 1200000), Map.of());
        assertEquals(created.body(), 201, created.status());
        assertTrue("no generated password when the environment sets one",
                !Files.exists(home.resolve("data/initial-admin-password")));
        long rss = residentKb();

        karaf("stop");
        awaitStopped();
        long warm = start();
        TitrateTestSupport.Reply again = TitrateTestSupport.http("GET", url("/customers/" + code), "admin", PASSWORD, null, Map.of());
        assertEquals(again.body(), 200, again.status());
        assertEquals("1200000.00", again.json().path("creditLimit").decimalValue().toPlainString());
        assertEquals("上海华谊新材料有限公司 " + TitrateTestSupport.RUN, again.json().path("name").asText());

        // The shell over SSH, as an administrator uses it: Chinese names come back intact.
        String listed = sshShell("titrate:customer-list -q " + code);
        assertTrue(listed, listed.contains("上海华谊新材料有限公司 " + TitrateTestSupport.RUN));

        System.out.printf("FIGURES cold start to first 200 from /api/v1/modules: %d ms; restart: %d ms; resident memory after start: %d MB%n",
                cold, warm, rss / 1024);
    }

    /** Pipes a command into {@code bin/client} (SSH to this instance's port), the batch mode that prints reliably. */
    private String sshShell(String command) throws Exception {
        Process p = new ProcessBuilder(home.resolve("bin/client").toString(), "-u", "admin", "-p", PASSWORD, "-b")
                .redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/client did not finish: " + out);
        }
        return out;
    }

    private long start() throws Exception {
        long t0 = System.nanoTime();
        karaf("start");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> TitrateTestSupport.http("GET", url("/modules"), "admin", PASSWORD, null, Map.of()).status() == 200);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private void awaitStopped() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> pid() == null);
    }

    private String url(String path) {
        return "http://localhost:" + httpPort + "/api/v1" + path;
    }

    private void karaf(String script) throws Exception {
        run(List.of(home.resolve("bin/" + script).toString()), Map.of("TITRATE_ADMIN_PASSWORD", PASSWORD));
    }

    /** The PID of this instance, from the karaf.pid file Karaf writes, while the process lives. */
    private String pid() throws IOException {
        Path file = home.resolve("karaf.pid");
        if (!Files.exists(file)) {
            return null;
        }
        String pid = Files.readString(file).strip();
        return Files.exists(Path.of("/proc", pid)) ? pid : null;
    }

    private long residentKb() throws IOException {
        String pid = pid();
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private void append(String file, String line) throws IOException {
        Path p = home.resolve(file);
        Files.writeString(p, System.lineSeparator() + line + System.lineSeparator(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static void run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/restart-it.log")));
        if (env != null) {
            pb.environment().putAll(env);
        }
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed; see target/restart-it.log");
        }
    }
}
