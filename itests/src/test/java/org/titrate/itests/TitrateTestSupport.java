package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.ws.BindingProvider;
import javax.xml.ws.Dispatch;
import javax.xml.ws.Service;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.util.Filter;

/**
 * Boots the built Titrate distribution (on free ports) and talks to it the way users do: HTTP with
 * Basic credentials, SOAP, and the Karaf shell under a JAAS subject, so command ACLs apply.
 */
public abstract class TitrateTestSupport {
    /** Keeps 120.50 as 120.50, as the API sends it. */
    protected static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
    /** Makes every code this test run creates unique, so runs never collide on data. */
    protected static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    protected static final Duration STARTUP = Duration.ofMinutes(3);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Inject
    @Filter(timeout = 300_000)
    protected SessionFactory sessionFactory;

    protected String adminPassword;

    @Configuration
    public Option[] config() {
        return options(
                karafDistributionConfiguration()
                        .frameworkUrl(distributionArchive().toUri().toString())
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false)
                        .name("Titrate"),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.WARN),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(HTTP_PORT)),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository")),
                systemProperty("titrate.it.http.port").value(String.valueOf(HTTP_PORT)),
                mavenBundle("org.hamcrest", "hamcrest").versionAsInProject(),
                mavenBundle("org.awaitility", "awaitility").versionAsInProject(),
                junitBundles());
    }

    /** The tar.gz the reactor built (set by failsafe); not the local repository, which CI's `verify` does not fill. */
    static Path distributionArchive() {
        Path archive = Path.of(System.getProperty("titrate.distribution.archive", "../distribution/target/missing.tar.gz"))
                .toAbsolutePath().normalize();
        if (!Files.exists(archive)) {
            throw new IllegalStateException("Build the distribution first: " + archive + " does not exist");
        }
        return archive;
    }


    /**
     * A port nothing listens on, below Linux's ephemeral range (32768 and up) and above Pax Exam's RMI
     * ports (21000–21099): a port the kernel handed out would be reused for outgoing connections (the
     * test's own HTTP and RMI clients, Maven), so the container's listener could find it taken by the time
     * it binds. Never the same port twice in one JVM.
     */
    static synchronized int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 22000 + RANDOM.nextInt(10000);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new java.net.InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("No free port between 22000 and 32000");
    }

    private static final java.util.Random RANDOM = new java.security.SecureRandom();
    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();
    /** Chosen once in the JVM that configures the container, handed to the container as a system property. */
    private static final int HTTP_PORT = freePort();

    /** Waits until the admin password exists and the REST API answers: the container has finished booting Titrate. */
    @Before
    public void waitForTitrate() {
        Path file = Path.of(System.getProperty("karaf.data"), "initial-admin-password");
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(250)).until(() -> Files.exists(file) && Files.size(file) > 0);
        try {
            adminPassword = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Modules start in any order after the platform: wait until each one serves REST, SOAP and the shell.
        if (bootFailure != null) {
            throw new AssertionError("Titrate did not boot in this container (see the first test's failure)", bootFailure);
        }
        String[] missing = {"nothing tried yet"};
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(250))
                    .until(() -> (missing[0] = notReadyYet()) == null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            bootFailure = new AssertionError("Titrate did not finish booting within " + STARTUP + " (HTTP port "
                    + System.getProperty("titrate.it.http.port") + "); still missing: " + missing[0] + "\n" + containerState(), e);
            throw bootFailure;
        }
    }

    /** Set in the container when it never became ready, so the class's other tests fail at once instead of waiting again. */
    private static AssertionError bootFailure;

    private static final String[] READY_PATHS = {"/modules", "/customers?limit=1", "/products?limit=1",
            "/sales-orders?limit=1", "/warehouses?limit=1", "/stock?limit=1", "/receivables?limit=1", "/payables?limit=1", "/suppliers?limit=1", "/purchase-orders?limit=1", "/soap/CustomerService?wsdl",
            "/soap/ProductService?wsdl", "/soap/SalesOrderService?wsdl", "/soap/InventoryService?wsdl",
            "/soap/FinanceService?wsdl", "/soap/PurchasingService?wsdl"};
    private static final String[] READY_COMMANDS = {"customer-list", "product-list", "order-show", "stock", "balance", "demo-load"};

    /** What the container does not serve yet, or null once it serves everything the tests use. */
    private String notReadyYet() {
        for (String path : READY_PATHS) {
            try {
                String user = path.startsWith("/soap") ? null : "admin";
                int status = http("GET", path, user, adminPassword, null, Map.of()).status();
                if (status != 200) {
                    return "GET " + path + " answers " + status;
                }
            } catch (RuntimeException e) {
                return "GET " + path + " fails: " + e;
            }
        }
        for (String command : READY_COMMANDS) {
            if (sessionFactory.getRegistry().getCommand("titrate", command) == null) {
                return "shell command titrate:" + command;
            }
        }
        return null;
    }

    /** The bundles that are not running and the last errors of the container's log, for a boot that never ends. */
    private static String containerState() {
        StringBuilder state = new StringBuilder("Bundles not active:");
        org.osgi.framework.Bundle probe = org.osgi.framework.FrameworkUtil.getBundle(TitrateTestSupport.class);
        if (probe != null) {
            for (org.osgi.framework.Bundle b : probe.getBundleContext().getBundles()) {
                boolean fragment = b.getHeaders().get(org.osgi.framework.Constants.FRAGMENT_HOST) != null;
                if (b.getState() != org.osgi.framework.Bundle.ACTIVE && !fragment) {
                    state.append("\n  ").append(b.getSymbolicName()).append(" state ").append(b.getState());
                }
            }
        }
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        try {
            java.util.List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            state.append("\nLast lines of ").append(log).append(':');
            lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(l -> state.append("\n  ").append(l));
        } catch (IOException e) {
            state.append("\n(").append(log).append(" unreadable: ").append(e).append(')');
        }
        return state.toString();
    }

    /**
     * After each test, how much the container has logged so far ({@code karaf-log.txt}: class, test, lines, WARN, ERROR,
     * seconds since the container started): the suite's log volume per hour is the sum of each class's last line.
     */
    @org.junit.Rule
    public final org.junit.rules.TestWatcher logVolume = new org.junit.rules.TestWatcher() {
        /** The container and its log are deleted after the run: a failed test keeps a copy beside the reports. */
        @Override
        protected void failed(Throwable e, org.junit.runner.Description test) {
            Path log = Path.of(System.getProperty("karaf.data", "data"), "log", "karaf.log");
            Path copy = Path.of(System.getProperty("karaf.home")).toAbsolutePath().getParent().getParent()
                    .resolve("failed-" + test.getClassName().replaceAll(".*\\.", "") + "-" + test.getMethodName() + ".log");
            try {
                Files.copy(log, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException ignored) {
                // no log to keep (a test that runs outside the container)
            }
        }

        @Override
        protected void finished(org.junit.runner.Description test) {
            Path log = Path.of(System.getProperty("karaf.data", "data"), "log", "karaf.log");
            long lines = 0;
            long warn = 0;
            long error = 0;
            try (java.util.stream.Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
                for (String line : (Iterable<String>) all::iterator) {
                    lines++;
                    if (line.contains("| WARN ")) {
                        warn++;
                    } else if (line.contains("| ERROR ")) {
                        error++;
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                return; // no log to count (a test that runs outside the container)
            }
            long seconds = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
            figure("karaf-log.txt", test.getClassName() + "\t" + test.getMethodName() + "\t" + lines + "\t" + warn + "\t" + error + "\t" + seconds);
        }
    };

    /**
     * Writes a measured figure for the closing notes to {@code itests/target/<file>}. Pax Exam tests run inside
     * the container, whose standard output the build does not show; the line goes there too.
     */
    protected static synchronized void figure(String file, String line) {
        System.out.println(line);
        Path target = Path.of(System.getProperty("karaf.home")).toAbsolutePath().getParent().getParent().resolve(file);
        try {
            Files.writeString(target, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- HTTP ----

    /** An HTTP answer; {@link #json()} parses the body. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** The field names of a problem+json answer's {@code errors}. */
        public java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        }
    }

    protected static String baseUrl() {
        return "http://localhost:" + System.getProperty("titrate.it.http.port");
    }

    protected Reply get(String path) {
        return http("GET", path, "admin", adminPassword, null, Map.of());
    }

    protected Reply post(String path, Object body) {
        return http("POST", path, "admin", adminPassword, body, Map.of());
    }

    protected Reply put(String path, Object body) {
        return http("PUT", path, "admin", adminPassword, body, Map.of());
    }

    /**
     * @param body a String is sent as is (to send broken JSON); anything else is serialised with Jackson
     */
    protected static Reply http(String method, String path, String user, String password, Object body, Map<String, String> headers) {
        try {
            String url = path.startsWith("http") ? path : baseUrl() + (path.startsWith("/soap") ? "" : "/api/v1") + path;
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
            if (user != null) {
                String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
                b.header("Authorization", "Basic " + token);
            }
            headers.forEach(b::header);
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                    b.header("Content-Type", "application/json; charset=UTF-8");
                }
                b.method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
            return new Reply(r.statusCode(), h, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a sales order from this body, confirms and ships it; its number. */
    protected String shippedOrder(Map<String, Object> order) {
        Reply created = post("/sales-orders", order);
        assertEquals(created.body(), 201, created.status());
        String number = created.json().path("number").asText();
        for (String action : new String[] {"confirm", "ship"}) {
            Reply r = post("/sales-orders/" + number + "/" + action, map());
            assertEquals(r.body(), 200, r.status());
        }
        return number;
    }

    protected static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** Asserts a problem+json answer with the given status and returns it. */
    protected static Reply assertProblem(int status, Reply reply) {
        assertEquals(reply.body(), status, reply.status());
        assertEquals(reply.body(), "application/problem+json", reply.header("content-type").split(";")[0]);
        assertEquals(status, reply.json().path("status").asInt());
        return reply;
    }

    /**
     * Makes sure a warehouse exists (tests share a container): sales tests that ship without
     * receiving stock first use a default warehouse that allows negative stock.
     */
    protected void ensureWarehouse(String code, String name, boolean allowNegativeStock, boolean defaultWarehouse) {
        if (get("/warehouses/" + code).status() == 404) {
            Reply r = post("/warehouses", map("code", code, "name", name, "allowNegativeStock", allowNegativeStock,
                    "defaultWarehouse", defaultWarehouse));
            assertEquals(r.body(), 201, r.status());
        }
    }

    /** Creates a user with the given Titrate roles through the REST API; returns its password. */
    protected String createUser(String username, String... roles) {
        String password = "pw-" + UUID.randomUUID();
        Reply r = post("/users", map("username", username, "password", password, "roles", java.util.List.of(roles)));
        assertEquals(r.body(), 201, r.status());
        return password;
    }

    // ---- SOAP ----

    /** A JAX-WS client built from the served WSDL, sending and receiving payload XML. */
    protected static Dispatch<Source> soapClient(String service, String ns, String user, String password) throws Exception {
        Service s = Service.create(new URL(baseUrl() + "/soap/" + service + "?wsdl"), new QName(ns, service));
        Dispatch<Source> d = s.createDispatch(new QName(ns, service + "Port"), Source.class, Service.Mode.PAYLOAD);
        d.getRequestContext().put(BindingProvider.USERNAME_PROPERTY, user);
        d.getRequestContext().put(BindingProvider.PASSWORD_PROPERTY, password);
        return d;
    }

    /** Sends one payload and returns the answer's payload as text. */
    protected static String soapCall(Dispatch<Source> d, String payload) throws Exception {
        Source result = d.invoke(new StreamSource(new StringReader(payload)));
        StringWriter w = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(result, new StreamResult(w));
        return w.toString();
    }

    // ---- Shell ----

    /** Runs a shell command as the given user, as the SSH shell would: under that user's JAAS subject. */
    protected String shell(String user, String password, String command) throws Exception {
        Subject subject = subjectOf(user, password);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The JAAS subject of a login to Karaf's realm, as an SSH session gets it. */
    protected static Subject subjectOf(String user, String password) throws Exception {
        Subject subject = new Subject();
        new LoginContext("karaf", subject, callbacks -> {
            for (var cb : callbacks) {
                if (cb instanceof NameCallback n) {
                    n.setName(user);
                } else if (cb instanceof PasswordCallback p) {
                    p.setPassword(password.toCharArray());
                }
            }
        }).login();
        return subject;
    }

    /** A shell refusal: the command is hidden from the user (not found) or refused by the command ACL. */
    protected static boolean refusedByShell(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SecurityException || t.getClass().getSimpleName().equals("CommandNotFoundException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Karaf's secured shell caches which commands are visible per thread, whoever asked: every user's
     * view is computed on a thread of its own, or it would inherit the view of whoever came before.
     */
    protected static <T> T onFreshThread(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            return thread.submit(work).get(5, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } finally {
            thread.shutdownNow();
        }
    }

    /** What one command over a real SSH connection printed, and the exit status the shell gave it. */
    public record SshAnswer(String output, Integer exitStatus) {
    }

    /** The container's SSH port, as its shell's configuration says (the test moved it to a free one). */
    protected static int containerSshPort() throws Exception {
        org.osgi.framework.BundleContext context = org.osgi.framework.FrameworkUtil.getBundle(TitrateTestSupport.class).getBundleContext();
        org.osgi.framework.ServiceReference<org.osgi.service.cm.ConfigurationAdmin> ref =
                context.getServiceReference(org.osgi.service.cm.ConfigurationAdmin.class);
        try {
            return Integer.parseInt(String.valueOf(context.getService(ref).getConfiguration("org.apache.karaf.shell", null)
                    .getProperties().get("sshPort")));
        } finally {
            context.ungetService(ref);
        }
    }

    /** Karaf's command ACL of the titrate scope as the platform wrote it from the commands' {@code @Allowed}: command to roles. */
    protected static java.util.Map<String, String> titrateAcl() throws Exception {
        org.osgi.framework.BundleContext context = org.osgi.framework.FrameworkUtil.getBundle(TitrateTestSupport.class).getBundleContext();
        org.osgi.framework.ServiceReference<org.osgi.service.cm.ConfigurationAdmin> ref =
                context.getServiceReference(org.osgi.service.cm.ConfigurationAdmin.class);
        java.util.Map<String, String> acl = new java.util.TreeMap<>();
        try {
            org.osgi.service.cm.Configuration[] found = context.getService(ref)
                    .listConfigurations("(service.pid=org.apache.karaf.command.acl.titrate)");
            if (found == null || found.length == 0 || found[0].getProperties() == null) {
                return acl;
            }
            java.util.Dictionary<String, Object> props = found[0].getProperties();
            for (java.util.Enumeration<String> keys = props.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                if (!key.startsWith("service.") && !key.startsWith("felix.")) {
                    acl.put(key, String.valueOf(props.get(key)));
                }
            }
            return acl;
        } finally {
            context.ungetService(ref);
        }
    }

    /** Runs one command over a real SSH connection; null when the login was refused; a null command only logs in. */
    protected static SshAnswer sshExec(String host, String user, String password, String command) throws Exception {
        org.apache.sshd.client.SshClient client = org.apache.sshd.client.SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try (org.apache.sshd.client.session.ClientSession session = client.connect(user, host, containerSshPort())
                .verify(30, java.util.concurrent.TimeUnit.SECONDS).getSession()) {
            session.addPasswordIdentity(password);
            try {
                session.auth().verify(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception refusedLogin) {
                return null;
            }
            if (command == null) {
                return new SshAnswer("", null);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (org.apache.sshd.client.channel.ChannelExec exec = session.createExecChannel(command)) {
                exec.setOut(out);
                exec.setErr(out);
                exec.open().verify(30, java.util.concurrent.TimeUnit.SECONDS);
                exec.waitFor(java.util.EnumSet.of(org.apache.sshd.client.channel.ClientChannelEvent.CLOSED,
                        org.apache.sshd.client.channel.ClientChannelEvent.EXIT_STATUS), java.util.concurrent.TimeUnit.SECONDS.toMillis(60));
                exec.waitFor(java.util.EnumSet.of(org.apache.sshd.client.channel.ClientChannelEvent.CLOSED),
                        java.util.concurrent.TimeUnit.SECONDS.toMillis(60));
                return new SshAnswer(out.toString(StandardCharsets.UTF_8), exec.getExitStatus());
            }
        } finally {
            client.stop();
        }
    }
}
