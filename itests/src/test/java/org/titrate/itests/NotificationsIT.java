package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;
import javax.mail.internet.MimeMessage;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Notifications end to end on the real distribution: a local SMTP server (started by the test on a free port) and a
 * local HTTP stub as the SMS provider, configured at run time through Config Admin as an administrator would edit
 * {@code etc/}. A return's journey mails the customer five Chinese messages in order, each with its tracking link; the
 * link's page shows the same; an SMTP outage delays but never loses or repeats; opt-out, HTML and template syntax in
 * data, SMS signatures, retries and quiet hours, the staff inbox, the shell.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NotificationsIT extends TitrateTestSupport {
    private static final String WH = "NWH-" + RUN;
    private static final String SKU = "NTF-" + RUN;
    private static final String SMS_KEY = "key-" + RUN;
    private static final String SMS_SECRET = "secret-" + RUN;
    private static final ZoneId BUSINESS = ZoneId.of("Asia/Shanghai");
    private static final SmtpStub SMTP = new SmtpStub(freePort());
    private static final SmsStub SMS = new SmsStub(freePort());
    private static int customers;

    @Inject
    @Filter(timeout = 300_000)
    private ConfigurationAdmin configAdmin;

    @Before
    public void setUp() throws Exception {
        await().atMost(STARTUP).until(() -> get("/notification-deliveries?limit=1").status() == 200);
        if (get("/products/" + SKU).status() == 200) {
            return;
        }
        SMTP.start();
        SMS.start();
        configure("org.titrate.notifications.mail", Map.of("host", "localhost", "port", String.valueOf(SMTP.port), "security", "NONE",
                "from", "service@titrate.example", "fromName", "Titrate 客服"));
        configure("org.titrate.notifications.delivery", Map.of("scheduler.period", "1", "retryBaseSeconds", "1", "retryMaxSeconds", "2",
                "maxAttempts", "1000", "publicBaseUrl", baseUrl()));
        configure("org.titrate.notifications.sms", Map.of("gateway", "http", "endpoint", "http://localhost:" + SMS.port + "/sms/send",
                "accessKeyId", SMS_KEY, "accessKeySecret", SMS_SECRET, "signName", "钛锐化工", "quietHoursStart", "00:00", "quietHoursEnd", "00:00"));
        ensureWarehouse(WH, "上海金山化工仓 " + RUN, true, false);
        assertEquals(201, post("/products", map("sku", SKU, "name", "氢氧化钠 片碱 25kg/袋", "unit", "袋", "casNumber", "1310-73-2",
                "listPrice", 100)).status());
    }

    // ---- the return's journey ----

    @Test
    public void theReturnsJourneyMailsFiveChineseMessagesInOrderWithTheTrackingLink() throws Exception {
        String email = "wang." + RUN.toLowerCase() + "@customer.example";
        String customer = customer("江苏恒顺化工有限公司", List.of(contact("王经理", null, email, "zh-CN", "EMAIL")));
        String number = newReturn(customer);
        act(number, "submit");
        act(number, "approve");
        String tracking = "SF" + RUN + "7";
        assertEquals(200, put("/sales-orders/" + number + "/tracking", map("carrier", "顺丰速运", "trackingNumber", tracking)).status());
        act(number, "receive");
        Reply refund = post("/refunds", map("customerCode", customer, "amount", new BigDecimal("100.00"), "method", "BANK_TRANSFER",
                "salesOrderNumber", number));
        assertEquals(refund.body(), 201, refund.status());

        List<Mail> mails = awaitAllSent(customer, 5, email);
        assertEquals(5, mails.size());
        String[] stages = {"已提交", "已批准", "已批准", "已收货", "已退款"};
        String[] subjects = {"已收到", "已批准", "运单号", "货物已收到", "已退款"};
        String link = null;
        for (int i = 0; i < 5; i++) {
            Mail m = mails.get(i);
            assertTrue(m.subject, m.subject.contains(number) && m.subject.contains(subjects[i]));
            assertTrue(m.body, m.body.contains(stages[i]));
            Matcher found = Pattern.compile("(http://[^\"<\\s]+/track/[A-Za-z0-9_-]+)").matcher(m.body);
            assertTrue("a tracking link in " + m.body, found.find());
            assertTrue(link == null || link.equals(found.group(1)));
            link = found.group(1);
            if (i >= 2) {
                assertTrue("the tracking number in " + m.body, m.body.contains(tracking) && m.body.contains("顺丰速运"));
            }
        }
        assertTrue(mails.get(4).subject.contains("100.00"));

        // The link needs no login and shows the same: stages, courier, tracking number, the messages sent.
        Reply page = http("GET", link, null, null, null, Map.of());
        assertEquals(200, page.status());
        assertTrue(page.header("content-type").toLowerCase().contains("utf-8"));
        for (String expected : new String[] {number, "顺丰速运", tracking, "已提交", "已批准", "已收货", mails.get(0).subject, mails.get(4).subject}) {
            assertTrue(expected + " on the tracking page", page.body().contains(expected));
        }
        assertEquals(404, http("GET", baseUrl() + "/track/" + "x".repeat(32), null, null, null, Map.of()).status());

        // Nothing sent twice: one message per event and recipient, also after every round since.
        JsonNode list = get("/notification-deliveries?orderNumber=" + number + "&channel=EMAIL").json();
        assertEquals(5, list.path("total").asInt());
        for (JsonNode d : list.path("items")) {
            assertEquals("SENT", d.path("state").asText());
            assertTrue(d.path("providerId").asText().contains("@"));
        }
        assertEquals(5, SMTP.to(email).size());
    }

    @Test
    public void anSmtpOutageDelaysTwentyMessagesButLosesAndRepeatsNone() {
        String email = "li." + RUN.toLowerCase() + "@outage.example";
        String customer = customer("浙江龙盛化学品贸易有限公司", List.of(contact("李会计", null, email, "zh-CN", "EMAIL")));
        SMTP.stop();
        try {
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String number = newReturn(customer);
                act(number, "submit");
                numbers.add(number);
            }
            // Every message was tried against the closed port and waits for its next attempt.
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                JsonNode page = get("/notification-deliveries?customerCode=" + customer + "&limit=100").json();
                if (page.path("total").asInt() != 20) {
                    return false;
                }
                for (JsonNode d : page.path("items")) {
                    if (d.path("attempts").asInt() < 1 || !"FAILED".equals(d.path("state").asText())) {
                        return false;
                    }
                }
                return true;
            });
            assertTrue(get("/notification-deliveries?customerCode=" + customer + "&limit=1").json().path("items").get(0).path("lastError")
                    .asText().length() > 0);
            assertEquals(0, SMTP.to(email).size());
            SMTP.start();
            List<Mail> mails = awaitAllSent(customer, 20, email);
            assertEquals(20, mails.size());
            assertEquals(new HashSet<>(numbers), new HashSet<>(mails.stream().map(m -> numberIn(m.subject)).toList()));
        } finally {
            SMTP.start();
        }
    }

    @Test
    public void optOutIsRespectedAndHtmlOrTemplateSyntaxArrivesAsText() {
        String to = "zhao." + RUN.toLowerCase() + "@html.example";
        String optedOut = "qian." + RUN.toLowerCase() + "@optout.example";
        String name = "<b>粗体</b> {{link}} ${x} 化工";
        String customer = customer(name, List.of(contact("赵主任", null, to, "zh-CN", "EMAIL"), contact("钱主管", null, optedOut, "zh-CN")));
        String number = newReturn(customer);
        act(number, "submit");
        String reason = "<script>alert(1)</script> ${x} {{orderNumber}} 包装破损";
        Reply rejected = post("/sales-orders/" + number + "/reject", map("reason", reason));
        assertEquals(rejected.body(), 200, rejected.status());
        List<Mail> mails = awaitAllSent(customer, 2, to);
        Mail rejection = mails.get(1);
        assertTrue(rejection.body, rejection.body.contains("&lt;script&gt;alert(1)&lt;/script&gt; ${x} {{orderNumber}} 包装破损"));
        assertFalse(rejection.body, rejection.body.contains("<script>"));
        assertTrue(rejection.body, rejection.body.contains("&lt;b&gt;粗体&lt;/b&gt; {{link}} ${x} 化工"));
        assertEquals(0, get("/notification-deliveries?recipient=" + optedOut).json().path("total").asInt());
        assertEquals(0, SMTP.to(optedOut).size());

        // The staff inbox: the return waited for someone who may approve it; warehouse staff are not told.
        String sales = "ntf-s-" + RUN.toLowerCase();
        String salesPassword = createUser(sales, "sales");
        String clerk = "ntf-w-" + RUN.toLowerCase();
        String clerkPassword = createUser(clerk, "warehouse");
        JsonNode inbox = http("GET", "/notifications?limit=500", sales, salesPassword, null, Map.of()).json();
        JsonNode mine = null;
        for (JsonNode m : inbox.path("items")) {
            if (number.equals(m.path("orderNumber").asText())) {
                mine = m;
            }
        }
        assertNotNull(inbox.toString(), mine);
        assertEquals("RETURN_AWAITING_APPROVAL", mine.path("event").asText());
        assertFalse(mine.path("read").asBoolean());
        long unread = inbox.path("unread").asLong();
        assertTrue(unread >= 1);
        Reply read = http("POST", "/notifications/" + mine.path("id").asText() + "/read", sales, salesPassword, null, Map.of());
        assertEquals(read.body(), 200, read.status());
        assertEquals(unread - 1, http("GET", "/notifications", sales, salesPassword, null, Map.of()).json().path("unread").asLong());
        JsonNode clerks = http("GET", "/notifications?limit=500", clerk, clerkPassword, null, Map.of()).json();
        assertFalse(clerks.toString(), clerks.toString().contains(number));
        assertEquals(404, http("POST", "/notifications/" + mine.path("id").asText() + "/read", clerk, clerkPassword, null, Map.of()).status());
    }

    @Test
    public void contactsAndTemplatesAreValidated() {
        String customer = customer("上海试剂贸易公司", List.of());
        Reply badMobile = assertProblem(400, put("/customers/" + customer + "/contacts", List.of(contact("张三", "1234", null, "zh-CN"))));
        assertEquals(List.of("contacts[0].mobile"), badMobile.errorFields());
        Reply badMail = assertProblem(400, put("/customers/" + customer + "/contacts",
                List.of(contact("张三", "13800138000", null, "zh-CN", "SMS"), contact("李四", null, "not-an-address", "en", "EMAIL"))));
        assertEquals(List.of("contacts[1].email"), badMail.errorFields());
        assertEquals(0, get("/customers/" + customer + "/contacts").json().size());
        assertProblem(400, put("/customers/" + customer + "/contacts", List.of(contact("张三", null, null, "fr"))));

        Reply unknown = assertProblem(400, put("/notification-templates/ORDER_SHIPPED/EMAIL/en",
                map("subject", "Order {{orderNumber}}", "body", "<p>{{price}} for {{orderNumber}}</p>")));
        assertEquals(List.of("body"), unknown.errorFields());
        Reply saved = put("/notification-templates/ORDER_SHIPPED/EMAIL/en",
                map("subject", "Order {{orderNumber}} is on its way", "body", "<p>{{customerName}}: {{carrier}} {{trackingNumber}}</p>"));
        assertEquals(saved.body(), 200, saved.status());
        assertTrue(saved.json().path("custom").asBoolean());
        boolean listed = false;
        for (JsonNode t : get("/notification-templates").json()) {
            listed |= "ORDER_SHIPPED".equals(t.path("event").asText()) && "en".equals(t.path("language").asText())
                    && "EMAIL".equals(t.path("channel").asText()) && t.path("subject").asText().contains("on its way");
        }
        assertTrue(listed);
        String viewer = "ntf-v-" + RUN.toLowerCase();
        String viewerPassword = createUser(viewer, "viewer");
        assertEquals(403, http("PUT", "/notification-templates/ORDER_SHIPPED/EMAIL/en", viewer, viewerPassword,
                map("subject", "x", "body", "y"), Map.of()).status());
        assertEquals(403, http("GET", "/notification-deliveries", viewer, viewerPassword, null, Map.of()).status());
    }

    @Test
    public void smsAreSignedRetriedOnceAcceptedAndHeldInQuietHours() throws Exception {
        String mobile = "139" + String.format("%08d", Math.abs(RUN.hashCode()) % 100_000_000);
        String email = "sun." + RUN.toLowerCase() + "@sms.example";
        String customer = customer("广州穗化贸易有限公司", List.of(contact("孙工", mobile, email, "zh-CN", "SMS", "EMAIL")));
        SMS.failFirst.set(true);
        String number = newReturn(customer);
        act(number, "submit");
        await().atMost(Duration.ofMinutes(1)).until(() -> SMS.accepted(mobile).size() == 1);
        SmsStub.Request accepted = SMS.accepted(mobile).get(0);
        assertTrue("signature valid", accepted.validSignature);
        assertEquals(SMS_KEY, accepted.keyId);
        assertEquals("SMS_RETURN_SUBMITTED", accepted.json.path("templateCode").asText());
        assertEquals("钛锐化工", accepted.json.path("signName").asText());
        assertEquals(number, accepted.json.path("templateParam").path("orderNumber").asText());
        assertTrue(accepted.json.path("templateParam").path("link").asText().contains("/track/"));
        assertEquals(2, SMS.requests(mobile).size()); // a 500, then the accepted one
        JsonNode delivery = get("/notification-deliveries?recipient=" + mobile).json().path("items").get(0);
        assertEquals("SENT", delivery.path("state").asText());
        assertEquals(2, delivery.path("attempts").asInt());
        assertTrue(delivery.path("providerId").asText().startsWith("biz-"));

        // Quiet hours around now (business time): the approval's e-mail goes, its SMS is held until they end.
        LocalTime now = LocalTime.now(BUSINESS);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        configure("org.titrate.notifications.sms", Map.of("quietHoursStart", now.minusHours(1).format(hhmm), "quietHoursEnd",
                now.plusHours(1).format(hhmm)));
        act(number, "approve");
        awaitAllSent(customer, 2, email);
        JsonNode held = await().atMost(Duration.ofMinutes(1)).until(() -> {
            JsonNode items = get("/notification-deliveries?recipient=" + mobile + "&event=RETURN_APPROVED").json().path("items");
            return items.size() == 1 && Instant.parse(items.get(0).path("nextAttemptAt").asText()).isAfter(Instant.now().plusSeconds(1800))
                    ? items.get(0) : null;
        }, n -> n != null);
        assertEquals("PENDING", held.path("state").asText());
        assertEquals(0, held.path("attempts").asInt());
        assertEquals(1, SMS.accepted(mobile).size());

        // Out of quiet hours, an administrator's retry from the shell sends it at once.
        configure("org.titrate.notifications.sms", Map.of("quietHoursStart", "00:00", "quietHoursEnd", "00:00"));
        String listed = shell("admin", adminPassword, "titrate:notification-list -o " + number + " -c SMS");
        assertTrue(listed, listed.contains(held.path("id").asText()) && listed.contains("PENDING"));
        String retried = shell("admin", adminPassword, "titrate:notification-retry " + held.path("id").asText());
        assertTrue(retried, retried.contains(held.path("id").asText()));
        await().atMost(Duration.ofMinutes(1)).until(() -> SMS.accepted(mobile).size() == 2);
        assertEquals("SMS_RETURN_APPROVED", SMS.accepted(mobile).get(1).json.path("templateCode").asText());
    }

    /** Time from a committed approval (its 200) to the message accepted by the local SMTP server. */
    @Test
    public void approvalToMailLatency() {
        String email = "zhou." + RUN.toLowerCase() + "@latency.example";
        String customer = customer("山东鲁西化工销售有限公司", List.of(contact("周经理", null, email, "zh-CN", "EMAIL")));
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String number = newReturn(customer);
            act(number, "submit");
            int before = 2 * i + 1;
            await().atMost(Duration.ofMinutes(1)).until(() -> SMTP.to(email).size() == before);
            act(number, "approve");
            long committed = System.nanoTime();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> SMTP.to(email).size() == before + 1);
            Mail m = SMTP.to(email).get(before);
            assertTrue(m.subject.contains(number) && m.subject.contains("已批准"));
            millis.add((m.receivedNanos - committed) / 1_000_000);
        }
        Collections.sort(millis);
        figure("notifications-latency.txt", "approval committed -> mail accepted by local SMTP, n=" + millis.size() + ", scheduler.period=1 s: median "
                + millis.get(millis.size() / 2) + " ms, p99 " + millis.get((int) Math.ceil(millis.size() * 0.99) - 1) + " ms, max "
                + millis.get(millis.size() - 1) + " ms");
    }

    // ---- helpers ----

    private void configure(String pid, Map<String, String> values) throws IOException {
        Configuration c = configAdmin.getConfiguration(pid, null);
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        values.forEach(props::put);
        c.update(props);
    }

    private static Map<String, Object> contact(String name, String mobile, String email, String language, String... channels) {
        Map<String, Object> m = map("name", name, "language", language, "channels", List.of(channels));
        m.put("mobile", mobile);
        m.put("email", email);
        return m;
    }

    private String customer(String name, List<Map<String, Object>> contacts) {
        String code = "NC" + (++customers) + "-" + RUN;
        Reply r = post("/customers", map("code", code, "name", name, "status", "ACTIVE", "channel", "WHOLESALE"));
        assertEquals(r.body(), 201, r.status());
        Reply saved = put("/customers/" + code + "/contacts", contacts);
        assertEquals(saved.body(), 200, saved.status());
        assertEquals(contacts.size(), saved.json().size());
        return code;
    }

    private String newReturn(String customer) {
        Reply r = post("/sales-orders", map("type", "RETURN", "customerCode", customer, "warehouseCode", WH, "lines",
                List.of(map("sku", SKU, "direction", "RETURN", "quantity", -1, "unitPrice", new BigDecimal("100.00"), "reasonCode", "DAMAGED"))));
        assertEquals(r.body(), 201, r.status());
        return r.json().path("number").asText();
    }

    private void act(String number, String action) {
        Reply r = post("/sales-orders/" + number + "/" + action, map());
        assertEquals(r.body(), 200, r.status());
    }

    /** Waits until the customer's e-mails are all sent and the mailbox holds them; returns them in arrival order. */
    private List<Mail> awaitAllSent(String customer, int count, String email) {
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            JsonNode page = get("/notification-deliveries?customerCode=" + customer + "&channel=EMAIL&recipient=" + email + "&limit=100").json();
            if (page.path("total").asInt() != count) {
                return false;
            }
            for (JsonNode d : page.path("items")) {
                if (!"SENT".equals(d.path("state").asText())) {
                    return false;
                }
            }
            return SMTP.to(email).size() >= count;
        });
        return SMTP.to(email);
    }

    private static String numberIn(String subject) {
        Matcher m = Pattern.compile("(SO-\\d{4}-\\d+|[A-Z]{2,3}-\\d{4}-\\d+)").matcher(subject);
        return m.find() ? m.group(1) : subject;
    }

    /** A received e-mail: recipients, decoded subject and HTML body, and when the server accepted it. */
    record Mail(List<String> to, String subject, String body, long receivedNanos) {
    }

    /** A minimal SMTP server on a fixed local port that can be stopped (connections refused) and started again. */
    static final class SmtpStub {
        final int port;
        private final List<Mail> mails = new CopyOnWriteArrayList<>();
        private volatile ServerSocket server;

        SmtpStub(int port) {
            this.port = port;
        }

        synchronized void start() {
            if (server != null) {
                return;
            }
            try {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress("localhost", port));
                server = s;
                Thread t = new Thread(() -> accept(s), "smtp-stub");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void stop() {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }

        List<Mail> to(String address) {
            return mails.stream().filter(m -> m.to().contains(address)).toList();
        }

        private void accept(ServerSocket s) {
            while (!s.isClosed()) {
                try {
                    Socket c = s.accept();
                    Thread t = new Thread(() -> session(c), "smtp-stub-session");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void session(Socket c) {
            try (c; BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.ISO_8859_1));
                    Writer out = new java.io.OutputStreamWriter(c.getOutputStream(), StandardCharsets.ISO_8859_1)) {
                reply(out, "220 localhost stub ESMTP");
                List<String> rcpt = new ArrayList<>();
                String line;
                while ((line = in.readLine()) != null) {
                    String upper = line.toUpperCase();
                    if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                        reply(out, "250 localhost");
                    } else if (upper.startsWith("MAIL FROM")) {
                        rcpt.clear();
                        reply(out, "250 OK");
                    } else if (upper.startsWith("RCPT TO")) {
                        rcpt.add(line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')));
                        reply(out, "250 OK");
                    } else if (upper.startsWith("DATA")) {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder data = new StringBuilder();
                        String d;
                        while ((d = in.readLine()) != null && !d.equals(".")) {
                            data.append(d.startsWith(".") ? d.substring(1) : d).append("\r\n");
                        }
                        mails.add(parse(List.copyOf(rcpt), data.toString(), System.nanoTime()));
                        reply(out, "250 OK queued");
                    } else if (upper.startsWith("QUIT")) {
                        reply(out, "221 Bye");
                        return;
                    } else {
                        reply(out, "250 OK");
                    }
                }
            } catch (Exception e) {
                // the client went away; nothing was accepted from it
            }
        }

        private static void reply(Writer out, String line) throws IOException {
            out.write(line + "\r\n");
            out.flush();
        }

        private static Mail parse(List<String> to, String raw, long at) throws Exception {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(javax.mail.Session.class.getClassLoader());
            try {
                MimeMessage m = new MimeMessage(javax.mail.Session.getInstance(new Properties()),
                        new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
                return new Mail(to, m.getSubject(), String.valueOf(m.getContent()), at);
            } finally {
                thread.setContextClassLoader(before);
            }
        }
    }

    /** The SMS provider: checks each request's signature, answers the first try of a message 500 when asked to. */
    static final class SmsStub {
        record Request(String mobile, String keyId, boolean validSignature, JsonNode json, boolean accepted) {
        }

        final int port;
        final java.util.concurrent.atomic.AtomicBoolean failFirst = new java.util.concurrent.atomic.AtomicBoolean();
        private final List<Request> requests = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private HttpServer server;

        SmsStub(int port) {
            this.port = port;
        }

        synchronized void start() throws IOException {
            if (server != null) {
                return;
            }
            server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
            server.createContext("/sms/send", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                String ts = exchange.getRequestHeaders().getFirst("X-Sms-Timestamp");
                String nonce = exchange.getRequestHeaders().getFirst("X-Sms-Nonce");
                String signature = exchange.getRequestHeaders().getFirst("X-Sms-Signature");
                boolean valid;
                try {
                    String canonical = "POST\n/sms/send\n" + ts + "\n" + nonce + "\n"
                            + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(SMS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                    valid = Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8))).equals(signature);
                } catch (Exception e) {
                    valid = false;
                }
                JsonNode json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
                String outId = json.path("outId").asText();
                int attempt = tries.computeIfAbsent(outId, k -> new AtomicInteger()).incrementAndGet();
                boolean accept = valid && !(failFirst.get() && attempt == 1);
                requests.add(new Request(json.path("phoneNumbers").asText(), exchange.getRequestHeaders().getFirst("X-Sms-Key-Id"), valid, json,
                        accept));
                byte[] answer = (accept ? "{\"Code\":\"OK\",\"BizId\":\"biz-" + ids.incrementAndGet() + "\"}"
                        : "{\"Code\":\"isv.SYSTEM_ERROR\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(accept ? 200 : (valid ? 500 : 403), answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
        }

        List<Request> requests(String mobile) {
            return requests.stream().filter(r -> r.mobile().equals(mobile)).toList();
        }

        List<Request> accepted(String mobile) {
            return requests.stream().filter(r -> r.mobile().equals(mobile) && r.accepted()).toList();
        }
    }
}
