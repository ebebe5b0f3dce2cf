package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Replays the hostile-input corpus ({@code src/test/resources/hostile/corpus.jsonl}, one request per line) against the
 * running distribution over REST, SOAP, the tracking page and the browser application, with a raw HTTP client so that
 * malformed requests reach the server as written. Every answer must be below 500 (a SOAP {@code Client} or
 * {@code VersionMismatch} fault is the client's error even though WS-I Basic Profile answers it with HTTP 500), no case may get at what its credentials do not allow,
 * and the business tables must be the same before and after. The table per family goes to {@code hostile-corpus.txt}.
 *
 * <p>A case is {@code {id, family, method, path, auth, headers, body | bodyBase64 | gen, expect}}: {@code auth} is
 * {@code admin}, {@code viewer}, {@code sales}, {@code none}, {@code raw} (the case's own Authorization header) or
 * {@code session-nocsrf} (the browser's cookie without its CSRF token); {@code gen} builds a huge body from parts, a part
 * being text or {@code {repeat, times, indexed}}; {@code {{repeat:c:n}}} in any text is the character c n times;
 * {@code {{RUN}}}, {@code {{CUSTOMER}}}, {@code {{ORDER}}}, {@code {{VIEWER}}}, {@code {{IDEM}}} and {@code {{IDEM_BODY}}}
 * are this run's records. {@code expect}: {@code any} (no 5xx), {@code denied} (no 2xx beyond the public documents),
 * {@code denied-write} (no 2xx write and the data unchanged), {@code no-leak} (no file content or container internals
 * in the answer), {@code no-inject} (no header smuggled into the answer); {@code status}, where a case has one, is the
 * answer it must get (a limit's 413 or 400).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostileCorpusIT extends TitrateTestSupport {
    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat:(.):(\\d+)}}");
    /** What may never appear in an answer: a file of the host, a class or manifest of the container, a stack trace. */
    private static final List<String> LEAKS = List.of("root:x:0:0", "Manifest-Version", "Bundle-SymbolicName", "[core]",
            "at org.apache.", "at java.base/", "\u00ca\u00fe\u00ba\u00be");
    /** Tables that record access rather than business: they legitimately grow while the corpus runs. */
    private static final Set<String> NOT_BUSINESS = Set.of("PLT_AUDIT", "PLT_IDEMPOTENCY", "PLT_IDEMPOTENCY_PART", "PLT_EVENT_CURSOR",
            "FIN_CURSOR", "FIN_REMINDER", "NTF_DELIVERY_LOG");

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                // the corpus fails logins on purpose, all from 127.0.0.1, which every request of the test uses
                editConfigurationFilePut("etc/org.titrate.platform.login.cfg", "maxFailuresPerAddress", "100000"));
    }

    private record Outcome(int status, long millis, String head, String body) {
    }

    private static final class Family {
        int cases;
        int serverErrors;
        int bypasses;
        int soapClientFaults;
        long slowest;
        String slowestId = "";
    }

    @Test
    public void corpusFindsNo5xxNoBypassAndChangesNoData() throws Exception {
        List<JsonNode> corpus = corpus();
        assertTrue("at least 300 cases, found " + corpus.size(), corpus.size() >= 300);

        Map<String, String> vars = setUp();
        String first = stableChecksum();
        Map<String, String> beforeTables = tables();

        Map<String, Family> families = new TreeMap<>();
        List<String> findings = new ArrayList<>();
        List<String> wrongStatus = new ArrayList<>();
        long started = System.nanoTime();
        for (JsonNode c : corpus) {
            String id = c.path("id").asText();
            Family f = families.computeIfAbsent(c.path("family").asText(), k -> new Family());
            f.cases++;
            Outcome o;
            try {
                o = send(c, vars);
            } catch (IOException e) {
                findings.add(id + ": no answer (" + e + ")");
                f.serverErrors++;
                continue;
            }
            if (o.millis() > f.slowest) {
                f.slowest = o.millis();
                f.slowestId = id;
            }
            boolean soapClientFault = o.status() == 500
                    && (o.body().contains(":Client</faultcode>") || o.body().contains(":VersionMismatch</faultcode>"));
            if (soapClientFault) {
                f.soapClientFaults++;
            } else if (o.status() >= 500 || o.status() < 100) {
                f.serverErrors++;
                findings.add(id + ": " + o.status() + " " + abbreviate(o.body()));
            }
            if (c.has("status") && o.status() != c.get("status").asInt()) {
                wrongStatus.add(id + ": answered " + o.status() + ", not " + c.get("status").asInt() + " " + abbreviate(o.body()));
            }
            String bypass = bypass(c, o);
            if (bypass == null && !Set.of("GET", "HEAD").contains(c.path("method").asText())) {
                Map<String, String> now = tables();
                if (!now.equals(beforeTables)) {
                    bypass = "changed data in " + changed(beforeTables, now);
                    beforeTables = now;
                }
            }
            if (bypass != null) {
                f.bypasses++;
                findings.add(id + ": BYPASS " + bypass + " (" + o.status() + " " + abbreviate(o.body()) + ")");
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        figure("hostile-corpus.txt", "family\tcases\t5xx\tbypasses\tSOAP Client/VersionMismatch faults (HTTP 500 by WS-I)\tslowest ms\tslowest case");
        Family total = new Family();
        families.forEach((name, f) -> {
            figure("hostile-corpus.txt", name + "\t" + f.cases + "\t" + f.serverErrors + "\t" + f.bypasses + "\t" + f.soapClientFaults
                    + "\t" + f.slowest + "\t" + f.slowestId);
            total.cases += f.cases;
            total.serverErrors += f.serverErrors;
            total.bypasses += f.bypasses;
            total.soapClientFaults += f.soapClientFaults;
            if (f.slowest > total.slowest) {
                total.slowest = f.slowest;
                total.slowestId = f.slowestId;
            }
        });
        figure("hostile-corpus.txt", "all\t" + total.cases + "\t" + total.serverErrors + "\t" + total.bypasses + "\t"
                + total.soapClientFaults + "\t" + total.slowest + "\t" + total.slowestId + "\t(" + seconds + " s in all)");
        findings.forEach(line -> figure("hostile-corpus.txt", "finding\t" + line));

        assertEquals("answers 5xx or none: " + findings, 0, total.serverErrors);
        assertEquals("bypasses: " + findings, 0, total.bypasses);
        assertEquals("limits not answered as they must be", List.of(), wrongStatus);

        // healthy afterwards, and not one business record changed
        assertEquals(200, http("GET", baseUrl() + "/api/v1/health", null, null, null, Map.of()).status());
        assertEquals(200, get("/customers/" + vars.get("CUSTOMER")).status());
        assertEquals(200, http("GET", "/soap/CustomerService?wsdl", null, null, null, Map.of()).status());
        assertEquals("the business tables are unchanged", first, stableChecksum());
    }

    // ---- the run's records ----

    private Map<String, String> setUp() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("RUN", RUN);
        String customer = "HC-" + RUN;
        String idem = "hostile-" + RUN;
        String idemBody = "{\"code\":\"" + customer + "\",\"name\":\"恶意输入测试客户 " + RUN + "\",\"status\":\"ACTIVE\",\"channel\":\"WHOLESALE\"}";
        Reply created = http("POST", "/customers", "admin", adminPassword, idemBody, Map.of("Idempotency-Key", idem));
        assertEquals(created.body(), 201, created.status());
        vars.put("CUSTOMER", customer);
        vars.put("IDEM", idem);
        vars.put("IDEM_BODY", idemBody);
        ensureWarehouse("HCWH", "恶意输入测试仓库", true, false);
        String sku = "HC-P-" + RUN;
        assertEquals(201, post("/products", map("sku", sku, "name", "氢氧化钠 " + RUN, "unit", "袋", "listPrice", new BigDecimal("120.00"),
                "lotTracked", false)).status());
        Reply order = post("/sales-orders", map("type", "ORDER", "customerCode", customer, "warehouseCode", "HCWH",
                "lines", List.of(map("sku", sku, "direction", "SHIP", "quantity", 2, "unitPrice", new BigDecimal("120.00")))));
        assertEquals(order.body(), 201, order.status());
        vars.put("ORDER", order.json().path("number").asText());
        String viewer = "hcview" + RUN.toLowerCase(Locale.ROOT);
        vars.put("VIEWER", viewer);
        vars.put("viewer", basic(viewer, createUser(viewer, "viewer")));
        String sales = "hcsales" + RUN.toLowerCase(Locale.ROOT);
        String salesPassword = createUser(sales, "sales");
        vars.put("sales", basic(sales, salesPassword));
        vars.put("admin", basic("admin", adminPassword));
        Reply session = http("POST", "/session", null, null, map("username", sales, "password", salesPassword), Map.of());
        assertEquals(session.body(), 200, session.status());
        vars.put("session", session.header("set-cookie").split(";")[0]);
        return vars;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    // ---- sending a case as written ----

    private static List<JsonNode> corpus() throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        InputStream in = HostileCorpusIT.class.getResourceAsStream("/hostile/corpus.jsonl");
        if (in == null) {
            Path file = Path.of(System.getProperty("karaf.home")).toAbsolutePath().getParent().getParent().getParent()
                    .resolve("src/test/resources/hostile/corpus.jsonl");
            in = Files.newInputStream(file);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    cases.add(JSON.readTree(line));
                }
            }
        }
        return cases;
    }

    private static String expand(String text, Map<String, String> vars) {
        for (Map.Entry<String, String> v : vars.entrySet()) {
            text = text.replace("{{" + v.getKey() + "}}", v.getValue());
        }
        Matcher m = REPEAT.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static byte[] body(JsonNode c, Map<String, String> vars) {
        if (c.has("bodyBase64")) {
            return Base64.getDecoder().decode(c.get("bodyBase64").asText());
        }
        if (c.has("gen")) {
            StringBuilder b = new StringBuilder();
            for (JsonNode part : c.get("gen")) {
                if (part.isTextual()) {
                    b.append(expand(part.asText(), vars));
                } else {
                    String unit = part.path("repeat").asText();
                    int times = part.path("times").asInt();
                    for (int i = 0; i < times; i++) {
                        b.append(part.path("indexed").asBoolean() ? unit.replace("{i}", String.valueOf(i)) : unit);
                    }
                }
            }
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }
        return c.has("body") ? expand(c.get("body").asText(), vars).getBytes(StandardCharsets.UTF_8) : null;
    }

    /** One request on a fresh connection, written byte for byte; the whole answer is read before the clock stops. */
    private static Outcome send(JsonNode c, Map<String, String> vars) throws IOException {
        String method = c.path("method").asText();
        String path = expand(c.path("path").asText(), vars);
        byte[] body = body(c, vars);
        Map<String, String> headers = new LinkedHashMap<>();
        c.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), expand(h.getValue().asText(), vars)));
        String auth = c.path("auth").asText("admin");
        if (Set.of("admin", "viewer", "sales").contains(auth)) {
            headers.put("Authorization", vars.get(auth));
        } else if (auth.equals("session-nocsrf")) {
            headers.put("Cookie", vars.get("session"));
        }
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        if (headers.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
            head.append("Host: localhost:").append(System.getProperty("titrate.it.http.port")).append("\r\n");
        }
        head.append("Connection: close\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        boolean framed = headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Content-Length") || k.equalsIgnoreCase("Transfer-Encoding"));
        if (body != null && !framed) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");

        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", Integer.getInteger("titrate.it.http.port")), 10_000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException refusedMidway) {
                // the server may answer (413, 431) and close before it has read everything: read what it said
            }
            byte[] answer = readAnswer(s.getInputStream(), method.equals("HEAD"));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            String text = new String(answer, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String responseHead = end < 0 ? text : text.substring(0, end);
            String responseBody = end < 0 ? "" : text.substring(end + 4);
            int status = -1;
            if (responseHead.startsWith("HTTP/1.")) {
                status = Integer.parseInt(responseHead.substring(9, 12));
            }
            return new Outcome(status, millis, responseHead, responseBody);
        }
    }

    /**
     * One answer, read as far as its head says it goes (Content-Length, chunked, or to the end of the connection): a server
     * that has answered but keeps the connection open (after CONNECT, or with a body it never read) has answered.
     */
    private static byte[] readAnswer(InputStream in, boolean head) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        int headEnd = -1;
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                answer.write(buffer, 0, n);
                byte[] sofar = answer.toByteArray();
                if (headEnd < 0) {
                    headEnd = new String(sofar, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
                }
                if (headEnd >= 0 && complete(sofar, headEnd, head)) {
                    break;
                }
            }
        } catch (java.net.SocketException reset) {
            if (answer.size() == 0) {
                throw reset;
            }
        }
        return answer.toByteArray();
    }

    private static boolean complete(byte[] sofar, int headEnd, boolean head) {
        String headText = new String(sofar, 0, headEnd, StandardCharsets.ISO_8859_1);
        int status = headText.startsWith("HTTP/1.") ? Integer.parseInt(headText.substring(9, 12)) : 0;
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            return true;
        }
        String length = header(headText, "content-length");
        if (!length.isEmpty()) {
            return sofar.length - (headEnd + 4) >= Long.parseLong(length);
        }
        if (header(headText, "transfer-encoding").contains("chunked")) {
            return new String(sofar, headEnd, sofar.length - headEnd, StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n");
        }
        return false;
    }

    /** Why the answer lets a caller past what its credentials allow, or null. */
    private String bypass(JsonNode c, Outcome o) {
        boolean ok = o.status() >= 200 && o.status() < 300;
        for (String leak : LEAKS) {
            if (o.body().contains(leak)) {
                return "answer shows '" + leak + "'";
            }
        }
        switch (c.path("expect").asText("any")) {
            case "denied" -> {
                String type = header(o.head(), "content-type");
                boolean publicDocument = type.startsWith("text/html") || o.body().contains("\"openapi\"")
                        || o.body().contains("wsdl:definitions") || o.body().contains("\"status\":\"UP\"");
                if (ok && !publicDocument) {
                    return "answered " + o.status() + " without valid credentials";
                }
            }
            case "denied-write" -> {
                String method = c.path("method").asText();
                if (ok && !method.equals("GET")) {
                    return "an under-privileged write answered " + o.status();
                }
                // the data check after every write names any change
            }
            case "no-inject" -> {
                if (o.head().toLowerCase(Locale.ROOT).contains("evil=1") || o.head().contains("/api/v1/users HTTP")) {
                    return "a header was injected into the answer";
                }
            }
            default -> {
                // no more than no 5xx and no leak
            }
        }
        return null;
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }

    // ---- the business data's checksum ----

    /** The checksum once the read models have caught up with what the set-up posted: two readings in a row agree. */
    private String stableChecksum() {
        String[] last = {""};
        return await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String now = checksum();
            boolean same = now.equals(last[0]);
            last[0] = now;
            return same ? now : null;
        }, v -> v != null);
    }

    /** A SHA-256 over every row of every business table (sorted, so row order does not matter) and over the users. */
    private String checksum() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        tables().forEach((table, hash) -> digest.update((table + "=" + hash + ";").getBytes(StandardCharsets.UTF_8)));
        digest.update(get("/users").body().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String changed(Map<String, String> before, Map<String, String> after) {
        List<String> tables = new ArrayList<>();
        after.forEach((t, h) -> {
            if (!h.equals(before.get(t))) {
                tables.add(t);
            }
        });
        return tables.toString();
    }

    /** Each business table's SHA-256 over its rows, sorted. */
    private Map<String, String> tables() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(HostileCorpusIT.class).getBundleContext();
        ServiceReference<DataSource> ref = context.getServiceReferences(DataSource.class, "(titrate.schema=platform)").iterator().next();
        Map<String, String> hashes = new TreeMap<>();
        try (Connection connection = context.getService(ref).getConnection()) {
            List<String> tables = new ArrayList<>();
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    String table = rs.getString("TABLE_NAME");
                    if (table.matches("(CUS|PRD|SAL|INV|PUR|FIN|NTF|RPT|PLT|IVC)_.*") && !NOT_BUSINESS.contains(table)) {
                        tables.add(schema == null ? table : schema + "." + table);
                    }
                }
            }
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    boolean counters = table.endsWith("PLT_NUMBER_SEQUENCE");
                    while (rs.next()) {
                        if (counters && rs.getLong("NEXT_VALUE") == 1) {
                            // a series' counter row is created in a transaction of its own the first time a number of it is
                            // asked for, even by a request that is then rolled back; at 1 it has handed out no number
                            continue;
                        }
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.append(rs.getString(i)).append('\u0001');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                rows.forEach(r -> digest.update(r.getBytes(StandardCharsets.UTF_8)));
                hashes.put(table, HexFormat.of().formatHex(digest.digest()));
            }
        } finally {
            context.ungetService(ref);
        }
        return hashes;
    }
}
