package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.awaitility.Awaitility.await;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.Session;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Login without a well-known password, the roles on REST and in the shell, and every way in that a
 * user with the lowest role was found to have: SSH and SFTP, shell commands no ACL named, secrets in
 * logs and listings, guessable logins and passwords, readable files.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT extends TitrateTestSupport {
    /** Shell refusals: hidden (not found) or refused by the ACL. */
    private static boolean refused(Throwable e) {
        return refusedByShell(e);
    }

    private static void figure(String line) {
        figure("security-figures.txt", line);
    }

    /**
     * The timing and throttling tests fail many logins from 127.0.0.1, the address every test uses:
     * this container's per-address limit is high, and the tests that need it low set it themselves.
     */
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/org.titrate.platform.login.cfg", "maxFailuresPerAddress", "100000"));
    }

    @Inject
    @Filter(timeout = 300_000)
    protected ConfigurationAdmin configAdmin;

    @Test
    public void adminPasswordIsGeneratedAndKarafsStockUserDoesNotExist() throws Exception {
        Path file = Path.of(System.getProperty("karaf.data"), "initial-admin-password");
        assertTrue(adminPassword.length() >= 16);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertProblem(401, http("GET", "/modules", "karaf", "karaf", null, Map.of()));
        assertProblem(401, http("GET", "/modules", "admin", "admin", null, Map.of()));
        Reply anonymous = assertProblem(401, http("GET", "/customers", null, null, null, Map.of()));
        assertTrue(anonymous.header("www-authenticate").startsWith("Basic"));
        String users = Files.readString(Path.of(System.getProperty("karaf.etc"), "users.properties"));
        assertFalse("passwords are stored hashed", users.contains(adminPassword));
        String stored = users.lines().filter(l -> l.startsWith("admin = {CRYPT}")).findFirst().orElseThrow()
                .replaceAll("^admin = \\{CRYPT\\}([0-9a-f]+)\\{CRYPT\\}.*$", "$1");
        String hash = new String(java.util.HexFormat.of().parseHex(stored), java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue("salted bcrypt, not a plain digest: " + hash, hash.startsWith("$2a$"));
        assertFalse(users.lines().anyMatch(l -> l.startsWith("karaf ")));
    }

    @Test
    public void rolesAreEnforcedOnRest() {
        String viewer = "viewer-" + RUN;
        String viewerPw = createUser(viewer, "viewer");
        String sales = "sales-" + RUN;
        String salesPw = createUser(sales, "sales");
        String buyer = "buyer-" + RUN;
        String buyerPw = createUser(buyer, "purchasing");

        assertEquals(200, http("GET", "/customers", viewer, viewerPw, null, Map.of()).status());
        assertEquals(200, http("GET", "/products", viewer, viewerPw, null, Map.of()).status());
        assertProblem(403, http("POST", "/customers", viewer, viewerPw, map("name", "看客公司"), Map.of()));
        assertProblem(403, http("POST", "/products", sales, salesPw, map("sku", "S-" + RUN, "name", "x", "unit", "kg",
                "listPrice", 1), Map.of()));
        assertProblem(403, http("POST", "/users", sales, salesPw, map("username", "x" + RUN, "password", "long-enough-1",
                "roles", List.of("admin")), Map.of()));
        assertProblem(403, http("GET", "/users", viewer, viewerPw, null, Map.of()));

        Reply byCustomerSales = http("POST", "/customers", sales, salesPw, map("code", "SEC-" + RUN, "name", "上海华谊新材料有限公司"), Map.of());
        assertEquals(byCustomerSales.body(), 201, byCustomerSales.status());
        assertEquals(sales, byCustomerSales.json().path("createdBy").asText());
        assertEquals(201, http("POST", "/products", buyer, buyerPw, map("sku", "SEC-" + RUN, "name", "甲苯", "unit", "桶",
                "listPrice", 1260), Map.of()).status());
        assertProblem(401, http("GET", "/customers", sales, "wrong-password", null, Map.of()));
    }

    @Test
    public void usersAreValidatedAndUnique() {
        String name = "dup-" + RUN;
        createUser(name, "finance", "warehouse");
        assertEquals(List.of("finance", "warehouse"), List.of(get("/users/" + name).json().path("roles").get(0).asText(),
                get("/users/" + name).json().path("roles").get(1).asText()));
        assertProblem(409, post("/users", map("username", name, "password", "long-enough-1", "roles", List.of("viewer"))));
        Reply bad = assertProblem(400, post("/users", map("username", "bad name", "password", "short", "roles", List.of("god"))));
        assertTrue(bad.errorFields().containsAll(List.of("username", "password", "roles[0]")));
    }

    @Test
    public void shellCommandsObeyTheSameRoles() throws Exception {
        String viewer = "shellviewer-" + RUN;
        String viewerPw = createUser(viewer, "viewer");
        String out = shell(viewer, viewerPw, "titrate:module-list");
        assertTrue(out, out.contains("customers") && out.contains("products"));
        // Karaf's command ACL hides what a user may not run: for a viewer demo-load does not exist.
        try {
            shell(viewer, viewerPw, "titrate:demo-load");
            throw new AssertionError("a viewer must not load demo data");
        } catch (Exception expected) {
            assertTrue(expected.toString(), expected.getClass().getSimpleName().equals("CommandNotFoundException")
                    || expected instanceof SecurityException);
        }
        String customers = shell(viewer, viewerPw, "titrate:customer-list -n 1");
        assertTrue(customers, customers.contains("customers"));
    }

    // ---- the shell: who may open it, and what they may run there ----

    private int sshPort() throws Exception {
        return containerSshPort();
    }

    /** Runs one command over a real SSH connection; null when the login was refused. */
    private String overSsh(String host, String user, String password, String command) throws Exception {
        SshAnswer answer = sshExec(host, user, password, command);
        return answer == null ? null : answer.output();
    }

    @Test
    public void onlyAdminsAndOperatorsOpenTheShellAndNobodyGetsSftp() throws Exception {
        String viewer = "sshviewer-" + RUN;
        String viewerPw = createUser(viewer, "viewer");
        String finance = "sshfinance-" + RUN;
        String financePw = createUser(finance, "finance", "sales", "warehouse", "purchasing");
        String operator = "sshoperator-" + RUN;
        String operatorPw = createUser(operator, "operator", "viewer");
        assertEquals(List.of("operator", "viewer"), JSON.convertValue(get("/users/" + operator).json().path("roles"), List.class));

        assertEquals("a viewer may not open the shell", null, overSsh("127.0.0.1", viewer, viewerPw, "titrate:module-list"));
        assertEquals("business roles may not open the shell", null, overSsh("127.0.0.1", finance, financePw, "titrate:module-list"));
        String modules = overSsh("127.0.0.1", operator, operatorPw, "titrate:module-list");
        assertTrue(String.valueOf(modules), modules != null && modules.contains("customers"));
        String refused = overSsh("127.0.0.1", operator, operatorPw, "shell:cat etc/users.properties");
        assertFalse(refused, refused.contains("{CRYPT}"));
        assertNotNull(overSsh("127.0.0.1", "admin", adminPassword, null));

        // SFTP is off: the subsystem request is refused and the server closes the channel, for the admin too.
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try (ClientSession session = client.connect("admin", "127.0.0.1", sshPort()).verify(30, TimeUnit.SECONDS).getSession()) {
            session.addPasswordIdentity(adminPassword);
            session.auth().verify(30, TimeUnit.SECONDS);
            try (ChannelSubsystem sftp = session.createSubsystemChannel("sftp")) {
                sftp.open().verify(30, TimeUnit.SECONDS);
                Set<ClientChannelEvent> events = sftp.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TimeUnit.SECONDS.toMillis(30));
                assertTrue("the sftp channel must be closed by the server: " + events, events.contains(ClientChannelEvent.CLOSED));
            } catch (java.io.IOException refusedOnOpen) {
                // also a refusal
            }
        } finally {
            client.stop();
        }
    }

    @Test
    public void theShellListensOnThisMachineOnly() throws Exception {
        InetAddress outside = null;
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a instanceof Inet4Address && nic.isUp()) {
                    outside = a;
                }
            }
        }
        try (Socket local = new Socket()) {
            local.connect(new InetSocketAddress("127.0.0.1", sshPort()), 5000);
        }
        assertEquals("127.0.0.1", configAdmin.getConfiguration("org.apache.karaf.shell", null).getProperties().get("sshHost"));
        assertEquals("false", String.valueOf(configAdmin.getConfiguration("org.apache.karaf.shell", null).getProperties().get("sftpEnabled")));
        if (outside != null) {
            try (Socket remote = new Socket()) {
                remote.connect(new InetSocketAddress(outside, sshPort()), 5000);
                fail("SSH answers on " + outside + ", not only on 127.0.0.1");
            } catch (java.io.IOException expected) {
                // refused: nothing listens there
            }
        }
    }

    /** The commands a shell user with every role but admin may run; everything else is refused. */
    private static final Map<String, String> WHY = new java.util.concurrent.ConcurrentHashMap<>();
    /** Karaf's commands the distribution's ACL files open to operators; titrate's come from its generated ACL. */
    private static final Set<String> KARAF_GRANTED_TO_OPERATORS = Set.of(
            "*:help", "shell:echo", "shell:printf", "shell:date", "shell:clear", "shell:history", "shell:logout");

    @Test
    public void everyShellCommandIsRefusedToNonAdminsUnlessAnAclGrantsIt() throws Exception {
        List<String> roles = List.of("operator", "sales", "warehouse", "purchasing", "finance", "viewer");
        String everyRole = "allroles-" + RUN;
        String everyRolePw = createUser(everyRole, roles.toArray(new String[0]));
        Map<String, String> onlyRole = new TreeMap<>();
        for (String role : roles) {
            String name = "only" + role + "-" + RUN;
            onlyRole.put(role, createUser(name, role.equals("operator") ? new String[] {"operator", "viewer"} : new String[] {role, "operator"}));
        }
        // Every command there is: a session's registry (the container's commands and the session's own
        // built-ins) lists what the signed-in user may see, and an admin sees all.
        Set<String> all = new TreeSet<>();
        onFreshThread(() -> Subject.doAs(subjectOf("admin", adminPassword), (PrivilegedExceptionAction<Object>) () -> {
            Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), System.out, System.err);
            try {
                for (Command c : session.getRegistry().getCommands()) {
                    all.add(c.getScope() + ":" + c.getName());
                }
            } finally {
                session.close();
            }
            return null;
        }));
        assertTrue("Karaf's and Titrate's commands: " + all, all.size() > 150 && all.contains("titrate:demo-load")
                && all.contains("shell:cat") && all.contains("log:display"));

        Set<String> allowed = runnable(everyRole, everyRolePw, all);
        Set<String> granted = new TreeSet<>(KARAF_GRANTED_TO_OPERATORS);
        // a command with a line for some business role is runnable by a user holding them all; admin-only lines are not
        titrateAcl().forEach((command, granting) -> {
            if (java.util.Arrays.stream(granting.split(",")).map(String::trim).anyMatch(role -> !role.equals("admin"))) {
                granted.add("titrate:" + command);
            }
        });
        assertTrue("titrate commands granted to business roles: " + granted, granted.containsAll(Set.of("titrate:order-list",
                "titrate:return-approve", "titrate:balance")) && !granted.contains("titrate:demo-load"));
        assertEquals("commands a non-admin may run (of " + all.stream().filter(c -> c.startsWith("shell:")).toList() + "); refusals: "
                + WHY, granted, allowed);

        // The table for the closing note: which roles may run each granted command (admin may run all).
        StringBuilder table = new StringBuilder("FIGURES shell commands and the roles that may run them (" + all.size()
                + " commands; admin may run every one; any other command: admin only)\n");
        Map<String, Set<String>> byCommand = new TreeMap<>();
        for (Map.Entry<String, String> e : onlyRole.entrySet()) {
            String user = "only" + e.getKey() + "-" + RUN;
            for (String command : runnable(user, e.getValue(), allowed)) {
                byCommand.computeIfAbsent(command, k -> new TreeSet<>()).add(e.getKey());
            }
        }
        byCommand.forEach((command, who) -> table.append(String.format("  %-28s admin, %s%n", command, String.join(", ", who))));
        figure(table.toString());
        assertTrue(shell("admin", adminPassword, "titrate:module-list").contains("customers"));
    }

    /** The commands of the given list the user may run: each is asked for its help, which an allowed command prints harmlessly. */
    private Set<String> runnable(String user, String password, Set<String> commands) throws Exception {
        return onFreshThread(() -> runnableHere(user, password, commands));
    }

    private Set<String> runnableHere(String user, String password, Set<String> commands) throws Exception {
        Subject subject = subjectOf(user, password);
        Set<String> allowed = new TreeSet<>();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            for (String command : commands) {
                try {
                    Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command + " --help"));
                    allowed.add(command);
                } catch (Exception e) {
                    if (!refused(e)) {
                        allowed.add(command);
                    } else if (KARAF_GRANTED_TO_OPERATORS.contains(command) || command.startsWith("titrate:")) {
                        WHY.put(command, e.toString() + " / " + e.getCause());
                    }
                }
            }
        } finally {
            session.close();
        }
        return allowed;
    }

    @Test
    public void fileArgumentsAndRedirectionStayRefusedToOperators() throws Exception {
        String operator = "opfiles-" + RUN;
        String pw = createUser(operator, "operator", "viewer");
        for (String command : List.of("shell:less -F etc/users.properties", "shell:cat etc/users.properties",
                "shell:head /etc/passwd", "echo x > etc/pwned.txt", "log:display", "config:list", "jaas:user-list",
                "instance:list", "feature:repo-add file:/etc/passwd", "bundle:list", "shell:exec id")) {
            try {
                String out = shell(operator, pw, command);
                fail(command + " ran for an operator: " + out);
            } catch (Exception e) {
                assertTrue(command + ": " + e, refused(e));
            }
        }
        assertFalse(Files.exists(Path.of(System.getProperty("karaf.home"), "etc", "pwned.txt")));
        String help = shell(operator, pw, "*:help");
        // Scopes with an ACL file hide what a user may not run; the others show it in help and refuse to run it.
        assertTrue(help, help.contains("titrate:order-list") && !help.contains("titrate:demo-load") && !help.contains("shell:exec"));
    }

    // ---- secrets ----

    @Test
    public void credentialsNeverReachTheLogsAtAnyLevel() throws Exception {
        String user = "logged-" + RUN;
        String password = "Pw-" + UUID.randomUUID();
        createUserWith(user, password, "viewer");
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        shell("admin", adminPassword, "log:set DEBUG org.eclipse.jetty.server.HttpChannel");
        try {
            // The new level reaches the logging backend a moment later: ask until a request of ours is in the log.
            String probe = "probe" + RUN;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
                assertEquals(200, http("GET", "/customers?limit=1&q=" + probe, user, password, null, Map.of()).status());
                return Files.readString(log, StandardCharsets.UTF_8).contains("REQUEST for //localhost:"
                        + System.getProperty("titrate.it.http.port") + "/api/v1/customers?limit=1&q=" + probe);
            });
        } finally {
            shell("admin", adminPassword, "log:set DEFAULT org.eclipse.jetty.server.HttpChannel");
        }
        String file = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue("the request was logged at DEBUG, masked", file.contains("Authorization: Basic ********"));
        assertFalse(file.contains(token));
        assertFalse(file.contains(password));
        String display = shell("admin", adminPassword, "log:display -n 2000");
        assertTrue("log:display shows the DEBUG lines", display.contains("HttpChannel"));
        assertFalse(display.contains(token));
        assertFalse(display.contains(password));
    }

    @Test
    public void configListMasksPasswordsAndEditingKeepsThem() throws Exception {
        String pid = "org.titrate.itest.secret" + RUN.toLowerCase();
        String secret = "db-" + UUID.randomUUID();
        shell("admin", adminPassword, "config:edit " + pid + "\nconfig:property-set password " + secret
                + "\nconfig:property-set user titrate\nconfig:update");
        String listed = shell("admin", adminPassword, "config:list \"(service.pid=" + pid + ")\"");
        assertTrue(listed, listed.contains("password = ********") && listed.contains("user = titrate"));
        assertFalse(listed, listed.contains(secret));
        shell("admin", adminPassword, "config:edit " + pid + "\nconfig:property-set user other\nconfig:update");
        Dictionary<String, Object> stored = configAdmin.getConfiguration(pid, null).getProperties();
        assertEquals("editing another property keeps the real password", secret, stored.get("password"));
        assertEquals("other", stored.get("user"));
        configAdmin.getConfiguration(pid, null).delete();
    }

    // ---- logins ----

    private void createUserWith(String username, String password, String... roles) {
        Reply r = post("/users", map("username", username, "password", password, "roles", List.of(roles)));
        assertEquals(r.body(), 201, r.status());
    }

    @Test
    public void unknownUsersAndWrongPasswordsTakeTheSameTimeAndFailuresAreAudited() throws Exception {
        String known = "timed-" + RUN;
        for (int k = 0; k < 3; k++) {
            createUserWith(known + k, "Pw-" + UUID.randomUUID(), "viewer");
        }
        long[] unknown = new long[20];
        long[] wrong = new long[20];
        for (int i = 0; i < 20; i++) {
            // Alternate, so that warm-up and noise fall on both alike; the known user stays below its lock.
            long t0 = System.nanoTime();
            assertEquals(401, http("GET", "/modules", "nobody-" + RUN + "-" + i, "wrong-" + i, null, Map.of()).status());
            unknown[i] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            int status = http("GET", "/modules", known + (i % 3), "wrong-" + i, null, Map.of()).status();
            wrong[i] = System.nanoTime() - t0;
            assertEquals(401, status);
        }
        java.util.Arrays.sort(unknown);
        java.util.Arrays.sort(wrong);
        figure(String.format("FIGURES login refusal over REST, median of 20: unknown user %.1f ms, wrong password %.1f ms",
                (unknown[9] + unknown[10]) / 2e6, (wrong[9] + wrong[10]) / 2e6));
        String audit = Files.readString(Path.of(System.getProperty("karaf.data"), "log", "security.log"), StandardCharsets.UTF_8);
        assertTrue(audit, audit.contains("LOGIN_FAILED user=" + known + "0 channel=http address=127.0.0.1"));
        assertTrue(audit.contains("LOGIN_FAILED user=nobody-" + RUN + "-0 channel=http"));
    }

    private void setLoginLimits(Map<String, Object> limits) throws Exception {
        org.osgi.service.cm.Configuration cfg = configAdmin.getConfiguration("org.titrate.platform.login", null);
        Dictionary<String, Object> props = cfg.getProperties() == null ? new Hashtable<>() : cfg.getProperties();
        limits.forEach(props::put);
        cfg.update(props);
        StringBuilder filter = new StringBuilder("(&(objectClass=org.apache.karaf.jaas.config.JaasRealm)");
        limits.forEach((k, v) -> filter.append('(').append(k).append('=').append(v).append(')'));
        filter.append(')');
        var context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        await().atMost(Duration.ofSeconds(60)).until(() -> context.getServiceReferences((String) null, filter.toString()) != null);
    }

    @Test
    public void repeatedFailuresLockTheAccountOnRestSoapAndSshUntilTheWindowPasses() throws Exception {
        String user = "locked-" + RUN;
        String password = "Pw-" + UUID.randomUUID();
        createUserWith(user, password, "operator", "viewer");
        setLoginLimits(Map.of("maxFailuresPerAccount", 5, "windowSeconds", 8));
        try {
            for (int i = 0; i < 5; i++) {
                assertEquals(401, http("GET", "/modules", user, "wrong-" + i, null, Map.of()).status());
            }
            Reply locked = assertProblem(429, http("GET", "/modules", user, password, null, Map.of()));
            assertTrue(locked.header("retry-after"), Integer.parseInt(locked.header("retry-after")) >= 1);
            Reply soap = http("POST", "/soap/CustomerService", user, password,
                    "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body/></soap:Envelope>",
                    Map.of("Content-Type", "text/xml; charset=UTF-8", "SOAPAction", "\"\""));
            assertEquals(soap.body(), 429, soap.status());
            assertEquals("SSH refuses the right password while locked", null, overSsh("127.0.0.1", user, password, null));
            String audit = Files.readString(Path.of(System.getProperty("karaf.data"), "log", "security.log"), StandardCharsets.UTF_8);
            assertTrue(audit, audit.contains("LOGIN_LOCKED user=" + user + " channel=http"));
            assertTrue(audit, audit.contains("LOGIN_LOCKED user=" + user + " channel=ssh"));
            long lockedAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> http("GET", "/modules", user, password, null, Map.of()).status() == 200);
            figure(String.format("FIGURES account locked after 5 failures (limit set to 5 in 8 s), released %.1f s after the lock was seen",
                    (System.nanoTime() - lockedAt) / 1e9));
            assertNotNull("SSH works again once released", overSsh("127.0.0.1", user, password, null));

            // An address that guesses over many accounts is locked for all of them, then released too.
            String bystander = "bystander-" + RUN;
            String bystanderPw = "Pw-" + UUID.randomUUID();
            createUserWith(bystander, bystanderPw, "viewer");
            setLoginLimits(Map.of("maxFailuresPerAddress", 6, "windowSeconds", 8));
            for (int i = 0; i < 6; i++) {
                assertEquals(401, http("GET", "/modules", "spray-" + i + "-" + RUN, "guess", null, Map.of()).status());
            }
            assertProblem(429, http("GET", "/modules", bystander, bystanderPw, null, Map.of()));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> http("GET", "/modules", bystander, bystanderPw, null, Map.of()).status() == 200);
        } finally {
            setLoginLimits(Map.of("maxFailuresPerAccount", 10, "maxFailuresPerAddress", 100000, "windowSeconds", 300));
        }
    }

    @Test
    public void passwordsFollowThePolicyAndUsersChangeTheirOwn() {
        String name = "pwpolicy-" + RUN;
        for (String weak : List.of("12345678", " ".repeat(12), name, "Password123", "qwertyuiop")) {
            Reply r = assertProblem(400, post("/users", map("username", name, "password", weak, "roles", List.of("viewer"))));
            assertEquals(weak, List.of("password"), r.errorFields());
        }
        assertProblem(409, post("/users", map("username", "ADMIN", "password", "long-enough-pass", "roles", List.of("viewer"))));
        assertProblem(400, post("/users", map("username", name, "password", "long-enough-pass", "roles", List.of("operator"))));
        String first = "First-" + UUID.randomUUID();
        createUserWith(name, first, "sales");
        String other = "pwother-" + RUN;
        createUserWith(other, "Other-" + UUID.randomUUID(), "sales");

        assertProblem(403, http("PUT", "/users/" + other + "/password", name, first, map("password", "Hijack-" + UUID.randomUUID()), Map.of()));
        Reply weak = assertProblem(400, http("PUT", "/users/" + name + "/password", name, first, map("password", "1234567890"), Map.of()));
        assertEquals(List.of("password"), weak.errorFields());
        String second = "Second-密码-" + UUID.randomUUID();
        assertEquals(204, http("PUT", "/users/" + name + "/password", name, first, map("password", second), Map.of()).status());
        assertProblem(401, http("GET", "/modules", name, first, null, Map.of()));
        assertEquals(200, http("GET", "/modules", name, second, null, Map.of()).status());
        String third = "Third-" + UUID.randomUUID();
        assertEquals(204, put("/users/" + name + "/password", map("password", third)).status());
        assertEquals(200, http("GET", "/modules", name, third, null, Map.of()).status());
        assertProblem(404, put("/users/nobody-" + RUN + "/password", map("password", third)));
    }

    // ---- files and headers ----

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    public void secretsAndTheDatabaseAreTheOwnersAlone() throws Exception {
        Path etc = Path.of(System.getProperty("karaf.etc"));
        Path data = Path.of(System.getProperty("karaf.data"));
        List<String> modes = new ArrayList<>();
        // The database's files are restricted once its first connection has created them, maybe after REST answers.
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> mode(data.resolve("titrate-db")).equals("rwx------"));
        for (Path p : List.of(etc, data, data.resolve("titrate-db"))) {
            assertEquals(p.toString(), "rwx------", mode(p));
            modes.add(mode(p) + " " + p.getFileName());
        }
        for (Path p : List.of(etc.resolve("users.properties"), etc.resolve("keys.properties"), data.resolve("initial-admin-password"))) {
            assertEquals(p.toString(), "rw-------", mode(p));
            modes.add(mode(p) + " " + p.getFileName());
        }
        figure("FIGURES file modes after first start: " + modes);
    }

    @Test
    public void apiAnswersAreNeitherCachedNorSniffed() {
        Reply r = get("/customers?limit=1");
        assertEquals("nosniff", r.header("x-content-type-options"));
        assertEquals("no-store", r.header("cache-control"));
        assertEquals(null, r.header("strict-transport-security"));
        Reply anonymous = http("GET", "/customers", null, null, null, Map.of());
        assertEquals("nosniff", anonymous.header("x-content-type-options"));
    }
}
