package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.transform.Source;
import javax.xml.ws.Dispatch;
import javax.xml.ws.soap.SOAPFaultException;
import org.junit.Before;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.titrate.finance.api.FinanceEvents;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Receivables: shipments, returns, receipts and refunds land on the customer's balance at once, the
 * orders' paid and outstanding amounts agree with it, refunds never exceed the credit (also when they
 * race), and legacy systems read the same figures over SOAP; the shell shows them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FinanceIT extends TitrateTestSupport {
    private static final String NS = "urn:titrate:finance";
    /** Lets shipments run ahead of receipts: these tests are about money, not stock. */
    private static final String WH = "FW-" + RUN;
    private static final String PRODUCT = "FP-" + RUN;
    private static int customers;

    @Before
    public void masterData() {
        if (get("/products/" + PRODUCT).status() == 200) {
            return;
        }
        assertEquals(201, post("/warehouses", map("code", WH, "name", "南京化学工业园区仓库 " + RUN, "allowNegativeStock", true)).status());
        assertEquals(201, post("/products", map("sku", PRODUCT, "name", "冰醋酸 99.8% 30kg/桶", "unit", "桶", "casNumber", "64-19-7",
                "unNumber", "UN2789", "hazardClass", "8", "listPrice", 100)).status());
    }

    // ---- helpers ----

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** A new customer of its own for each test, so balances never mix. */
    private String customer(int paymentTermDays) {
        String code = "FC" + (++customers) + "-" + RUN;
        Reply r = post("/customers", map("code", code, "name", "常州新东化工发展有限公司 " + code, "status", "ACTIVE", "channel", "WHOLESALE",
                "paymentTermDays", paymentTermDays));
        assertEquals(r.body(), 201, r.status());
        return code;
    }

    private String shipped(String customer, int quantity, String currency, BigDecimal unitPrice) {
        Map<String, Object> line = map("sku", PRODUCT, "quantity", quantity);
        if (unitPrice != null) {
            line.put("unitPrice", unitPrice);
        }
        Map<String, Object> body = map("type", "ORDER", "customerCode", customer, "warehouseCode", WH, "lines", List.of(line));
        if (currency != null) {
            body.put("currency", currency);
        }
        Reply created = post("/sales-orders", body);
        assertEquals(created.body(), 201, created.status());
        String number = created.json().path("number").asText();
        act(number, "confirm");
        act(number, "ship");
        return number;
    }

    private String returned(String customer, String sourceOrder, int quantity) {
        Reply created = post("/sales-orders", map("type", "RETURN", "customerCode", customer, "warehouseCode", WH,
                "sourceOrderNumber", sourceOrder, "lines", List.of(map("sku", PRODUCT, "direction", "RETURN", "quantity", -quantity,
                        "reasonCode", "DAMAGED"))));
        assertEquals(created.body(), 201, created.status());
        String number = created.json().path("number").asText();
        for (String action : new String[] {"submit", "approve", "receive"}) {
            act(number, action);
        }
        return number;
    }

    private JsonNode act(String number, String action) {
        Reply r = post("/sales-orders/" + number + "/" + action, map());
        assertEquals(r.body(), 200, r.status());
        return r.json();
    }

    private Reply money(String path, String customer, Object amount, String salesOrderNumber) {
        Map<String, Object> body = map("customerCode", customer, "amount", amount, "method", "BANK_TRANSFER");
        if (salesOrderNumber != null) {
            body.put("salesOrderNumber", salesOrderNumber);
        }
        return post(path, body);
    }

    private JsonNode receipt(String customer, Object amount, String salesOrderNumber) {
        Reply r = money("/receipts", customer, amount, salesOrderNumber);
        assertEquals(r.body(), 201, r.status());
        return r.json();
    }

    private JsonNode order(String number) {
        return get("/sales-orders/" + number).json();
    }

    private static BigDecimal dec(JsonNode n) {
        return new BigDecimal(n.asText());
    }

    private static void assertAmount(String expected, JsonNode actual) {
        assertEquals(actual.toString(), 0, new BigDecimal(expected).compareTo(dec(actual)));
    }

    /**
     * The customer's CNY balance is {@code expected}, and every view agrees with it: the sum of the
     * postings, the newest posting's balance after it, the sum of the open items, and the documents'
     * outstanding amounts plus the money still on account.
     */
    private void assertBooksAgree(String customer, String expected, String... documents) {
        JsonNode account = get("/receivables/" + customer).json();
        JsonNode cny = account.path("balances").get(0);
        assertEquals(account.toString(), "CNY", cny.path("currency").asText());
        assertAmount(expected, cny.path("balance"));
        JsonNode postings = get("/finance-postings?partyType=CUSTOMER&partyCode=" + customer + "&limit=500").json();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode p : postings.path("items")) {
            sum = sum.add(dec(p.path("amount")));
        }
        assertEquals(postings.toString(), 0, new BigDecimal(expected).compareTo(sum));
        assertAmount(expected, postings.path("items").get(0).path("balanceAfter"));
        BigDecimal open = BigDecimal.ZERO;
        BigDecimal onAccount = BigDecimal.ZERO;
        for (JsonNode i : account.path("openItems")) {
            open = open.add(dec(i.path("openAmount")));
            if (i.path("type").asText().equals("RECEIPT") || i.path("type").asText().equals("REFUND")) {
                onAccount = onAccount.add(dec(i.path("openAmount")));
            }
        }
        assertEquals(account.toString(), 0, new BigDecimal(expected).compareTo(open));
        BigDecimal outstanding = onAccount;
        for (String d : documents) {
            outstanding = outstanding.add(dec(order(d).path("outstandingAmount")));
        }
        assertEquals(account.toString(), 0, new BigDecimal(expected).compareTo(outstanding));
    }

    // ---- tests ----

    @Test
    public void shipmentsReturnsReceiptsAndRefundsLandOnTheBalanceAtOnce() {
        String c = customer(30);
        String a = shipped(c, 10, null, null);
        String b = shipped(c, 5, null, null);
        JsonNode first = order(a);
        assertAmount("1000.00", first.path("outstandingAmount"));
        assertAmount("0", first.path("paidAmount"));
        JsonNode invoice = get("/receivables?customerCode=" + c).json().path("items").get(0);
        assertEquals(a, invoice.path("documentNumber").asText());
        assertEquals(today().plusDays(30).toString(), invoice.path("dueDate").asText());
        assertBooksAgree(c, "1500.00", a, b);

        // A receipt naming an order settles that order first.
        JsonNode r1 = receipt(c, 300, b);
        assertEquals(b, r1.path("allocations").get(0).path("documentNumber").asText());
        assertAmount("200.00", order(b).path("outstandingAmount"));
        assertAmount("300.00", order(b).path("paidAmount"));
        // One naming none settles the oldest open items.
        JsonNode r2 = receipt(c, 900, null);
        assertEquals(a, r2.path("allocations").get(0).path("documentNumber").asText());
        assertAmount("100.00", order(a).path("outstandingAmount"));
        assertBooksAgree(c, "300.00", a, b);

        // The return's credit note lowers the order it came from first, then the next open item.
        String ro = returned(c, a, 2);
        JsonNode credit = order(ro);
        assertAmount("-200.00", credit.path("totalAmount"));
        assertAmount("0", credit.path("outstandingAmount"));
        assertAmount("-200.00", credit.path("paidAmount"));
        assertAmount("0", order(a).path("outstandingAmount"));
        assertAmount("100.00", order(b).path("outstandingAmount"));
        assertBooksAgree(c, "100.00", a, b, ro);

        // Paying more than is owed leaves a credit, which can be refunded, but not a cent more.
        JsonNode r3 = receipt(c, new BigDecimal("400.55"), null);
        assertAmount("100.00", r3.path("allocations").get(0).path("amount"));
        assertBooksAgree(c, "-300.55", a, b, ro);
        Reply tooMuch = assertProblem(409, money("/refunds", c, new BigDecimal("300.56"), null));
        assertEquals("amount", tooMuch.errorFields().get(0));
        assertTrue(tooMuch.body(), tooMuch.json().path("detail").asText().contains("300.55"));
        Reply refund = post("/refunds", map("customerCode", c, "amount", new BigDecimal("300.55"), "method", "ALIPAY",
                "comment", "退还多付货款,财务部王会计经办"));
        assertEquals(refund.body(), 201, refund.status());
        assertEquals("退还多付货款,财务部王会计经办", get("/refunds/" + refund.json().path("number").asText()).json().path("comment").asText());
        assertBooksAgree(c, "0", a, b, ro);
        // The registers with their date filters.
        String day = today().toString();
        assertEquals(3, get("/receipts?customerCode=" + c + "&from=" + day + "&to=" + day).json().path("total").asInt());
        assertEquals(0, get("/receipts?customerCode=" + c + "&to=" + today().minusDays(1)).json().path("total").asInt());
        assertEquals(1, get("/refunds?customerCode=" + c + "&method=ALIPAY").json().path("total").asInt());
        // Two shipments, a return, three receipts and a refund; the refused refund posted nothing.
        assertEquals(7, get("/receivables/balances?customerCode=" + c).json().path("items").get(0).path("postings").asInt());
        assertProblem(404, get("/receipts/RC-1999-000001"));
        assertProblem(400, get("/receipts?from=2026-13-01"));
    }

    @Test
    public void twoRefundsRacingForOneCreditNeverBothGetIt() throws Exception {
        String c = customer(0);
        receipt(c, 100, null);
        int clients = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return money("/refunds", c, 40, null).status();
                }));
            }
            start.countDown();
            int ok = 0;
            int refused = 0;
            for (Future<Integer> f : results) {
                int status = f.get();
                ok += status == 201 ? 1 : 0;
                refused += status == 409 ? 1 : 0;
            }
            assertEquals(2, ok);
            assertEquals(clients - 2, refused);
        } finally {
            pool.shutdownNow();
        }
        assertBooksAgree(c, "-20.00");
        assertEquals(2, get("/refunds?customerCode=" + c).json().path("total").asInt());
    }

    @Test
    public void moneyInAnotherCurrencyThanTheOpenItemIsRefused() {
        String c = customer(15);
        String usd = shipped(c, 2, "USD", new BigDecimal("14.50"));
        Reply named = assertProblem(400, money("/receipts", c, 29, usd));
        assertEquals("currency", named.errorFields().get(0));
        assertTrue(named.body(), named.json().path("detail").asText().contains("USD"));
        assertEquals("currency", assertProblem(400, money("/receipts", c, 29, null)).errorFields().get(0));
        Reply paid = post("/receipts", map("customerCode", c, "amount", 29, "currency", "USD", "method", "BANK_TRANSFER",
                "salesOrderNumber", usd));
        assertEquals(paid.body(), 201, paid.status());
        JsonNode o = order(usd);
        assertAmount("0", o.path("outstandingAmount"));
        assertAmount("29.00", o.path("paidAmount"));
        assertEquals(1, get("/receipts?customerCode=" + c).json().path("items").get(0).path("allocations").size());
    }

    @Test
    public void badMoneyDocumentsAreRefusedNamingTheFieldAndStoreNothing() throws Exception {
        String c = customer(0);
        String other = customer(0);
        String shippedToOther = shipped(other, 1, null, null);
        Reply created = post("/sales-orders", map("type", "ORDER", "customerCode", c, "warehouseCode", WH,
                "lines", List.of(map("sku", PRODUCT, "quantity", 1))));
        String draft = created.json().path("number").asText();
        String mine = shipped(c, 3, null, null);

        List<String> fields = assertProblem(400, post("/receipts", map("comment", "x"))).errorFields();
        assertTrue(fields.toString(), fields.containsAll(List.of("customerCode", "amount", "method")));
        assertEquals("customerCode", assertProblem(400, money("/receipts", "NOPE-" + RUN, 10, null)).errorFields().get(0));
        assertEquals("amount", assertProblem(400, money("/receipts", c, new BigDecimal("0.001"), null)).errorFields().get(0));
        assertEquals("amount", assertProblem(400, money("/receipts", c, -5, null)).errorFields().get(0));
        assertEquals("date", assertProblem(400, post("/receipts", map("customerCode", c, "amount", 5, "method", "CASH",
                "date", today().plusDays(1).toString()))).errorFields().get(0));
        assertEquals("salesOrderNumber", assertProblem(400, money("/receipts", c, 5, "SO-1999-999999")).errorFields().get(0));
        Reply notShipped = assertProblem(409, money("/receipts", c, 5, draft));
        assertEquals("salesOrderNumber", notShipped.errorFields().get(0));
        assertEquals("salesOrderNumber", assertProblem(400, money("/receipts", c, 5, shippedToOther)).errorFields().get(0));
        receipt(c, 500, null);
        assertEquals("salesOrderNumber", assertProblem(400, money("/refunds", c, 5, mine)).errorFields().get(0));
        assertEquals("method", assertProblem(400, post("/receipts", map("customerCode", c, "amount", 5, "method", "BITCOIN")))
                .errorFields().get(0));
        // Nothing of the refused ones was stored.
        assertEquals(1, get("/receipts?customerCode=" + c).json().path("total").asInt());
        assertEquals(0, get("/refunds?customerCode=" + c).json().path("total").asInt());
        assertBooksAgree(c, "-200.00", mine);

        // Finance registers money; sales neither posts it nor reads the ledger (finance, viewer and admin do).
        String salesUser = "fsales-" + RUN.toLowerCase();
        String salesPassword = createUser(salesUser, "sales");
        assertProblem(403, http("POST", "/receipts", salesUser, salesPassword, map("customerCode", c, "amount", 1, "method", "CASH"),
                Map.of()));
        assertProblem(403, http("GET", "/receivables/" + c, salesUser, salesPassword, null, Map.of()));
        String financeUser = "ffin-" + RUN.toLowerCase();
        String financePassword = createUser(financeUser, "finance");
        Reply byFinance = http("POST", "/receipts", financeUser, financePassword, map("customerCode", c, "amount", 1, "method", "CASH"),
                Map.of());
        assertEquals(byFinance.body(), 201, byFinance.status());
        assertEquals(financeUser, byFinance.json().path("postedBy").asText());
        String shown = shell(salesUser, salesPassword, "titrate:balance " + c);
        assertTrue(shown, shown.contains("-201.00"));
    }

    @Test
    public void legacySystemsReadBalancesAndPostingsAndRegisterReceiptsOverSoapAndTheShellShowsThem() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        String c = customer(10);
        String so = shipped(c, 12, null, null);
        Dispatch<Source> soap = soapClient("FinanceService", NS, "admin", adminPassword);
        String balance = soapCall(soap, "<f:getBalance xmlns:f='" + NS + "'><customerCode>" + c + "</customerCode></f:getBalance>");
        assertTrue(balance, balance.contains("<balance>1200.00</balance>") && balance.contains("<currency>CNY</currency>"));

        String request = "<f:registerReceipt xmlns:f='" + NS + "'><receipt><customerCode>" + c + "</customerCode>"
                + "<amount>700.00</amount><method>BANK_ACCEPTANCE</method><salesOrderNumber>" + so + "</salesOrderNumber>"
                + "<comment>银行承兑汇票 第 30 号</comment><requestId>GL-" + RUN + "-0030</requestId></receipt></f:registerReceipt>";
        String registered = soapCall(soap, request);
        assertTrue(registered, registered.contains("<settled>" + so + " 700.00</settled>") && registered.contains("RC-"));
        // The legacy system timed out and sends it again: it gets the same receipt back, not a second one.
        String retried = soapCall(soap, request);
        String number = registered.replaceAll("(?s).*<number>(RC-[0-9-]+)</number>.*", "$1");
        assertTrue(retried, retried.contains("<number>" + number + "</number>"));
        assertEquals(1, get("/receipts?customerCode=" + c).json().path("total").asInt());
        try {
            soapCall(soap, request.replace("<amount>700.00</amount>", "<amount>701.00</amount>"));
            throw new AssertionError("a different receipt under a used requestId was accepted");
        } catch (SOAPFaultException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("requestId") || expected.getMessage().contains(number));
        }
        assertAmount("500.00", order(so).path("outstandingAmount"));
        assertEquals("银行承兑汇票 第 30 号", get("/receipts?customerCode=" + c).json().path("items").get(0).path("comment").asText());

        // The feed shows a posting once no transaction that could still commit an earlier one is running (15 s).
        String[] feed = {""};
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).until(() -> (feed[0] = soapCall(soap,
                "<f:listPostingsSince xmlns:f='" + NS + "'><since>" + before + "</since></f:listPostingsSince>")).contains("<type>RECEIPT</type>"));
        assertTrue(feed[0], feed[0].contains("<documentNumber>" + so + "</documentNumber>")
                && feed[0].contains("<balanceAfter>500.00</balanceAfter>"));
        for (String bad : List.of("yesterday", "+10000-01-01T00:00:00Z")) {
            try {
                soapCall(soap, "<f:listPostingsSince xmlns:f='" + NS + "'><since>" + bad + "</since></f:listPostingsSince>");
                throw new AssertionError("a bad instant was accepted: " + bad);
            } catch (SOAPFaultException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("since"));
            }
        }
        try {
            soapCall(soap, "<f:registerReceipt xmlns:f='" + NS + "'><receipt><customerCode>" + c + "</customerCode>"
                    + "<method>CASH</method></receipt></f:registerReceipt>");
            throw new AssertionError("a receipt without an amount was accepted");
        } catch (SOAPFaultException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("amount"));
        }

        String shown = shell("admin", adminPassword, "titrate:balance " + c);
        assertTrue(shown, shown.contains("500.00") && shown.contains(so) && shown.contains(today().plusDays(10).toString()));

        // Overdue: nothing today; as of the day after the due date, the order with one day overdue.
        assertEquals(0, get("/receivables?overdue=true&customerCode=" + c).json().path("total").asInt());
        JsonNode late = get("/receivables?overdue=true&customerCode=" + c + "&asOf=" + today().plusDays(11)).json();
        assertEquals(late.toString(), 1, late.path("total").asInt());
        assertEquals(1, late.path("items").get(0).path("daysOverdue").asInt());
        assertAmount("500.00", late.path("items").get(0).path("openAmount"));
    }

    @Test
    public void aPaymentReminderIsRaisedOncePerCustomerAndDueDate() throws Exception {
        String c = customer(7);
        String first = shipped(c, 3, null, null);
        String second = shipped(c, 2, null, null);
        receipt(c, 50, first);
        LocalDate due = today().plusDays(7);
        String asOf = due.plusDays(2).toString();
        List<Event> events = new CopyOnWriteArrayList<>();
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, events::add,
                new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, FinanceEvents.PAYMENT_OVERDUE)));
        try {
            // Nothing is due today; as of two days after the due date, both orders in one reminder.
            assertTrue(shell("admin", adminPassword, "titrate:payment-reminders").contains("0 reminders due"));
            String listed = shell("admin", adminPassword, "titrate:payment-reminders --as-of " + asOf);
            assertTrue(listed, listed.contains(c) && listed.contains("450.00") && listed.contains(first) && listed.contains(second));
            String raised = shell("admin", adminPassword, "titrate:payment-reminders --as-of " + asOf + " --raise");
            assertTrue(raised, raised.contains(c) && raised.contains("reminders raised"));
            await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().anyMatch(e -> c.equals(e.getProperty(FinanceEvents.CUSTOMER_CODE))));
            Event e = events.stream().filter(x -> c.equals(x.getProperty(FinanceEvents.CUSTOMER_CODE))).findFirst().orElseThrow();
            assertEquals(due.toString(), e.getProperty(FinanceEvents.DUE_DATE));
            assertEquals("450.00", e.getProperty(FinanceEvents.AMOUNT));
            assertEquals("CNY", e.getProperty(FinanceEvents.CURRENCY));
            assertEquals(List.of(first, second), List.of((String[]) e.getProperty(FinanceEvents.DOCUMENTS)));
            assertEquals(2, e.getProperty(FinanceEvents.DAYS_OVERDUE));
            // Once: raising again sends nothing for this customer and due date.
            String again = shell("admin", adminPassword, "titrate:payment-reminders --as-of " + asOf + " --raise");
            assertTrue(again, !again.contains(c));
            assertEquals(1, events.stream().filter(x -> c.equals(x.getProperty(FinanceEvents.CUSTOMER_CODE))).count());
            // Finance raises them; for sales staff the command does not exist (they see overdue debts over REST).
            String salesUser = "frem-" + RUN.toLowerCase();
            String salesPassword = createUser(salesUser, "sales");
            try {
                shell(salesUser, salesPassword, "titrate:payment-reminders --raise");
                throw new AssertionError("a sales user raised payment reminders");
            } catch (Exception expected) {
                assertTrue(expected.toString(), expected.getClass().getSimpleName().equals("CommandNotFoundException")
                        || expected instanceof SecurityException);
            }
        } finally {
            handler.unregister();
        }
    }
}
