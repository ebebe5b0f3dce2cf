package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
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
    private static final Mailbox SMTP = new Mailbox(freePort());
    private static final SmsStub SMS = new SmsStub(freePort());
    private static int customers;

    @Inject
    @Filter(timeout = 300_000)
    private ConfigurationAdmin configAdmin;

    /** The distribution, and GreenMail's bundle for the SMTP server the probe runs beside the module. */
    @Override
    @org.ops4j.pax.exam.Configuration
    public org.ops4j.pax.exam.Option[] config() {
        return org.ops4j.pax.exam.OptionUtils.combine(super.config(),
                org.ops4j.pax.exam.CoreOptions.mavenBundle("com.icegreen", "greenmail").versionAsInProject());
    }

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

            // An administrator's retry keeps the attempts made and joins the delivery log with who asked and when.
            JsonNode failed = get("/notification-deliveries?customerCode=" + customer + "&limit=1").json().path("items").get(0);
            String id = failed.path("id").asText();
            JsonNode retried = post("/notification-deliveries/" + id + "/retry", map()).json();
            assertEquals("PENDING", retried.path("state").asText());
            assertTrue(retried.toString(), retried.path("attempts").asInt() >= failed.path("attempts").asInt());
            JsonNode log = get("/notification-deliveries/" + id + "/log").json();
            JsonNode retry = log.get(log.size() - 1);
            assertEquals(log.toString(), "RETRY", retry.path("kind").asText());
            assertEquals("admin", retry.path("by").asText());
            assertEquals("from FAILED", retry.path("detail").asText());
            assertTrue(log.toString(), log.get(0).path("kind").asText().equals("FAILED") && log.get(0).path("attempt").asInt() == 1
                    && log.get(0).path("by").asText().equals("system") && log.get(0).path("detail").asText().length() > 0);

            SMTP.start();
            List<Mail> mails = awaitAllSent(customer, 20, email);
            assertEquals(20, mails.size());
            assertEquals(new HashSet<>(numbers), new HashSet<>(mails.stream().map(m -> numberIn(m.subject)).toList()));
            assertEquals("each stored message received once", 20, mails.stream().map(Mail::notificationId).distinct().count());
            JsonNode sent = get("/notification-deliveries/" + id).json();
            JsonNode history = get("/notification-deliveries/" + id + "/log").json();
            JsonNode last = history.get(history.size() - 1);
            assertEquals(history.toString(), "SENT", last.path("kind").asText());
            assertEquals(sent.path("attempts").asInt(), last.path("attempt").asInt());
            assertEquals(sent.path("providerId").asText(), last.path("detail").asText());
            assertTrue(history.toString(), history.size() >= 3 && sent.path("attempts").asInt() > retried.path("attempts").asInt());
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

    // ---- orders and debts ----

    @Test
    public void aShippedOrderTellsTheCustomerTheCarrierAndTrackingNumberByMailAndSms() throws Exception {
        String mobile = "137" + String.format("%08d", Math.abs((RUN + "ship").hashCode()) % 100_000_000);
        String email = "feng." + RUN.toLowerCase() + "@ship.example";
        String name = "苏州吴中精细化学品有限公司";
        String customer = customer(name, List.of(contact("冯采购", mobile, email, "zh-CN", "EMAIL", "SMS")));
        String number = order(customer);
        act(number, "confirm");
        String waybill = "ZTO" + RUN + "58";
        Reply tracked = put("/sales-orders/" + number + "/tracking", map("carrier", "中通快递", "trackingNumber", waybill));
        assertEquals(tracked.body(), 200, tracked.status());
        act(number, "ship");

        Mail mail = awaitAllSent(customer, 1, email).get(0);
        assertTrue(mail.subject, mail.subject.contains(number) && mail.subject.contains("已发货"));
        for (String expected : new String[] {name, "中通快递", waybill, "已发货"}) {
            assertTrue(expected + " in " + mail.body, mail.body.contains(expected));
        }
        assertFalse("an order has no return tracking page: " + mail.body, mail.body.contains("/track/"));
        await().atMost(Duration.ofMinutes(1)).until(() -> SMS.accepted(mobile).size() == 1);
        SmsStub.Request sms = SMS.accepted(mobile).get(0);
        assertTrue(sms.validSignature);
        assertEquals("SMS_ORDER_SHIPPED", sms.json.path("templateCode").asText());
        assertEquals(number, sms.json.path("templateParam").path("orderNumber").asText());
        assertEquals("中通快递", sms.json.path("templateParam").path("carrier").asText());
        assertEquals(waybill, sms.json.path("templateParam").path("trackingNumber").asText());
        // Confirming and recording the waybill before the goods left told nobody; shipping told each channel once.
        JsonNode deliveries = get("/notification-deliveries?orderNumber=" + number).json();
        assertEquals(deliveries.toString(), 2, deliveries.path("total").asInt());
        for (JsonNode d : deliveries.path("items")) {
            assertEquals("ORDER_SHIPPED", d.path("event").asText());
        }
        assertEquals(1, SMTP.to(email).size());
    }

    @Test
    public void anOverduePaymentRemindsTheCustomerAndTellsFinanceNotSales() throws Exception {
        String mobile = "136" + String.format("%08d", Math.abs((RUN + "due").hashCode()) % 100_000_000);
        String email = "chu." + RUN.toLowerCase() + "@overdue.example";
        String name = "无锡锡山区化工原料经营部";
        String customer = customer(name, List.of(contact("褚老板", mobile, email, "zh-CN", "EMAIL", "SMS")), 0);
        String number = order(customer);
        act(number, "confirm");
        act(number, "ship");
        awaitAllSent(customer, 1, email); // the shipment's own message
        JsonNode owed = await().atMost(Duration.ofMinutes(1)).until(() -> get("/receivables?customerCode=" + customer).json().path("items"),
                items -> items.size() == 1);
        String open = owed.get(0).path("openAmount").decimalValue().toPlainString();
        java.time.LocalDate due = java.time.LocalDate.now(BUSINESS);
        String raised = shell("admin", adminPassword, "titrate:payment-reminders --as-of " + due.plusDays(1) + " --raise");
        assertTrue(raised, raised.contains(customer));

        List<Mail> mails = awaitAllSent(customer, 2, email);
        Mail reminder = mails.get(1);
        assertTrue(reminder.subject, reminder.subject.contains("付款提醒") && reminder.subject.contains(open)
                && reminder.subject.contains(due.toString()));
        assertTrue(reminder.body, reminder.body.contains(name) && reminder.body.contains(number));
        await().atMost(Duration.ofMinutes(1)).until(() -> SMS.accepted(mobile).stream()
                .anyMatch(r -> "SMS_PAYMENT_OVERDUE".equals(r.json.path("templateCode").asText())));
        SmsStub.Request sms = SMS.accepted(mobile).stream().filter(r -> "SMS_PAYMENT_OVERDUE".equals(r.json.path("templateCode").asText()))
                .findFirst().orElseThrow();
        assertEquals(open, sms.json.path("templateParam").path("amount").asText());
        assertEquals(due.toString(), sms.json.path("templateParam").path("dueDate").asText());

        // Staff: the overdue debt is in every finance user's inbox (no salesperson per customer before employees exist); sales
        // users are not told.
        String accountant = "ntf-f-" + RUN.toLowerCase();
        String accountantPassword = createUser(accountant, "finance");
        JsonNode inbox = await().atMost(Duration.ofMinutes(1)).until(() -> http("GET", "/notifications?limit=500", accountant,
                accountantPassword, null, Map.of()).json(), i -> i.toString().contains(customer));
        JsonNode debt = null;
        for (JsonNode m : inbox.path("items")) {
            if (customer.equals(m.path("customerCode").asText())) {
                debt = m;
            }
        }
        assertNotNull(inbox.toString(), debt);
        assertEquals("DEBT_OVERDUE", debt.path("event").asText());
        assertTrue(debt.toString(), debt.path("title").asText().contains(name) && debt.path("title").asText().contains(open));
        assertTrue(debt.toString(), debt.path("body").asText().contains(number) && debt.path("body").asText().contains(due.toString()));
        String seller = "ntf-so-" + RUN.toLowerCase();
        String sellerPassword = createUser(seller, "sales");
        assertFalse(http("GET", "/notifications?limit=500", seller, sellerPassword, null, Map.of()).json().toString().contains(customer));
        // Raised once: raising again tells nobody again.
        shell("admin", adminPassword, "titrate:payment-reminders --as-of " + due.plusDays(1) + " --raise");
        assertEquals(1, get("/notification-deliveries?customerCode=" + customer + "&event=PAYMENT_OVERDUE&channel=EMAIL").json()
                .path("total").asInt());
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
            long committed = System.currentTimeMillis();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> SMTP.to(email).size() == before + 1);
            Mail m = SMTP.to(email).get(before);
            assertTrue(m.subject.contains(number) && m.subject.contains("已批准"));
            millis.add(m.receivedMillis() - committed);
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
        return customer(name, contacts, 30);
    }

    /** A customer with its contacts, paying {@code paymentTermDays} after shipment. */
    private String customer(String name, List<Map<String, Object>> contacts, int paymentTermDays) {
        String code = "NC" + (++customers) + "-" + RUN;
        Reply r = post("/customers", map("code", code, "name", name, "status", "ACTIVE", "channel", "WHOLESALE", "paymentTermDays",
                paymentTermDays));
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

    private String order(String customer) {
        Reply r = post("/sales-orders", map("type", "ORDER", "customerCode", customer, "warehouseCode", WH, "lines",
                List.of(map("sku", SKU, "quantity", 2))));
        assertEquals(r.body(), 201, r.status());
        return r.json().path("number").asText();
    }

    private void act(String number, String action) {
        Reply r = post("/sales-orders/" + number + "/" + action, map());
        assertEquals(r.body(), 200, r.status());
    }

    /** Waits until the customer's e-mails are all sent and the mailbox holds them; returns them in arrival order. */
    private List<Mail> awaitAllSent(String customer, int count, String email) {
        try {
            awaitAllSentOrTimeOut(customer, count, email);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not all " + count + " e-mails to " + email + " sent and received: "
                    + get("/notification-deliveries?customerCode=" + customer + "&limit=100").body() + "; the server holds " + SMTP.to(email)
                    + "; the event log: " + get("/events/status").body(), e);
        }
        return SMTP.to(email);
    }

    private void awaitAllSentOrTimeOut(String customer, int count, String email) {
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
    }

    private static String numberIn(String subject) {
        Matcher m = Pattern.compile("(SO-\\d{4}-\\d+|[A-Z]{2,3}-\\d{4}-\\d+)").matcher(subject);
        return m.find() ? m.group(1) : subject;
    }

    /** A received e-mail: recipients, decoded subject and HTML body, when the server accepted it, the stored message's id. */
    record Mail(List<String> to, String subject, String body, long receivedMillis, String notificationId) {
        /** Reads what GreenMail received (JavaMail finds its text/html handler through the context class loader). */
        static Mail of(MimeMessage m) {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(javax.mail.Session.class.getClassLoader());
            try {
                List<String> to = new ArrayList<>();
                for (javax.mail.Address a : m.getAllRecipients()) {
                    to.add(((javax.mail.internet.InternetAddress) a).getAddress());
                }
                return new Mail(to, m.getSubject(), String.valueOf(m.getContent()), m.getReceivedDate().getTime(),
                        m.getHeader("X-Titrate-Notification", null));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read a received message", e);
            } finally {
                thread.setContextClassLoader(before);
            }
        }
    }

    /**
     * GreenMail's SMTP server on a fixed local port, inside the container beside the probe (its bundle resolves there against
     * the same JavaMail bundle the module sends with). Stopping it refuses connections; what it had received is kept.
     */
    static final class Mailbox {
        final int port;
        private final List<Mail> earlier = new CopyOnWriteArrayList<>();
        private GreenMail server;

        Mailbox(int port) {
            this.port = port;
        }

        synchronized void start() {
            if (server == null) {
                server = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
                server.start();
            }
        }

        synchronized void stop() {
            if (server != null) {
                earlier.addAll(received(server));
                server.stop();
                server = null;
            }
        }

        synchronized List<Mail> all() {
            List<Mail> all = new ArrayList<>(earlier);
            if (server != null) {
                all.addAll(received(server));
            }
            return all;
        }

        /** The mails to an address, in the order the server accepted them. */
        List<Mail> to(String address) {
            return all().stream().filter(m -> m.to().contains(address)).toList();
        }

        private static List<Mail> received(GreenMail server) {
            return java.util.Arrays.stream(server.getReceivedMessages()).map(Mail::of).toList();
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
