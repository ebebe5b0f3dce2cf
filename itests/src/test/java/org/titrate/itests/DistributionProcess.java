package org.titrate.itests;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged distribution, unpacked into its own folder and run as a separate process on free
 * ports with {@code bin/start} and {@code bin/stop}, exactly as the README tells users to.
 */
final class DistributionProcess implements AutoCloseable {
    private final Path home;
    private final int httpPort;
    private final int sshPort;
    private final String adminPassword;

    DistributionProcess(String name, String adminPassword) throws Exception {
        this.adminPassword = adminPassword;
        Path target = Path.of("target", name).toAbsolutePath();
        run(List.of("rm", "-rf", target.toString()), Map.of());
        Files.createDirectories(target);
        run(List.of("tar", "xzf", TitrateTestSupport.distributionArchive().toString(), "-C", target.toString()), Map.of());
        try (var dirs = Files.list(target)) {
            home = dirs.findFirst().orElseThrow();
        }
        httpPort = TitrateTestSupport.freePort();
        append("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port = " + httpPort);
        sshPort = TitrateTestSupport.freePort();
        append("etc/org.apache.karaf.shell.cfg", "sshPort = " + sshPort);
        append("etc/org.apache.karaf.management.cfg", "rmiRegistryPort = " + TitrateTestSupport.freePort());
        append("etc/org.apache.karaf.management.cfg", "rmiServerPort = " + TitrateTestSupport.freePort());
    }

    Path home() {
        return home;
    }

    /** Something done to the running distribution, such as {@link #start()}. */
    interface Action {
        void run() throws Exception;
    }

    /**
     * Writes a measured figure for the closing notes to {@code itests/target/<file>} (and standard output): the
     * counterpart of {@link TitrateTestSupport#figure} for tests that run the distribution as a process.
     */
    static synchronized void figure(String file, String line) {
        System.out.println(line);
        try {
            Files.writeString(Path.of("target", file), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://localhost:" + httpPort + "/api/v1" + path;
    }

    /**
     * Waits until every path answers 200: the platform answers first and the modules register their
     * resources moments later. REST paths are under {@code /api/v1}; {@code /soap/...} paths are not.
     */
    void awaitServing(String... paths) {
        for (String path : paths) {
            String url = path.startsWith("/soap/") ? url("").replace("/api/v1", path) : url(path);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> TitrateTestSupport.http("GET", url, "admin", adminPassword, null, Map.of()).status() == 200);
        }
    }

    TitrateTestSupport.Reply call(String method, String path, Object body) {
        return TitrateTestSupport.http(method, url(path), "admin", adminPassword, body, Map.of());
    }

    /** Sets {@code key = value} in a {@code .cfg} file of {@code etc/}: its line replaced, or added when it has none. */
    void set(String file, String key, String value) throws IOException {
        Path path = home.resolve(file);
        List<String> lines = Files.exists(path) ? new java.util.ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8))
                : new java.util.ArrayList<>();
        String line = key + " = " + value;
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*[=:].*")) {
                lines.set(i, line);
                found = true;
            }
        }
        if (!found) {
            lines.add(line);
        }
        Files.write(path, lines, StandardCharsets.UTF_8);
    }

    void append(String file, String line) throws IOException {
        Files.writeString(home.resolve(file), System.lineSeparator() + line + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Starts the container and waits for the REST API; returns the milliseconds that took (the
     * figure the issue asks for). Then waits for the SSH shell too, which may come up later.
     */
    long start() throws Exception {
        return start(Map.of(), true);
    }

    /** {@code shell}: whether to wait for the SSH shell too; without, the start ends when the REST API answers. */
    long start(boolean shell) throws Exception {
        return start(Map.of(), shell);
    }

    /** {@link #start()} with more environment for Karaf's start script, such as {@code EXTRA_JAVA_OPTS}. */
    long start(Map<String, String> environment) throws Exception {
        return start(environment, true);
    }

    private long start(Map<String, String> environment, boolean shell) throws Exception {
        long t0 = System.nanoTime();
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("TITRATE_ADMIN_PASSWORD", adminPassword);
        run(List.of(home.resolve("bin/start").toString()), env);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> call("GET", "/modules", null).status() == 200);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        if (!shell) {
            return millis;
        }
        // The first SSH connection makes Karaf generate its host key; seen once to hang that
        // connection, so each attempt gets a short timeout of its own and the next one retries.
        String[] last = {""};
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> {
                        last[0] = sshShell("titrate:module-list", Duration.ofSeconds(20));
                        return last[0].contains("customers");
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("The SSH shell of " + home + " did not answer; last output: " + last[0], e);
        }
        return millis;
    }

    void stop() throws Exception {
        if (pid() != null) {
            run(List.of(home.resolve("bin/stop").toString()), Map.of());
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> pid() == null);
        }
    }

    /** Kills the container without warning ({@code kill -9}): no shutdown hook, no commit in flight finishes. */
    void kill() throws Exception {
        String pid = pid();
        if (pid != null) {
            run(List.of("kill", "-9", pid), Map.of());
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() -> pid() == null);
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    /** Pipes a command into {@code bin/client} (SSH to this instance's port), the batch mode that prints reliably. */
    String sshShell(String command) throws Exception {
        return sshShell(command, Duration.ofMinutes(2));
    }

    private String sshShell(String command, Duration timeout) throws Exception {
        Path output = Files.createTempFile(home, "client", ".out");
        Process p = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort), "-u", "admin",
                "-p", adminPassword, "-b")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try (var in = p.getOutputStream()) {
            in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
        // Output goes to a file, so a hung client cannot block us past the timeout.
        boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        if (!finished) {
            throw new IllegalStateException("bin/client did not finish: " + out);
        }
        return out;
    }

    /** The PID Karaf wrote, while that process lives. */
    /** User and system CPU of the running process (JIT and GC included), in clock ticks. */
    long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc", pid(), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** JDBC work on a database connection, committed by the caller's {@link #database}. */
    interface Sql<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs JDBC work on the stopped distribution's embedded Derby database, then shuts that database down again. */
    <T> T database(Sql<T> work) throws SQLException {
        String url = "jdbc:derby:" + home.resolve("data/titrate-db");
        T result;
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            result = work.run(c);
            c.commit();
        }
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby reports a clean shutdown of one database as SQLState 08006; the distribution may now open it.
            if (!"08006".equals(expected.getSQLState())) {
                throw expected;
            }
        }
        return result;
    }

    String pid() throws IOException {
        Path file = home.resolve("karaf.pid");
        if (!Files.exists(file)) {
            return null;
        }
        String pid = Files.readString(file).strip();
        return Files.exists(Path.of("/proc", pid)) ? pid : null;
    }

    long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", pid(), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static void run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/distribution-process.log")));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed; see target/distribution-process.log");
        }
    }
}
