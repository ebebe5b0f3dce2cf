package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.titrate.finance.api.FinanceEvents;

/**
 * Settings live in commented {@code .cfg} files in {@code etc/}, shipped by the modules' features, and an
 * administrator's edit of a file applies while the container runs: the business time zone moves "today"
 * for due dates and overdue debts, and the payment reminders follow the period their file gives.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigurationIT extends TitrateTestSupport {
    /** Twelve hours behind UTC and fourteen ahead: 26 hours apart, so their dates always differ by a day or two. */
    private static final ZoneId WEST = ZoneId.of("Etc/GMT+12");
    private static final ZoneId EAST = ZoneId.of("Pacific/Kiritimati");
    private static final String WH = "CW-" + RUN;
    private static final String PRODUCT = "CP-" + RUN;
    private static final Duration APPLIED = Duration.ofSeconds(30);
    private static int customers;

    @Before
    public void masterData() {
        if (get("/products/" + PRODUCT).status() == 200) {
            return;
        }
        assertEquals(201, post("/warehouses", map("code", WH, "name", "上海化学工业区仓库 " + RUN, "allowNegativeStock", true)).status());
        assertEquals(201, post("/products", map("sku", PRODUCT, "name", "过氧化氢 27.5% 30kg/桶", "unit", "桶", "casNumber", "7722-84-1",
                "unNumber", "UN2014", "hazardClass", "5.1", "listPrice", 60)).status());
    }

    @Test
    public void theShippedFilesAreCommentedAndCarryTheDefaults() throws Exception {
        String platform = Files.readString(etc("org.titrate.platform.cfg"), StandardCharsets.UTF_8);
        assertTrue(platform, platform.contains("businessTimeZone = Asia/Shanghai") && platform.contains("# The business time zone"));
        String reminders = Files.readString(etc("org.titrate.finance.reminders.cfg"), StandardCharsets.UTF_8);
        assertTrue(reminders, reminders.contains("scheduler.period = 3600") && reminders.contains("# Seconds between two checks"));
        String jobs = shell("admin", adminPassword, "scheduler:list");
        assertTrue(jobs, jobLine(jobs).endsWith(", 3600)"));
    }

    @Test
    public void theBusinessTimeZoneAndTheReminderPeriodApplyWhileRunning() throws Exception {
        Path platformFile = etc("org.titrate.platform.cfg");
        Path remindersFile = etc("org.titrate.finance.reminders.cfg");
        String platformBefore = Files.readString(platformFile, StandardCharsets.UTF_8);
        String remindersBefore = Files.readString(remindersFile, StandardCharsets.UTF_8);
        List<Event> events = new CopyOnWriteArrayList<>();
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, events::add,
                new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, FinanceEvents.PAYMENT_OVERDUE)));
        try {
            // West of the date line, a debt due at once falls due on the western date.
            edit(platformFile, "businessTimeZone", WEST.getId());
            String customer = customer();
            String[] order = new String[1];
            await().atMost(APPLIED).until(() -> dueDate(customer, order[0] = shipped(customer)).equals(LocalDate.now(WEST)));
            LocalDate due = LocalDate.now(WEST);
            assertEquals(0, get("/receivables?overdue=true&customerCode=" + customer).json().path("total").asInt());

            // Reminders every second: the scheduler reschedules the job as soon as the file is saved.
            edit(remindersFile, "scheduler.period", "1");
            await().atMost(APPLIED).until(() -> jobLine(shell("admin", adminPassword, "scheduler:list")).endsWith(", 1)"));

            // East of the date line it is a later day: the debt is overdue, over REST and for the next reminder run,
            // which nobody starts by hand.
            edit(platformFile, "businessTimeZone", EAST.getId());
            await().atMost(APPLIED).until(() -> overdue(customer).contains(order[0]));
            await().atMost(APPLIED).until(() -> reminder(events, customer, due) != null);
            Event reminder = reminder(events, customer, due);
            assertEquals(List.of(order[0]), List.of((String[]) reminder.getProperty(FinanceEvents.DOCUMENTS)));
            // A debt booked now falls due on the eastern date.
            String later = shipped(customer);
            assertEquals(LocalDate.now(EAST), dueDate(customer, later));
        } finally {
            handler.unregister();
            Files.writeString(platformFile, platformBefore, StandardCharsets.UTF_8);
            Files.writeString(remindersFile, remindersBefore, StandardCharsets.UTF_8);
        }
        await().atMost(APPLIED).until(() -> jobLine(shell("admin", adminPassword, "scheduler:list")).endsWith(", 3600)"));
    }

    /**
     * The settings that were constants: their files ship commented with the defaults, and a saved change applies while
     * the container runs (the sales feed's page limit to the next poll, Derby's lock wait to the database at once).
     */
    @Test
    public void feedLimitsAndLockWaitsApplyWhenTheirFilesAreSaved() throws Exception {
        for (String[] f : new String[][] {{"org.titrate.platform.idempotency.cfg", "retentionHours = 24"},
                {"org.titrate.platform.database.cfg", "lockWaitTimeoutSeconds = 10"}, {"org.titrate.sales.feeds.cfg", "pageLimit = 500"},
                {"org.titrate.finance.feeds.cfg", "pageLimit = 1000"}}) {
            String text = Files.readString(etc(f[0]), StandardCharsets.UTF_8);
            assertTrue(text, text.contains(f[1]) && text.contains("# "));
        }
        assertEquals("10", derbyProperty("derby.locks.waitTimeout"));
        assertEquals("5", derbyProperty("derby.locks.deadlockTimeout"));

        long before = get("/events?limit=1").json().path("size").path("lastSeq").asLong();
        String customer = customer();
        shipped(customer);
        shipped(customer);
        Path feeds = etc("org.titrate.sales.feeds.cfg");
        Path database = etc("org.titrate.platform.database.cfg");
        String feedsBefore = Files.readString(feeds, StandardCharsets.UTF_8);
        String databaseBefore = Files.readString(database, StandardCharsets.UTF_8);
        try {
            assertTrue(ordersAfter(before) >= 2);
            edit(feeds, "pageLimit", "1");
            await().atMost(APPLIED).until(() -> ordersAfter(before) == 1);
            edit(database, "lockWaitTimeoutSeconds", "7");
            await().atMost(APPLIED).until(() -> "7".equals(derbyProperty("derby.locks.waitTimeout")));
        } finally {
            Files.writeString(feeds, feedsBefore, StandardCharsets.UTF_8);
            Files.writeString(database, databaseBefore, StandardCharsets.UTF_8);
        }
        await().atMost(APPLIED).until(() -> ordersAfter(before) >= 2 && "10".equals(derbyProperty("derby.locks.waitTimeout")));
    }

    /** How many orders one call of the sales SOAP feed answers after that sequence number. */
    private int ordersAfter(long seq) throws Exception {
        String answer = soapCall(soapClient("SalesOrderService", "urn:titrate:sales", "admin", adminPassword),
                "<s:listOrdersChangedAfter xmlns:s='urn:titrate:sales'><afterSeq>" + seq + "</afterSeq></s:listOrdersChangedAfter>");
        return answer.split("<eventSeq>", -1).length - 1;
    }

    /** A database property of the running container's Derby, as the database reports it. */
    private static String derbyProperty(String name) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ConfigurationIT.class).getBundleContext();
        var refs = context.getServiceReferences(javax.sql.DataSource.class, "(osgi.jndi.service.name=titrate)");
        javax.sql.DataSource ds = context.getService(refs.iterator().next());
        try (java.sql.Connection c = ds.getConnection();
             java.sql.PreparedStatement q = c.prepareStatement("VALUES SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY(?)")) {
            q.setString(1, name);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } finally {
            context.ungetService(refs.iterator().next());
        }
    }

    // ---- helpers ----

    private static Path etc(String file) {
        return Path.of(System.getProperty("karaf.etc"), file);
    }

    /** Sets one property in a .cfg file the way an administrator does: the file edited in place, comments kept. */
    private static void edit(Path file, String key, String value) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            boolean found = false;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*")) {
                    lines.set(i, key + " = " + value);
                    found = true;
                }
            }
            assertTrue(file + " has no " + key, found);
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payment reminders' line of {@code scheduler:list}, e.g. {@code titrate-payment-reminders │ at(…, -1, 3600)}. */
    private static String jobLine(String list) {
        return list.lines().filter(l -> l.contains("titrate-payment-reminders")).map(String::strip).findFirst()
                .orElseThrow(() -> new AssertionError("no payment reminder job in\n" + list));
    }

    /** A customer of its own who pays at once, so its debt falls due on the day it is booked. */
    private String customer() {
        String code = "CFG" + (++customers) + "-" + RUN;
        Reply r = post("/customers", map("code", code, "name", "浙江嘉化能源化工股份有限公司 " + code, "status", "ACTIVE",
                "channel", "WHOLESALE", "paymentTermDays", 0));
        assertEquals(r.body(), 201, r.status());
        return code;
    }

    private String shipped(String customer) {
        return shippedOrder(map("type", "ORDER", "customerCode", customer, "warehouseCode", WH,
                "lines", List.of(map("sku", PRODUCT, "quantity", 2))));
    }

    /** The reminder event for the customer's debts due on that day, or null. */
    private static Event reminder(List<Event> events, String customer, LocalDate due) {
        return events.stream().filter(e -> customer.equals(e.getProperty(FinanceEvents.CUSTOMER_CODE))
                && due.toString().equals(e.getProperty(FinanceEvents.DUE_DATE))).findFirst().orElse(null);
    }

    /** The documents of the customer's overdue debts, as of the business day. */
    private List<String> overdue(String customer) {
        List<String> numbers = new java.util.ArrayList<>();
        get("/receivables?overdue=true&limit=500&customerCode=" + customer).json().path("items")
                .forEach(item -> numbers.add(item.path("documentNumber").asText()));
        return numbers;
    }

    private LocalDate dueDate(String customer, String order) {
        for (JsonNode item : get("/receivables?limit=500&customerCode=" + customer).json().path("items")) {
            if (order.equals(item.path("documentNumber").asText())) {
                return LocalDate.parse(item.path("dueDate").asText());
            }
        }
        throw new AssertionError(order + " has no receivable");
    }
}
