package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.inject.Inject;
import javax.sql.DataSource;
import javax.xml.ws.soap.SOAPFaultException;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.licensing.Entitlements;

/**
 * Licences over every channel: licences made with the vendor's tool and a key pair it makes for this run (its public key
 * trusted through etc/titrate-licence-keys, which only a container started with titrate.licence.localKeys=true reads);
 * a module not licensed answers 403 on REST, a fault on SOAP and a refusal in the shell, books nothing, and catches up
 * once licensed; tampered files are refused and the licence in force stays; grace, then read-only; maxUsers.
 * Every test leaves the full licence in force, so the class's tests run in any order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LicensingIT extends TitrateTestSupport {

    @Inject
    private EventLog log;
    private static final String KEY_ID = "test-" + RUN.toLowerCase();
    private static final String ALL = "sales, inventory, purchasing, finance, reporting, notifications, invoicing";
    private static final String WH = "LWH-" + RUN;
    private static final String PRODUCT = "LP-" + RUN;
    private static int licences;
    private static int customers;

    @Inject
    @Filter(timeout = 300_000)
    protected Entitlements entitlements;

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                systemProperty("titrate.licence.localKeys").value("true"),
                systemProperty("titrate.licensing.tool").value(System.getProperty("titrate.licensing.tool")),
                systemProperty("titrate.kar.finance").value(financeKar()));
    }

    /** The finance module's KAR as the build made it (bundles/kars/finance), found from the test JVM. */
    private static String financeKar() {
        try (var found = Files.list(Path.of(System.getProperty("titrate.kars"), "finance", "target"))) {
            return found.filter(f -> f.getFileName().toString().matches("titrate-finance-.*\\.kar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no finance KAR in bundles/kars/finance/target: build the reactor first"))
                    .toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- the vendor's tool, run as the vendor runs it

    private static Path work() throws Exception {
        Path dir = Path.of(System.getProperty("karaf.data"), "licensing-it");
        if (!Files.exists(dir.resolve(KEY_ID + ".key"))) {
            tool("keygen", dir.toString(), KEY_ID);
            Path trusted = Path.of(System.getProperty("karaf.etc"), "titrate-licence-keys");
            Files.createDirectories(trusted);
            Files.copy(dir.resolve(KEY_ID + ".pub"), trusted.resolve(KEY_ID + ".pub"));
            Files.writeString(dir.resolve("licensee.txt"), "江苏常青树化工贸易有限公司", StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static String tool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("titrate.licensing.tool")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("the tool did not end", p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(out, 0, p.exitValue());
        return out;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** A licence file signed by this run's test key; returns its path (its id is the file name). */
    private static Path issue(String keyId, String modules, LocalDate from, LocalDate until, int maxUsers) throws Exception {
        Path dir = work();
        String id = "L-" + RUN + "-" + (++licences);
        Path file = dir.resolve(id + ".licence");
        tool("issue", "--key", dir.resolve(KEY_ID + ".key").toString(), "--keyId", keyId, "--id", id, "--licenseeFile",
                dir.resolve("licensee.txt").toString(), "--from", from.toString(), "--until", until.toString(), "--modules", modules,
                "--maxUsers", String.valueOf(maxUsers), "--out", file.toString());
        return file;
    }

    private static Path issue(String modules) throws Exception {
        return issue(KEY_ID, modules, today().minusDays(1), today().plusYears(1), 1000);
    }

    private static String id(Path licence) {
        String name = licence.getFileName().toString();
        return name.substring(0, name.length() - ".licence".length());
    }

    private Reply install(String content) {
        return http("PUT", "/licence", "admin", adminPassword, content, Map.of("Content-Type", "text/plain; charset=UTF-8"));
    }

    private void installed(Path licence) throws Exception {
        Reply r = install(Files.readString(licence, StandardCharsets.UTF_8));
        assertEquals(r.body(), 200, r.status());
        assertEquals(id(licence), r.json().path("licenceId").asText());
    }

    private JsonNode module(String name) {
        for (JsonNode m : get("/modules?limit=100").json().path("items")) {
            if (name.equals(m.path("name").asText())) {
                return m;
            }
        }
        throw new AssertionError("no module " + name);
    }

    private void masterData() {
        ensureWarehouse(WH, "昆山化学品仓库 " + RUN, true, false);
        if (get("/products/" + PRODUCT).status() == 404) {
            assertEquals(201, post("/products", map("sku", PRODUCT, "name", "氢氧化钠 片碱 25kg/袋", "unit", "袋", "casNumber", "1310-73-2",
                    "unNumber", "UN1823", "hazardClass", "8", "listPrice", 100)).status());
        }
    }

    private String customer() {
        String code = "LC" + (++customers) + "-" + RUN;
        Reply r = post("/customers", map("code", code, "name", "无锡恒达精细化工有限公司 " + code, "status", "ACTIVE", "channel", "WHOLESALE",
                "paymentTermDays", 30));
        assertEquals(r.body(), 201, r.status());
        return code;
    }

    private String shipped(String customer, int quantity) {
        return shippedOrder(map("type", "ORDER", "customerCode", customer, "warehouseCode", WH,
                "lines", List.of(map("sku", PRODUCT, "quantity", quantity, "unitPrice", new BigDecimal("120.50")))));
    }

    private static void assertNotLicensed(String module, Reply r) {
        assertProblem(403, r);
        assertEquals(r.body(), "module " + module + " not licensed", r.json().path("detail").asText());
    }

    private String refusal(String user, String password, String command) {
        try {
            String out = shell(user, password, command);
            fail(command + " ran: " + out);
            return null;
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    private void restoreFullLicence() throws Exception {
        installed(issue(ALL));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/receivables?limit=1").status() == 200);
    }

    // ---- the tests

    @Test
    public void aModuleNotLicensedServesNothingAndCatchesUpOnceLicensed() throws Exception {
        masterData();
        String customer = customer();
        long beforeShipment = -1;
        try {
            installed(issue("sales"));
            assertNotLicensed("finance", get("/receivables?limit=1"));
            assertNotLicensed("inventory", get("/warehouses?limit=1"));
            assertNotLicensed("finance", post("/receipts", map("customerCode", customer, "amount", 1, "method", "CASH")));
            assertEquals(200, get("/products?limit=1").status());
            assertEquals(200, get("/customers?limit=1").status());
            try {
                soapCall(soapClient("FinanceService", "urn:titrate:finance", "admin", adminPassword),
                        "<f:getBalance xmlns:f='urn:titrate:finance'><customerCode>" + customer + "</customerCode></f:getBalance>");
                fail("SOAP served a finance operation without a licence");
            } catch (SOAPFaultException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("module finance not licensed"));
            }
            String refused = refusal("admin", adminPassword, "titrate:balance " + customer);
            assertTrue(refused, refused.contains("module finance not licensed"));
            JsonNode finance = module("finance");
            assertTrue(finance.toString(), finance.path("installed").asBoolean());
            assertFalse(finance.toString(), finance.path("licensed").asBoolean());
            assertFalse(finance.toString(), finance.path("active").asBoolean());
            assertTrue(module("sales").path("active").asBoolean());
            assertEquals(today().plusYears(1).toString(), module("sales").path("licensedUntil").asText());

            // Sales serves and ships; finance books nothing while it is not licensed, and reporting and notifications
            // do not follow the log: their cursors stay before the shipment's events.
            beforeShipment = log.visibleUpTo();
            String order = shipped(customer, 10);

            // Licensed from the shell: finance answers within seconds and has booked the shipment made meanwhile.
            Path withFinance = issue("sales, finance");
            long start = System.nanoTime();
            String out = shell("admin", adminPassword, "titrate:licence-install " + withFinance);
            assertTrue(out, out.contains(id(withFinance)));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> get("/receivables/" + customer).status() == 200);
            long answering = System.nanoTime() - start;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                    get("/receivables?customerCode=" + customer).json().path("items").toString().contains(order));
            long booked = System.nanoTime() - start;
            figure("licensing.txt", "licence-install (shell) to finance answering 200: " + TimeUnit.NANOSECONDS.toMillis(answering)
                    + " ms; to the shipment made while unlicensed booked: " + TimeUnit.NANOSECONDS.toMillis(booked) + " ms");
            JsonNode account = get("/receivables/" + customer).json().path("balances").get(0);
            assertEquals(account.toString(), 0, new BigDecimal("1205.00").compareTo(new BigDecimal(account.path("balance").asText())));
            assertTrue("reporting followed the log unlicensed", log.position("reporting.sales") <= beforeShipment);
            assertTrue("notifications followed the log unlicensed", log.position("notifications") <= beforeShipment);

            // A licence without finance turns it off again; its data stays.
            installed(issue("sales"));
            assertNotLicensed("finance", get("/receivables/" + customer));
        } finally {
            restoreFullLicence();
        }
        JsonNode account = get("/receivables/" + customer).json().path("balances").get(0);
        assertEquals(account.toString(), 0, new BigDecimal("1205.00").compareTo(new BigDecimal(account.path("balance").asText())));
        // Licensed again, reporting reads what happened meanwhile and notifications follow on.
        long held = beforeShipment;
        await().atMost(Duration.ofSeconds(60)).until(() ->
                get("/reports/sales-summary?groupBy=customer&customer=" + customer).json().path("rows").toString().contains(customer));
        await().atMost(Duration.ofSeconds(120)).until(() -> log.position("notifications") > held);
    }

    @Test
    public void tamperedLicencesAreRefusedAndTheLicenceInForceStays() throws Exception {
        Path good = issue(ALL);
        installed(good);
        String text = Files.readString(good, StandardCharsets.UTF_8);

        // Reformatting does not break the signature: lines reversed, spaces and line ends changed, a comment added.
        List<String> lines = new ArrayList<>(text.lines().toList());
        java.util.Collections.reverse(lines);
        Reply reformatted = install("# 重新保存\r\n" + String.join("\r\n", lines.stream().map(l -> "  " + l.replace(" = ", "=") + " ").toList()));
        assertEquals(reformatted.body(), 200, reformatted.status());
        assertEquals("江苏常青树化工贸易有限公司", reformatted.json().path("licensee").asText());

        Map<String, String> tampered = new java.util.LinkedHashMap<>();
        tampered.put(text.replace("maxUsers = 1000", "maxUsers = 1001"), "the signature does not match");
        tampered.put(text.replace("finance, ", ""), "the signature does not match");
        tampered.put(text.replace("algorithm = Ed25519", "algorithm = RSA"), "only Ed25519 is accepted");
        tampered.put(text.substring(0, text.length() / 2), "licence refused");
        tampered.put(text.substring(0, text.indexOf("signature =")), "lacks 'signature'");
        tampered.put("#".repeat(10 * 1024 * 1024), "larger than");
        tampered.put(Files.readString(issue("unknown-" + RUN.toLowerCase(), ALL, today(), today().plusYears(1), 10), StandardCharsets.UTF_8),
                "which this installation does not know");
        tampered.put(Files.readString(issue(KEY_ID, ALL, today().plusDays(10), today().plusYears(1), 10), StandardCharsets.UTF_8),
                "is not valid yet");
        tampered.put(Files.readString(issue(KEY_ID, ALL, today().minusYears(1), today().minusDays(1), 10), StandardCharsets.UTF_8),
                "expired on " + today().minusDays(1));
        for (Map.Entry<String, String> t : tampered.entrySet()) {
            // A 10 MB upload is stopped by the API's body limit (413 naming the body) before the licence is read at all.
            boolean huge = t.getKey().length() > 2 * 1024 * 1024;
            Reply r = assertProblem(huge ? 413 : 400, install(t.getKey()));
            assertEquals(r.body(), huge ? "body" : "licence", r.json().path("errors").get(0).path("field").asText());
            assertTrue(r.body(), r.json().path("errors").get(0).path("message").asText().contains(t.getValue()));
            assertEquals(id(good), get("/licence").json().path("licenceId").asText());
        }
        // The shell refuses the same way, and a broken file dropped at etc/titrate.licence changes nothing either.
        Path broken = work().resolve("broken-" + RUN + ".licence");
        Files.writeString(broken, text.replace("finance, ", ""), StandardCharsets.UTF_8);
        String refused = refusal("admin", adminPassword, "titrate:licence-install " + broken);
        assertTrue(refused, refused.contains("the signature does not match"));
        Files.writeString(Path.of(System.getProperty("karaf.etc"), "titrate.licence"), text.replace("finance, ", ""), StandardCharsets.UTF_8);
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(log, StandardCharsets.UTF_8).contains("etc/titrate.licence)"));
        assertEquals(id(good), get("/licence").json().path("licenceId").asText());
        assertEquals(200, get("/receivables?limit=1").status());

        // A good file dropped there is taken without a restart.
        Path dropped = issue(ALL);
        long start = System.nanoTime();
        Files.copy(dropped, Path.of(System.getProperty("karaf.etc"), "titrate.licence"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> id(dropped).equals(get("/licence").json().path("licenceId").asText()));
        figure("licensing.txt", "licence file dropped at etc/titrate.licence to in force: "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
        String shown = shell("admin", adminPassword, "titrate:licence-show");
        assertTrue(shown, shown.contains(id(dropped)) && shown.contains("江苏常青树化工贸易有限公司") && shown.contains("local key"));
    }

    @Test
    public void anEndedModuleServesInGraceThenBecomesReadOnly() throws Exception {
        masterData();
        String customer = customer();
        Path cfg = Path.of(System.getProperty("karaf.etc"), "org.titrate.licensing.cfg");
        String original = Files.readString(cfg, StandardCharsets.UTF_8);
        try {
            installed(issue("sales, inventory, finance:" + today().minusDays(3)));
            JsonNode finance = module("finance");
            assertEquals(finance.toString(), "FULL", finance.path("access").asText());
            assertTrue(finance.toString(), finance.path("warning").asText().contains("grace period"));
            String list = shell("admin", adminPassword, "titrate:module-list");
            assertTrue(list, list.contains("Warning: finance: finance ended on " + today().minusDays(3)));

            Files.writeString(cfg, original.replaceAll("(?m)^graceDays\\s*=.*$", "graceDays = 1"), StandardCharsets.UTF_8);
            await().atMost(Duration.ofSeconds(30)).until(() -> "READ_ONLY".equals(module("finance").path("access").asText()));
            assertEquals(200, get("/receivables?limit=1").status());
            Reply write = assertProblem(403, post("/receipts", map("customerCode", customer, "amount", 10, "method", "CASH")));
            assertTrue(write.body(), write.json().path("detail").asText().contains("read-only"));
            String refused = refusal("admin", adminPassword, "titrate:payment-reminders --raise");
            assertTrue(refused, refused.contains("read-only"));
            // Reads keep working in the shell too.
            shell("admin", adminPassword, "titrate:payment-reminders");
        } finally {
            Files.writeString(cfg, original, StandardCharsets.UTF_8);
            restoreFullLicence();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "FULL".equals(module("finance").path("access").asText()));
    }

    @Test
    public void aLicenceLimitsNamedUsers() throws Exception {
        int users = get("/users?limit=500").json().path("total").asInt();
        try {
            installed(issue(KEY_ID, ALL, today(), today().plusYears(1), users));
            Reply refused = assertProblem(409, post("/users", map("username", "lic-" + RUN.toLowerCase(), "password", "pw-" + java.util.UUID.randomUUID(),
                    "roles", List.of("viewer"))));
            assertTrue(refused.body(), refused.body().contains("allows " + users + " named users"));
        } finally {
            restoreFullLicence();
        }
        createUser("lic2-" + RUN.toLowerCase(), "viewer");
    }

    @Test
    public void theLicenceCheckCostsLittlePerRequest() throws Exception {
        int n = 2000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            entitlements.entitlement("sales");
        }
        long perCheck = (System.nanoTime() - start) / n;
        int requests = 300;
        for (int i = 0; i < 20; i++) {
            assertEquals(200, get("/sales-orders?limit=1").status());
        }
        start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            assertEquals(200, get("/products?limit=1").status());
        }
        double products = requests / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            assertEquals(200, get("/sales-orders?limit=1").status());
        }
        double sales = requests / ((System.nanoTime() - start) / 1e9);
        figure("licensing.txt", String.format("licence check: %d ns per look-up (in-memory snapshot); GET /products?limit=1 %.0f requests/s"
                + " (free module: the check answers before any look-up); GET /sales-orders?limit=1 %.0f requests/s (licensed module: the"
                + " full check), one client thread", perCheck, products, sales));
    }

    // ---- modules as KAR files

    private static Path deploy(Path kar) throws Exception {
        Path target = Path.of(System.getProperty("karaf.base"), "deploy", kar.getFileName().toString());
        Files.copy(kar, target.resolveSibling(kar.getFileName() + ".part"), StandardCopyOption.REPLACE_EXISTING);
        // whole or not at all: Karaf's deployer must never see half a file
        Files.move(target.resolveSibling(kar.getFileName() + ".part"), target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static String karName(Path kar) {
        String n = kar.getFileName().toString();
        return n.substring(0, n.length() - ".kar".length());
    }

    /**
     * A newer finance for the upgrade test, made from the built KAR: the same bundles, the impl bundle with version 0.1.1 and
     * one more schema migration that adds a column, in a KAR of its own.
     */
    private static Path upgradeKar(Path kar) throws Exception {
        String feature = null;
        byte[] impl = null;
        String mavenVersion = null;
        try (ZipFile zip = new ZipFile(kar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().endsWith("-features.xml")) {
                    feature = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                } else if (e.getName().matches("repository/org/titrate/titrate-finance-impl/[^/]+/titrate-finance-impl-.*\\.jar")) {
                    impl = zip.getInputStream(e).readAllBytes();
                    mavenVersion = e.getName().split("/")[4];
                }
            }
        }
        assertTrue("the finance KAR lacks its feature or impl bundle", feature != null && impl != null);
        String newVersion = "0.1.1-upgradetest";
        feature = feature.replaceFirst("(<feature name=\"titrate-finance\"[^>]*version=\")[^\"]+\"", "$10.1.1.upgradetest\"")
                .replace("mvn:org.titrate/titrate-finance-impl/" + mavenVersion, "mvn:org.titrate/titrate-finance-impl/" + newVersion);
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(impl))) {
            Manifest manifest = in.getManifest();
            manifest.getMainAttributes().putValue("Bundle-Version", "0.1.1.upgradetest");
            int migrations = 0;
            try (JarOutputStream out = new JarOutputStream(jar, manifest)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    if (e.getName().matches("db/finance/V\\d+\\.sql")) {
                        migrations++;
                    }
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                }
                out.putNextEntry(new JarEntry("db/finance/V" + (migrations + 1) + ".sql"));
                out.write("ALTER TABLE FIN_CURSOR ADD COLUMN UPGRADE_NOTE VARCHAR(40)".getBytes(StandardCharsets.UTF_8));
            }
        }
        Path upgrade = work().resolve("titrate-finance-" + newVersion + ".kar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(upgrade))) {
            out.putNextEntry(new ZipEntry("repository/org/titrate/titrate-finance-kar/" + newVersion + "/titrate-finance-kar-" + newVersion + "-features.xml"));
            out.write(feature.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("repository/org/titrate/titrate-finance-impl/" + newVersion + "/titrate-finance-impl-" + newVersion + ".jar"));
            out.write(jar.toByteArray());
        }
        return upgrade;
    }

    /** The finance impl bundles installed: one, or none while finance is away; never two versions side by side. */
    private static List<Bundle> financeImpls() {
        List<Bundle> found = new ArrayList<>();
        for (Bundle b : FrameworkUtil.getBundle(LicensingIT.class).getBundleContext().getBundles()) {
            if ("org.titrate.titrate-finance-impl".equals(b.getSymbolicName())) {
                found.add(b);
            }
        }
        return found;
    }

    @Test
    public void aModuleDeliveredAsKarInstallsLiveServesOnceLicensedAndUpgradesWithItsData() throws Exception {
        masterData();
        String customer = customer();
        Path kar = Path.of(System.getProperty("titrate.kar.finance"));
        try {
            installed(issue("sales"));
            shell("admin", adminPassword, "feature:uninstall titrate-finance");
            await().atMost(Duration.ofSeconds(60)).until(() -> !module("finance").path("installed").asBoolean());
            String order = shipped(customer, 4);

            // Dropped into deploy/: installed live, but not licensed.
            long start = System.nanoTime();
            deploy(kar);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> get("/receivables?limit=1").status() == 403);
            figure("licensing.txt", "KAR dropped into deploy/ to finance answering (403 not licensed): "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
            assertNotLicensed("finance", get("/receivables?limit=1"));
            assertTrue(module("finance").path("installed").asBoolean());

            // Licensed: it serves and has booked the shipment made before it came.
            installed(issue("sales, finance"));
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    get("/receivables?customerCode=" + customer).json().path("items").toString().contains(order));
            BigDecimal balance = new BigDecimal(get("/receivables/" + customer).json().path("balances").get(0).path("balance").asText());
            assertEquals(0, new BigDecimal("482.00").compareTo(balance));

            // A licence without finance: 403 again, data intact.
            installed(issue("sales"));
            assertNotLicensed("finance", get("/receivables/" + customer));

            installed(issue("sales, finance"));
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/receivables/" + customer).status() == 200);

            // A newer KAR upgrades it in place: one finance bundle, the new migration ran, the data is there.
            Path upgrade = upgradeKar(kar);
            start = System.nanoTime();
            deploy(upgrade);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
                List<Bundle> b = financeImpls();
                return b.size() == 1 && b.get(0).getVersion().toString().equals("0.1.1.upgradetest") && b.get(0).getState() == Bundle.ACTIVE
                        && get("/receivables/" + customer).status() == 200;
            });
            figure("licensing.txt", "newer finance KAR dropped to the upgraded module answering: "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
            assertEquals(0, balance.compareTo(new BigDecimal(get("/receivables/" + customer).json().path("balances").get(0).path("balance").asText())));
            BundleContext context = FrameworkUtil.getBundle(LicensingIT.class).getBundleContext();
            ServiceReference<DataSource> ref = context.getServiceReferences(DataSource.class, "(titrate.schema=finance)").iterator().next();
            try (Connection c = context.getService(ref).getConnection(); Statement st = c.createStatement()) {
                st.executeQuery("SELECT UPGRADE_NOTE FROM FIN_CURSOR").close();
            } finally {
                context.ungetService(ref);
            }
            assertEquals("0.1.1.upgradetest", module("finance").path("version").asText());

            // kar:uninstall removes the module it delivered; its data stays for when finance comes back.
            shell("admin", adminPassword, "kar:uninstall " + karName(upgrade));
            await().atMost(Duration.ofSeconds(60)).until(() -> financeImpls().isEmpty() && get("/receivables/" + customer).status() == 404);
            shell("admin", adminPassword, "feature:install titrate-finance");
            await().atMost(Duration.ofSeconds(120)).until(() -> get("/receivables/" + customer).status() == 200);
            assertEquals(0, balance.compareTo(new BigDecimal(get("/receivables/" + customer).json().path("balances").get(0).path("balance").asText())));
        } finally {
            restoreFullLicence();
        }
    }
}
