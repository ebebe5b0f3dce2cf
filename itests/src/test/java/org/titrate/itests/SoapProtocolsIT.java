package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** SOAP 1.1 and 1.2 side by side, SOAPAction, and the ways integrators sign in, sent byte for byte as clients send them. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SoapProtocolsIT extends TitrateTestSupport {
    static final String CUSTOMERS = "urn:titrate:customers";
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final HttpClient RAW = HttpClient.newHttpClient();

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                systemProperty("titrate.soap.client").value(System.getProperty("titrate.soap.client", "soap-client")),
                systemProperty("titrate.soap.interop").value(System.getProperty("titrate.soap.interop", "target/soap-interop.txt")),
                // the per-account throttle is what is tested; every request here comes from 127.0.0.1
                editConfigurationFilePut("etc/org.titrate.platform.login.cfg", "maxFailuresPerAddress", "100000"));
    }

    private String customer(String suffix) {
        String code = "SP" + suffix + "-" + RUN;
        assertEquals(201, post("/customers", map("code", code, "name", "山东鲁西化工股份有限公司 " + suffix + RUN, "status", "ACTIVE",
                "channel", "WHOLESALE")).status());
        return code;
    }

    static String envelope(String soapNs, String header, String body) {
        return "<?xml version='1.0' encoding='UTF-8'?><env:Envelope xmlns:env='" + soapNs + "'>"
                + (header == null ? "" : "<env:Header>" + header + "</env:Header>") + "<env:Body>" + body + "</env:Body></env:Envelope>";
    }

    static String getCustomer(String code) {
        return "<c:getCustomer xmlns:c='" + CUSTOMERS + "'><code>" + code + "</code></c:getCustomer>";
    }

    /** POSTs an envelope; {@code headers} may hold Authorization, SOAPAction and Content-Type. */
    static HttpResponse<String> send(String path, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        return RAW.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String TOKEN_PROFILE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0";

    /** A WS-Security header with a UsernameToken as WSE, WCF and WSS4J clients write it. */
    static String usernameToken(String user, String password, boolean digest, byte[] nonce, String created) throws Exception {
        String b64Nonce = Base64.getEncoder().encodeToString(nonce);
        String value = password;
        if (digest) {
            java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            value = Base64.getEncoder().encodeToString(sha1.digest());
        }
        return "<wsse:Security xmlns:wsse='" + WSSE + "' xmlns:wsu='" + WSU + "'><wsse:UsernameToken wsu:Id='UT-1'>"
                + "<wsse:Username>" + user + "</wsse:Username><wsse:Password Type='" + TOKEN_PROFILE
                + (digest ? "#PasswordDigest" : "#PasswordText") + "'>" + value + "</wsse:Password>"
                + "<wsse:Nonce EncodingType='http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary'>"
                + b64Nonce + "</wsse:Nonce><wsu:Created>" + created + "</wsu:Created></wsse:UsernameToken></wsse:Security>";
    }

    static byte[] nonce() {
        byte[] n = new byte[16];
        new java.security.SecureRandom().nextBytes(n);
        return n;
    }

    static String now() {
        return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }

    private HttpResponse<String> withToken(String version, String header, String body) throws Exception {
        boolean v12 = "1.2".equals(version);
        String type = v12 ? "application/soap+xml; charset=UTF-8" : "text/xml; charset=UTF-8";
        return send(v12 ? "/soap12/CustomerService" : "/soap/CustomerService", Map.of("Content-Type", type),
                envelope(v12 ? SOAP12 : SOAP11, header, body).getBytes(StandardCharsets.UTF_8));
    }

    private static String key(String shellOutput) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("PasswordDigest\\): (\\S+)").matcher(shellOutput);
        assertTrue(shellOutput, m.find());
        return m.group(1);
    }

    private HttpResponse<String> soap11(String action, String body) throws Exception {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", basic("admin", adminPassword));
        h.put("Content-Type", "text/xml; charset=UTF-8");
        if (action != null) {
            h.put("SOAPAction", action);
        }
        return send("/soap/CustomerService", h, envelope(SOAP11, null, body).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> soap12(String user, String password, String action, String body) throws Exception {
        Map<String, String> h = new LinkedHashMap<>();
        if (user != null) {
            h.put("Authorization", basic(user, password));
        }
        h.put("Content-Type", "application/soap+xml; charset=UTF-8" + (action == null ? "" : "; action=\"" + action + "\""));
        return send("/soap12/CustomerService", h, envelope(SOAP12, null, body).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void everyServiceSpeaksSoap11And12WithItsOwnWsdl() throws Exception {
        for (String service : new String[] {"CustomerService", "ProductService", "SalesOrderService", "InventoryService",
                "PurchasingService", "FinanceService", "ReportService", "InvoiceService"}) {
            Reply wsdl11 = http("GET", "/soap/" + service + "?wsdl", null, null, null, Map.of());
            Reply wsdl12 = http("GET", baseUrl() + "/soap12/" + service + "?wsdl", null, null, null, Map.of());
            assertEquals(service, 200, wsdl11.status());
            assertEquals(service, 200, wsdl12.status());
            assertTrue(service, wsdl11.body().contains("http://schemas.xmlsoap.org/wsdl/soap/") && !wsdl11.body().contains("wsdl/soap12/"));
            assertTrue(service, wsdl12.body().contains("http://schemas.xmlsoap.org/wsdl/soap12/") && wsdl12.body().contains("/soap12/" + service));
        }
        String wsdl = http("GET", "/soap/CustomerService?wsdl", null, null, null, Map.of()).body();
        assertTrue(wsdl, wsdl.contains("soapAction=\"getCustomer\""));

        String code = customer("V");
        HttpResponse<String> ok = soap12("admin", adminPassword, "getCustomer", getCustomer(code));
        assertEquals(ok.body(), 200, ok.statusCode());
        assertTrue(ok.body(), ok.body().contains(SOAP12) && ok.body().contains("山东鲁西化工股份有限公司 V" + RUN));
        assertTrue(ok.headers().firstValue("Content-Type").orElse(""), ok.headers().firstValue("Content-Type").orElse("").startsWith("application/soap+xml"));

        // The client's mistakes are env:Sender with 400 on 1.2, soap:Client with 500 on 1.1 (WS-I); the detail is the same.
        HttpResponse<String> missing = soap12("admin", adminPassword, null, getCustomer("NOPE-" + RUN));
        assertEquals(missing.body(), 400, missing.statusCode());
        assertTrue(missing.body(), missing.body().contains(":Sender</") && missing.body().contains("NOPE-" + RUN)
                && missing.body().contains("<status>404</status>"));
        HttpResponse<String> missing11 = soap11(null, getCustomer("NOPE-" + RUN));
        assertEquals(500, missing11.statusCode());
        assertTrue(missing11.body(), missing11.body().contains(":Client</faultcode>") && missing11.body().contains("<status>404</status>"));

        // Same security: no login is 401 on both, a viewer may read but not save.
        assertEquals(401, soap12(null, null, null, getCustomer(code)).statusCode());
        String viewer = "sp12viewer-" + RUN;
        String pw = createUser(viewer, "viewer");
        assertEquals(200, soap12(viewer, pw, null, getCustomer(code)).statusCode());
        HttpResponse<String> refused = soap12(viewer, pw, null, "<c:saveCustomer xmlns:c='" + CUSTOMERS + "'><customer><code>RO-" + RUN
                + "</code><name>x</name></customer></c:saveCustomer>");
        assertEquals(refused.body(), 400, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains(":Sender</") && refused.body().contains("<status>403</status>"));
        assertProblem(404, get("/customers/RO-" + RUN));
    }

    @Test
    public void theOperationNameIsTheSoapAction() throws Exception {
        String code = customer("A");
        for (String action : new String[] {"\"getCustomer\"", "getCustomer", "\"\"", ""}) {
            HttpResponse<String> ok = soap11(action, getCustomer(code));
            assertEquals(action + ": " + ok.body(), 200, ok.statusCode());
            assertTrue(ok.body(), ok.body().contains(code));
        }
        assertEquals(200, soap11(null, getCustomer(code)).statusCode());
        assertEquals(200, soap12("admin", adminPassword, "getCustomer", getCustomer(code)).statusCode());

        // Another operation's action with this body, or an action naming nothing, is the caller's error, and nothing runs.
        String save = "<c:saveCustomer xmlns:c='" + CUSTOMERS + "'><customer><code>SA-" + RUN + "</code><name>江西晨光新材料 "
                + RUN + "</name><status>ACTIVE</status><channel>WHOLESALE</channel></customer></c:saveCustomer>";
        for (String action : new String[] {"\"getCustomer\"", "deleteEverything"}) {
            HttpResponse<String> wrong = soap11(action, save);
            assertEquals(wrong.body(), 500, wrong.statusCode());
            assertTrue(wrong.body(), wrong.body().contains(":Client</faultcode>") && wrong.body().contains("<field>SOAPAction</field>"));
        }
        HttpResponse<String> wrong12 = soap12("admin", adminPassword, "getCustomer", save);
        assertEquals(wrong12.body(), 400, wrong12.statusCode());
        assertTrue(wrong12.body(), wrong12.body().contains(":Sender</") && wrong12.body().contains("<field>SOAPAction</field>"));
        assertProblem(404, get("/customers/SA-" + RUN));
        assertFalse(soap11("\"saveCustomer\"", save).body().contains("Fault"));
    }

    @Test
    public void usernameTokenSignsInWithThePasswordOrTheSoapKey() throws Exception {
        String code = customer("U");
        String user = "spkey-" + RUN.toLowerCase();
        String pw = createUser(user, "viewer");
        for (String version : new String[] {"1.1", "1.2"}) {
            HttpResponse<String> text = withToken(version, usernameToken(user, pw, false, nonce(), now()), getCustomer(code));
            assertEquals(version + " " + text.body(), 200, text.statusCode());
            assertTrue(text.body(), text.body().contains(code));
            assertEquals(version, 401, withToken(version, usernameToken(user, pw + "x", false, nonce(), now()), getCustomer(code)).statusCode());
            // a digest cannot be checked against the stored hash: the login password does not work as one
            assertEquals(version, 401, withToken(version, usernameToken(user, pw, true, nonce(), now()), getCustomer(code)).statusCode());
        }
        // The roles are the user's: a viewer's token reads and does not save.
        HttpResponse<String> save = withToken("1.1", usernameToken(user, pw, false, nonce(), now()), "<c:saveCustomer xmlns:c='"
                + CUSTOMERS + "'><customer><code>UT-" + RUN + "</code><name>x</name></customer></c:saveCustomer>");
        assertTrue(save.body(), save.body().contains("<status>403</status>"));

        String key = key(shell("admin", adminPassword, "titrate:soap-key-issue " + user));
        byte[] nonce = nonce();
        String created = now();
        for (String version : new String[] {"1.1", "1.2"}) {
            HttpResponse<String> digest = withToken(version, usernameToken(user, key, true, nonce(), now()), getCustomer(code));
            assertEquals(version + " " + digest.body(), 200, digest.statusCode());
        }
        assertEquals(200, withToken("1.1", usernameToken(user, key, true, nonce, created), getCustomer(code)).statusCode());
        // the same nonce again is a replay
        assertEquals(401, withToken("1.1", usernameToken(user, key, true, nonce, created), getCustomer(code)).statusCode());
        // the key is no password: it is refused as PasswordText
        assertEquals(401, withToken("1.1", usernameToken(user, key, false, nonce(), now()), getCustomer(code)).statusCode());

        String listed = shell("admin", adminPassword, "titrate:soap-key-list");
        assertTrue(listed, listed.contains(user) && !listed.contains(key));
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("karaf.etc"), "titrate-soap-keys.properties");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file)));

        // Rotating replaces the key; revoking ends it.
        String rotated = key(shell("admin", adminPassword, "titrate:soap-key-issue " + user));
        assertEquals(401, withToken("1.1", usernameToken(user, key, true, nonce(), now()), getCustomer(code)).statusCode());
        assertEquals(200, withToken("1.2", usernameToken(user, rotated, true, nonce(), now()), getCustomer(code)).statusCode());
        shell("admin", adminPassword, "titrate:soap-key-revoke " + user);
        assertEquals(401, withToken("1.2", usernameToken(user, rotated, true, nonce(), now()), getCustomer(code)).statusCode());
    }

    @Test
    public void wrongDigestsAreThrottledLikeWrongPasswords() throws Exception {
        String code = customer("T");
        String user = "spguess-" + RUN.toLowerCase();
        createUser(user, "viewer");
        String key = key(shell("admin", adminPassword, "titrate:soap-key-issue " + user));
        int status = 0;
        for (int i = 0; i < 30 && status != 429; i++) {
            status = withToken("1.1", usernameToken(user, "guess-" + UUID.randomUUID(), true, nonce(), now()), getCustomer(code)).statusCode();
            assertTrue("attempt " + i + ": " + status, status == 401 || status == 429);
        }
        assertEquals(429, status);
        // locked: even the right key is refused now, without being checked
        assertEquals(429, withToken("1.2", usernameToken(user, key, true, nonce(), now()), getCustomer(code)).statusCode());
        // the audit trail is written behind the request: poll it
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String audit = "";
        while (System.nanoTime() < deadline && !(audit.contains("LOGIN_FAILED") && audit.contains("LOGIN_LOCKED"))) {
            audit = get("/audit?user=" + user + "&limit=50").body();
        }
        assertTrue(audit, audit.contains("LOGIN_FAILED") && audit.contains("LOGIN_LOCKED"));
    }

    /**
     * The npm soap package, which knows nothing of Titrate but the served WSDLs, calls CustomerService over SOAP 1.1 and 1.2,
     * signed in with HTTP Basic, a UsernameToken with the password as text and one with a SOAP key as digest, in UTF-8 and
     * in GBK: it saves a customer with a Chinese name, reads it back, hears a client fault for an unknown code and a 401 for
     * a wrong secret. Each case is a row of target/soap-interop.txt; REST must then show what every case stored.
     */
    @Test
    public void anIndependentClientInteroperates() throws Exception {
        String user = "spnode-" + RUN.toLowerCase();
        String pw = createUser(user, "sales");
        String key = key(shell("admin", adminPassword, "titrate:soap-key-issue " + user));
        Path dir = Path.of(System.getProperty("titrate.soap.client"));
        ProcessBuilder pb = new ProcessBuilder("node", "interop.js").directory(dir.toFile()).redirectErrorStream(false);
        pb.environment().put("TITRATE_URL", baseUrl());
        pb.environment().put("TITRATE_USER", user);
        pb.environment().put("TITRATE_PASSWORD", pw);
        pb.environment().put("TITRATE_SOAP_KEY", key);
        pb.environment().put("TITRATE_RUN", RUN);
        Path err = Files.createTempFile("soap-interop", ".err");
        pb.redirectError(err.toFile());
        Process node = pb.start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("node did not finish", node.waitFor(3, TimeUnit.MINUTES));
        assertEquals(out + Files.readString(err), 0, node.exitValue());

        List<String> table = new ArrayList<>();
        table.add(String.format("%-5s %-21s %-7s %-6s %s", "SOAP", "auth", "charset", "result", "steps / error"));
        List<String> failed = new ArrayList<>();
        int rows = 0;
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode r = JSON.readTree(line);
            rows++;
            boolean ok = r.path("ok").asBoolean();
            if (ok) {
                // what the client stored, seen over REST: the name survived the charset
                Reply stored = get("/customers/" + r.path("code").asText());
                ok = stored.status() == 200 && r.path("name").asText().equals(stored.json().path("name").asText());
            }
            List<String> steps = new ArrayList<>();
            r.path("steps").forEach(step -> steps.add(step.asText()));
            table.add(String.format("%-5s %-21s %-7s %-6s %s", r.path("version").asText(), r.path("auth").asText(), r.path("charset").asText(),
                    ok ? "ok" : "FAILED", ok ? String.join(", ", steps) : r.path("error").asText(String.join(", ", steps))));
            if (!ok) {
                failed.add(line);
            }
        }
        Path report = Path.of(System.getProperty("titrate.soap.interop"));
        Files.createDirectories(report.getParent());
        Files.writeString(report, String.join("\n", table) + "\n", StandardCharsets.UTF_8);
        assertEquals(String.join("\n", table), 12, rows);
        assertTrue(String.join("\n", table) + "\n" + failed, failed.isEmpty());
    }
}
