package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.inject.Inject;
import javax.transaction.Status;
import javax.transaction.TransactionManager;
import javax.xml.transform.Source;
import javax.xml.ws.Dispatch;
import javax.xml.ws.soap.SOAPFaultException;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.titrate.platform.api.ConflictException;
import org.titrate.sales.api.Direction;
import org.titrate.sales.api.PostingKind;
import org.titrate.sales.api.SalesEvents;
import org.titrate.sales.api.SalesPosting;
import org.titrate.sales.api.SalesPostingListener;

/** Sales orders, returns and exchanges over REST, SOAP and the shell, with postings and events as downstream modules see them. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SalesIT extends TitrateTestSupport {
    private static final String SALES_NS = "urn:titrate:sales";
    private static final String CUSTOMER = "SW-" + RUN;
    private static final String RETAIL = "SR-" + RUN;
    /** Lot-tracked, 120.00 list price. */
    private static final String NAOH = "SA-" + RUN;
    /** Not lot-tracked, 95.50 list price. */
    private static final String SODA = "SB-" + RUN;
    /** Discontinued. */
    private static final String OLD = "SO-" + RUN;

    @Inject
    private BundleContext context;

    @Inject
    @Filter(timeout = 300_000)
    private TransactionManager transactions;

    @Before
    public void masterData() {
        // These tests are about the sales workflow, not stock: their warehouse lets shipments run ahead of receipts.
        ensureWarehouse("WH1", "上海金山化工区危化品仓库", true, true);
        if (get("/customers/" + CUSTOMER).status() == 200) {
            return;
        }
        assertEquals(201, post("/customers", map("code", CUSTOMER, "name", "江苏恒瑞精细化工有限公司 " + RUN, "status", "ACTIVE",
                "channel", "WHOLESALE", "paymentTermDays", 30)).status());
        assertEquals(201, post("/customers", map("code", RETAIL, "name", "南京大学化学化工学院实验室 " + RUN, "status", "ACTIVE",
                "channel", "RETAIL")).status());
        assertEquals(201, post("/products", map("sku", NAOH, "name", "氢氧化钠(片碱) 99% 25kg/袋", "unit", "袋", "casNumber", "1310-73-2",
                "unNumber", "UN1823", "hazardClass", "8", "packingGroup", "II", "listPrice", new BigDecimal("120.00"), "lotTracked", true,
                "shelfLifeDays", 730)).status());
        assertEquals(201, post("/products", map("sku", SODA, "name", "碳酸钠(纯碱) 99.2% 40kg/袋", "unit", "袋", "casNumber", "497-19-8",
                "listPrice", new BigDecimal("95.50"), "lotTracked", false)).status());
        Reply old = post("/products", map("sku", OLD, "name", "停产：三氯乙烯", "unit", "桶", "casNumber", "79-01-6", "listPrice", 10));
        assertEquals(201, old.status());
        assertEquals(200, put("/products/" + OLD, map("sku", OLD, "name", "停产：三氯乙烯", "unit", "桶", "casNumber", "79-01-6",
                "listPrice", 10, "active", false, "changeReason", "停产", "version", old.json().path("version").asLong())).status());
    }

    // ---- helpers ----

    private static Map<String, Object> line(String sku, String direction, Object quantity, Object unitPrice) {
        Map<String, Object> l = map("sku", sku, "quantity", quantity);
        if (direction != null) {
            l.put("direction", direction);
        }
        if (unitPrice != null) {
            l.put("unitPrice", unitPrice);
        }
        return l;
    }

    private static Map<String, Object> doc(String type, String customer, Object... lines) {
        return map("type", type, "customerCode", customer, "warehouseCode", "WH1", "lines", List.of(lines));
    }

    private JsonNode create(Map<String, Object> body) {
        Reply r = post("/sales-orders", body);
        assertEquals(r.body(), 201, r.status());
        return r.json();
    }

    private JsonNode act(String number, String action, Object body) {
        Reply r = post("/sales-orders/" + number + "/" + action, body);
        assertEquals(action + ": " + r.body(), 200, r.status());
        return r.json();
    }

    private static BigDecimal dec(JsonNode n) {
        return new BigDecimal(n.asText());
    }

    private static List<String> actions(JsonNode order) {
        List<String> result = new ArrayList<>();
        order.path("history").forEach(h -> result.add(h.path("action").asText()));
        return result;
    }

    // ---- tests ----

    @Test
    public void anOrderRunsFromDraftToClosedAndRecordsWhoDidWhatAndWhy() {
        JsonNode o = create(doc("ORDER", CUSTOMER, line(NAOH, "SHIP", 40, null),
                map("sku", SODA, "direction", "SHIP", "quantity", new BigDecimal("2.5"), "unitPrice", new BigDecimal("90.00"),
                        "deliveryDate", "2026-12-01")));
        String number = o.path("number").asText();
        assertTrue(number, number.matches("SO-\\d{4}-\\d{6}"));
        assertEquals("DRAFT", o.path("status").asText());
        assertEquals("WHOLESALE", o.path("channel").asText());
        assertEquals("CNY", o.path("currency").asText());
        // The price defaults to the list price; amounts are exact.
        assertEquals(new BigDecimal("120.00"), dec(o.path("lines").get(0).path("unitPrice")));
        assertEquals(new BigDecimal("4800.00"), dec(o.path("lines").get(0).path("amount")));
        assertEquals(new BigDecimal("225.00"), dec(o.path("lines").get(1).path("amount")));
        assertEquals("2026-12-01", o.path("lines").get(1).path("deliveryDate").asText());
        assertEquals(new BigDecimal("5025.00"), dec(o.path("totalAmount")));
        assertEquals(new BigDecimal("0.00"), dec(o.path("paidAmount")));
        assertEquals(new BigDecimal("0.00"), dec(o.path("outstandingAmount")));

        // A draft is changed in place, with the version read.
        Reply stale = put("/sales-orders/" + number, map("type", "ORDER", "customerCode", CUSTOMER, "version", 0,
                "lines", List.of(line(NAOH, "SHIP", 50, null))));
        assertProblem(409, stale);
        Reply changed = put("/sales-orders/" + number, map("type", "ORDER", "customerCode", CUSTOMER, "comment", "客户加订 10 袋",
                "version", o.path("version").asLong(), "lines", List.of(line(NAOH, "SHIP", 50, null))));
        assertEquals(changed.body(), 200, changed.status());
        assertEquals(new BigDecimal("6000.00"), dec(changed.json().path("totalAmount")));
        assertEquals(1, changed.json().path("lines").size());
        // The version answered is the one stored: the next change based on it goes through.
        assertEquals(changed.json().path("version").asLong(), get("/sales-orders/" + number).json().path("version").asLong());
        Reply again = put("/sales-orders/" + number, map("type", "ORDER", "customerCode", CUSTOMER, "comment", "客户加订 10 袋",
                "version", changed.json().path("version").asLong(), "lines", List.of(line(NAOH, "SHIP", 50, null))));
        assertEquals(again.body(), 200, again.status());

        act(number, "confirm", map("comment", "客户已电话确认价格"));
        assertProblem(409, put("/sales-orders/" + number, map("type", "ORDER", "customerCode", CUSTOMER,
                "version", get("/sales-orders/" + number).json().path("version").asLong(), "lines", List.of(line(NAOH, "SHIP", 1, null)))));
        act(number, "ship", null);
        Reply twice = assertProblem(409, post("/sales-orders/" + number + "/ship", null));
        assertTrue(twice.body(), twice.json().path("detail").asText().contains("SHIPPED"));
        assertProblem(409, post("/sales-orders/" + number + "/cancel", null));
        JsonNode closed = act(number, "close", map("comment", "已回单"));

        assertEquals("CLOSED", closed.path("status").asText());
        assertEquals(List.of("CREATE", "UPDATE", "UPDATE", "CONFIRM", "SHIP", "CLOSE"), actions(closed));
        JsonNode confirm = closed.path("history").get(3);
        assertEquals("DRAFT", confirm.path("fromStatus").asText());
        assertEquals("CONFIRMED", confirm.path("toStatus").asText());
        assertEquals("admin", confirm.path("by").asText());
        assertEquals("客户已电话确认价格", confirm.path("comment").asText());
        assertFalse(confirm.path("at").asText().isEmpty());
        // By id as well as by number; the history has its own paged view too.
        assertEquals(number, get("/sales-orders/" + o.path("id").asText()).json().path("number").asText());
        assertEquals(6, get("/sales-orders/" + number + "/history").json().path("total").asInt());
        assertProblem(404, get("/sales-orders/SO-1999-999999"));
    }

    @Test
    public void badDocumentsAreRefusedNamingTheFieldAndNothingIsStored() {
        long before = get("/sales-orders?customerCode=" + CUSTOMER + "&limit=1").json().path("total").asLong();
        Reply r = assertProblem(400, post("/sales-orders", doc("ORDER", CUSTOMER,
                line(NAOH, "SHIP", -1, null),
                line(NAOH, "RETURN", -1, null),
                line("NOPE-" + RUN, "SHIP", 1, null),
                line(SODA, "SHIP", 0, null),
                line(SODA, "SHIP", 1, new BigDecimal("-0.01")),
                line(OLD, "SHIP", 1, null))));
        List<String> fields = r.errorFields();
        for (String f : List.of("lines[0].quantity", "lines[1].direction", "lines[2].sku", "lines[3].quantity", "lines[4].unitPrice",
                "lines[5].sku")) {
            assertTrue(f + " in " + fields, fields.contains(f));
        }
        assertTrue(assertProblem(400, post("/sales-orders", doc("RETURN", CUSTOMER, line(NAOH, "SHIP", 1, null)))).errorFields()
                .contains("lines"));
        assertTrue(assertProblem(400, post("/sales-orders", doc("ORDER", CUSTOMER))).errorFields().contains("lines"));
        assertTrue(assertProblem(400, post("/sales-orders", doc("ORDER", "NOBODY-" + RUN, line(NAOH, "SHIP", 1, null)))).errorFields()
                .contains("customerCode"));
        assertTrue(assertProblem(400, post("/sales-orders", doc("ORDER", CUSTOMER, map("sku", SODA, "quantity", 1, "lot", "L1"))))
                .errorFields().contains("lines[0].lot"));
        assertTrue(assertProblem(400, post("/sales-orders", map("customerCode", CUSTOMER, "lines", List.of(line(NAOH, "SHIP", 1, null)))))
                .errorFields().contains("type"));
        assertProblem(400, post("/sales-orders", "{\"type\":\"ORDER\",\"customerCode\":\"" + CUSTOMER + "\",\"lines\":[{\"sku\":\"" + NAOH
                + "\",\"quantity\":\"viele\"}]}"));
        assertProblem(400, post("/sales-orders", "{\"type\":\"ORDER\","));
        assertProblem(400, post("/sales-orders", map("type", "GIFT", "customerCode", CUSTOMER)));
        assertEquals(before, get("/sales-orders?customerCode=" + CUSTOMER + "&limit=1").json().path("total").asLong());
        // Illegal steps leave the document as it was.
        JsonNode o = create(doc("ORDER", CUSTOMER, line(NAOH, "SHIP", 1, null)));
        String number = o.path("number").asText();
        assertProblem(409, post("/sales-orders/" + number + "/ship", null));
        assertProblem(409, post("/sales-orders/" + number + "/approve", null));
        assertProblem(409, put("/sales-orders/" + number + "/tracking", map("carrier", "顺丰速运", "trackingNumber", "SF1")));
        JsonNode after = get("/sales-orders/" + number).json();
        assertEquals("DRAFT", after.path("status").asText());
        assertEquals(o.path("version").asLong(), after.path("version").asLong());
        assertEquals(List.of("CREATE"), actions(after));
        // A retried create with the same Idempotency-Key does not make a second document.
        Map<String, String> key = Map.of("Idempotency-Key", "so-" + RUN);
        Reply first = http("POST", "/sales-orders", "admin", adminPassword, doc("ORDER", RETAIL, line(SODA, "SHIP", 1, null)), key);
        Reply again = http("POST", "/sales-orders", "admin", adminPassword, doc("ORDER", RETAIL, line(SODA, "SHIP", 1, null)), key);
        assertEquals(201, first.status());
        assertEquals(first.json().path("number").asText(), again.json().path("number").asText());
    }

    @Test
    public void returnsFromOrdersAndExchangesPassTheApprovalWorkflow() {
        JsonNode order = create(doc("ORDER", CUSTOMER, line(NAOH, "SHIP", 10, new BigDecimal("118.00")), line(SODA, "SHIP", 4, null)));
        String so = order.path("number").asText();
        act(so, "confirm", null);
        act(so, "ship", null);

        // From the order: customer, warehouse, prices and lines copied as RETURN lines; nothing else linked.
        Reply created = post("/sales-orders/" + so + "/returns", map("comment", "客户反映 2 袋片碱包装破损"));
        assertEquals(created.body(), 201, created.status());
        JsonNode ret = created.json();
        String ro = ret.path("number").asText();
        assertTrue(ro, ro.matches("RO-\\d{4}-\\d{6}"));
        assertTrue(created.header("location").endsWith("/sales-orders/" + ro));
        assertEquals("RETURN", ret.path("type").asText());
        assertEquals(so, ret.path("sourceOrderNumber").asText());
        assertEquals("WH1", ret.path("warehouseCode").asText());
        assertEquals("RETURN", ret.path("lines").get(0).path("direction").asText());
        assertEquals(new BigDecimal("-10.000"), dec(ret.path("lines").get(0).path("quantity")));
        assertEquals(new BigDecimal("118.00"), dec(ret.path("lines").get(0).path("unitPrice")));
        assertEquals(new BigDecimal("-1562.00"), dec(ret.path("totalAmount")));
        // The source order is untouched.
        assertEquals(order.path("totalAmount").asText(), get("/sales-orders/" + so).json().path("totalAmount").asText());

        // Submitting needs a reason per returned line.
        assertTrue(assertProblem(400, post("/sales-orders/" + ro + "/submit", null)).errorFields().contains("lines[0].reasonCode"));
        Reply edited = put("/sales-orders/" + ro, map("type", "RETURN", "customerCode", CUSTOMER, "warehouseCode", "WH1",
                "sourceOrderNumber", so, "version", ret.path("version").asLong(), "lines", List.of(
                        map("sku", NAOH, "direction", "RETURN", "quantity", -2, "unitPrice", new BigDecimal("118.00"), "reasonCode", "DAMAGED",
                                "lot", "L2026-1101", "note", "外包装破裂"))));
        assertEquals(edited.body(), 200, edited.status());
        assertProblem(400, put("/sales-orders/" + ro + "/tracking", map("carrier", "顺丰速运")));
        JsonNode tracked = assertOk(put("/sales-orders/" + ro + "/tracking", map("carrier", "顺丰速运", "trackingNumber", "SF1402938475621")));
        assertEquals("SF1402938475621", tracked.path("trackingNumber").asText());

        assertProblem(409, post("/sales-orders/" + ro + "/approve", null));
        act(ro, "submit", map("comment", "请质检确认"));
        assertProblem(409, post("/sales-orders/" + ro + "/receive", null));
        assertTrue(assertProblem(400, post("/sales-orders/" + ro + "/reject", map())).errorFields().contains("reason"));
        act(ro, "approve", map("comment", "同意退货"));
        act(ro, "receive", null);
        JsonNode closed = act(ro, "close", null);
        assertEquals(List.of("CREATE", "UPDATE", "TRACKING", "SUBMIT", "APPROVE", "RECEIVE", "CLOSE"), actions(closed));
        assertEquals(new BigDecimal("-236.00"), dec(closed.path("totalAmount")));
        assertEquals("DAMAGED", closed.path("lines").get(0).path("reasonCode").asText());
        assertProblem(409, put("/sales-orders/" + ro + "/tracking", map("carrier", "顺丰速运", "trackingNumber", "SF2")));

        // A rejection says why.
        JsonNode other = create(map("type", "RETURN", "customerCode", RETAIL, "lines",
                List.of(map("sku", SODA, "quantity", -1, "reasonCode", "QUALITY"))));
        act(other.path("number").asText(), "submit", null);
        JsonNode rejected = act(other.path("number").asText(), "reject", map("reason", "超过 7 天无理由退货期限"));
        assertEquals("REJECTED", rejected.path("status").asText());
        assertEquals("超过 7 天无理由退货期限", rejected.path("history").get(2).path("comment").asText());
        assertProblem(409, post("/sales-orders/" + other.path("number").asText() + "/approve", null));

        // An exchange: the wrong grade comes back, the right one goes out, in one standalone document.
        JsonNode exchange = create(map("type", "RETURN", "customerCode", CUSTOMER, "sourceOrderNumber", "纸质出库单 2026-0931", "lines", List.of(
                map("sku", NAOH, "direction", "RETURN", "quantity", -3, "reasonCode", "WRONG_PRODUCT"),
                map("sku", SODA, "direction", "SHIP", "quantity", 3))));
        assertEquals(new BigDecimal("286.50"), dec(exchange.path("shippedAmount")));
        assertEquals(new BigDecimal("-360.00"), dec(exchange.path("returnedAmount")));
        assertEquals(new BigDecimal("-73.50"), dec(exchange.path("totalAmount")));
        // Return reasons are configurable.
        assertTrue(assertProblem(400, post("/sales-orders", map("type", "RETURN", "customerCode", CUSTOMER, "lines",
                List.of(map("sku", NAOH, "quantity", -1, "reasonCode", "LEAK" + RUN))))).errorFields().contains("lines[0].reasonCode"));
        assertEquals(201, post("/return-reasons", map("code", "LEAK" + RUN, "name", "渗漏 Leaking")).status());
        create(map("type", "RETURN", "customerCode", CUSTOMER, "lines", List.of(map("sku", NAOH, "quantity", -1, "reasonCode", "LEAK" + RUN))));
    }

    private static JsonNode assertOk(Reply r) {
        assertEquals(r.body(), 200, r.status());
        return r.json();
    }

    @Test
    public void theOrderListTotalsAreNetFiguresOverTheWholeFilteredList() {
        String customer = "ST-" + RUN;
        assertEquals(201, post("/customers", map("code", customer, "name", "宁波镇海炼化助剂厂 " + RUN, "status", "ACTIVE",
                "channel", "WHOLESALE")).status());
        String so = create(doc("ORDER", customer, line(NAOH, "SHIP", 2, null), line(SODA, "SHIP", 1, null))).path("number").asText();
        act(so, "confirm", null);
        act(so, "ship", null);
        create(map("type", "RETURN", "customerCode", customer, "lines", List.of(
                map("sku", NAOH, "quantity", -1, "reasonCode", "QUALITY"), map("sku", SODA, "quantity", 1))));

        JsonNode all = get("/sales-orders?customerCode=" + customer + "&limit=1").json();
        assertEquals(2, all.path("total").asInt());
        assertEquals(1, all.path("items").size());
        assertEquals(new BigDecimal("431.00"), dec(all.path("totals").path("shippedAmount")));
        assertEquals(new BigDecimal("-120.00"), dec(all.path("totals").path("returnedAmount")));
        assertEquals(new BigDecimal("311.00"), dec(all.path("totals").path("netAmount")));

        // A cancelled order is listed but moved neither goods nor money.
        String cancelled = create(doc("ORDER", customer, line(NAOH, "SHIP", 100, null))).path("number").asText();
        act(cancelled, "cancel", map("comment", "客户取消"));
        JsonNode withCancelled = get("/sales-orders?customerCode=" + customer).json();
        assertEquals(3, withCancelled.path("total").asInt());
        assertEquals(new BigDecimal("311.00"), dec(withCancelled.path("totals").path("netAmount")));

        JsonNode returns = get("/sales-orders?customerCode=" + customer + "&type=RETURN").json();
        assertEquals(1, returns.path("total").asInt());
        assertEquals(new BigDecimal("-24.50"), dec(returns.path("totals").path("netAmount")));
        JsonNode shipped = get("/sales-orders?customerCode=" + customer + "&status=SHIPPED&channel=WHOLESALE").json();
        assertEquals(so, shipped.path("items").get(0).path("number").asText());
        String today = all.path("items").get(0).path("orderDate").asText();
        assertEquals(3, get("/sales-orders?customerCode=" + customer + "&from=" + today + "&to=" + today).json().path("total").asInt());
        JsonNode later = get("/sales-orders?customerCode=" + customer + "&from=2099-01-01").json();
        assertEquals(0, later.path("total").asInt());
        assertEquals(new BigDecimal("0.00"), dec(later.path("totals").path("netAmount")));
        assertEquals(0, get("/sales-orders?customerCode=" + customer + "&channel=RETAIL").json().path("total").asInt());
        assertTrue(assertProblem(400, get("/sales-orders?status=LOST&from=29.11.2026")).errorFields().containsAll(List.of("status", "from")));
    }

    @Test
    public void customFieldsAreDefinedWithoutCodeValidatedStoredAndFilterable() {
        String drums = "drums" + RUN;
        String transport = "transport" + RUN;
        String pickup = "pickup" + RUN;
        assertEquals(201, post("/custom-fields", map("entity", "sales-order", "key", drums, "label", "桶数", "type", "NUMBER")).status());
        assertEquals(201, post("/custom-fields", map("entity", "sales-order", "key", transport, "label", "运输方式", "type", "CHOICE",
                "choices", List.of("危险品专车", "客户自提"))).status());
        Reply p = post("/custom-fields", map("entity", "sales-order", "key", pickup, "label", "提货日期", "type", "DATE", "required", true));
        assertEquals(201, p.status());
        assertProblem(409, post("/custom-fields", map("entity", "sales-order", "key", drums, "label", "x", "type", "TEXT")));
        assertTrue(assertProblem(400, post("/custom-fields", map("key", "k" + RUN, "label", "x", "type", "CHOICE"))).errorFields()
                .contains("choices"));

        Reply missing = assertProblem(400, post("/sales-orders", map("type", "ORDER", "customerCode", CUSTOMER,
                "customFields", map(drums, "four", transport, "飞机", "colour" + RUN, "red"), "lines", List.of(line(NAOH, "SHIP", 1, null)))));
        for (String f : List.of(drums, transport, pickup, "colour" + RUN)) {
            assertTrue(f + " in " + missing.errorFields(), missing.errorFields().contains("customFields." + f));
        }
        JsonNode o = create(map("type", "ORDER", "customerCode", CUSTOMER, "lines", List.of(line(NAOH, "SHIP", 1, null)),
                "customFields", map(drums, new BigDecimal("4.50"), transport, "危险品专车", pickup, "2026-12-05")));
        assertEquals(new BigDecimal("4.5"), dec(o.path("customFields").path(drums)));
        assertEquals("危险品专车", o.path("customFields").path(transport).asText());
        assertEquals("2026-12-05", o.path("customFields").path(pickup).asText());
        create(map("type", "ORDER", "customerCode", CUSTOMER, "lines", List.of(line(NAOH, "SHIP", 1, null)),
                "customFields", map(drums, 2, transport, "客户自提", pickup, "2026-12-06")));

        JsonNode found = get("/sales-orders?cf." + drums + "=4.500&cf." + transport + "=%E5%8D%B1%E9%99%A9%E5%93%81%E4%B8%93%E8%BD%A6").json();
        assertEquals(1, found.path("total").asInt());
        assertEquals(o.path("number").asText(), found.path("items").get(0).path("number").asText());
        assertEquals(1, get("/sales-orders?cf." + pickup + "=2026-12-06").json().path("total").asInt());
        assertTrue(assertProblem(400, get("/sales-orders?cf.nothing" + RUN + "=1")).errorFields().contains("cf.nothing" + RUN));
        assertTrue(assertProblem(400, get("/sales-orders?cf." + drums + "=many")).errorFields().contains("cf." + drums));

        // A field that is no longer required nor active stops being asked for; its values stay on old documents.
        Reply off = put("/custom-fields/" + pickup, map("entity", "sales-order", "key", pickup, "label", "提货日期", "type", "DATE",
                "required", false, "active", false, "version", p.json().path("version").asLong()));
        assertEquals(off.body(), 200, off.status());
        create(map("type", "ORDER", "customerCode", CUSTOMER, "lines", List.of(line(NAOH, "SHIP", 1, null))));
        assertEquals("2026-12-05", get("/sales-orders/" + o.path("number").asText()).json().path("customFields").path(pickup).asText());
        assertProblem(400, put("/custom-fields/" + drums, map("key", drums, "label", "桶数", "type", "TEXT", "version", 1)));
    }

    @Test
    public void ofTwoClientsActingOnOneDocumentAtOnceExactlyOneWins() throws Exception {
        String draft = create(doc("ORDER", CUSTOMER, line(NAOH, "SHIP", 1, null))).path("number").asText();
        String confirmed = create(doc("ORDER", CUSTOMER, line(NAOH, "SHIP", 1, null))).path("number").asText();
        act(confirmed, "confirm", null);
        String submitted = create(map("type", "RETURN", "customerCode", CUSTOMER, "lines",
                List.of(map("sku", NAOH, "quantity", -1, "reasonCode", "OTHER")))).path("number").asText();
        act(submitted, "submit", null);

        assertOneWins(draft, "confirm", "confirm", "CONFIRM");
        assertOneWins(confirmed, "ship", "ship", "SHIP");
        assertOneWins(submitted, "approve", "reject", null);
    }

    private void assertOneWins(String number, String action1, String action2, String historyAction) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (String action : List.of(action1, action2)) {
                Callable<Reply> call = () -> {
                    start.await();
                    return post("/sales-orders/" + number + "/" + action, map("reason", "并发测试"));
                };
                replies.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> f : replies) {
                Reply r = f.get();
                statuses.add(r.status());
                if (r.status() != 200) {
                    // The loser learns that the document moved on, not about some duplicate key.
                    assertProblem(409, r);
                    assertFalse(r.body(), r.body().contains("same code or number"));
                }
            }
            statuses.sort(Integer::compare);
            assertEquals(number + " " + action1 + "/" + action2, List.of(200, 409), statuses);
            List<String> actions = actions(get("/sales-orders/" + number).json());
            if (historyAction != null) {
                assertEquals(1, actions.stream().filter(historyAction::equals).count());
            } else {
                assertEquals(actions.toString(), 1, actions.stream().filter(a -> a.equals("APPROVE") || a.equals("REJECT")).count());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aRefusingPostingListenerRollsTheWholeActionBackAndEventsFollowCommitsOnly() throws Exception {
        String scarce = "SX-" + RUN;
        assertEquals(201, post("/products", map("sku", scarce, "name", "硝酸 68% 30kg/桶", "unit", "桶", "casNumber", "7697-37-2",
                "listPrice", 180)).status());
        List<SalesPosting> postings = new CopyOnWriteArrayList<>();
        List<Integer> txStatus = new CopyOnWriteArrayList<>();
        List<Event> events = new CopyOnWriteArrayList<>();
        SalesPostingListener stock = posting -> {
            txStatus.add(statusOf(transactions));
            if (posting.lines().stream().anyMatch(l -> l.sku().equals(scarce))) {
                throw new ConflictException("lines[0].sku", "not enough stock of " + scarce + " in " + posting.warehouseCode());
            }
            postings.add(posting);
        };
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, SalesEvents.TOPIC_ALL);
        ServiceRegistration<SalesPostingListener> listener = context.registerService(SalesPostingListener.class, stock, null);
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, events::add, topics);
        try {
            String refused = create(doc("ORDER", CUSTOMER, line(NAOH, "SHIP", 1, null), line(scarce, "SHIP", 2, null))).path("number").asText();
            JsonNode confirmed = act(refused, "confirm", null);
            Reply r = assertProblem(409, post("/sales-orders/" + refused + "/ship", null));
            assertTrue(r.body(), r.json().path("detail").asText().contains("not enough stock of " + scarce));
            assertTrue(r.errorFields().contains("lines[0].sku"));
            JsonNode after = get("/sales-orders/" + refused).json();
            assertEquals("CONFIRMED", after.path("status").asText());
            assertEquals(confirmed.path("version").asLong(), after.path("version").asLong());
            assertEquals(List.of("CREATE", "CONFIRM"), actions(after));

            // Listeners run inside the action's transaction and see signed lines.
            String order = create(doc("ORDER", CUSTOMER, line(NAOH, "SHIP", 3, null))).path("number").asText();
            act(order, "confirm", null);
            act(order, "ship", null);
            String ret = create(map("type", "RETURN", "customerCode", CUSTOMER, "warehouseCode", "WH1", "sourceOrderNumber", order,
                    "lines", List.of(map("sku", NAOH, "quantity", -1, "reasonCode", "QUALITY", "lot", "L1"), map("sku", SODA, "quantity", 1))))
                    .path("number").asText();
            act(ret, "submit", null);
            act(ret, "approve", null);
            act(ret, "receive", null);
            assertEquals(2, postings.size());
            assertTrue(txStatus.toString(), txStatus.stream().allMatch(s -> s == Status.STATUS_ACTIVE));
            SalesPosting shipment = postings.get(0);
            assertEquals(PostingKind.SHIPMENT, shipment.kind());
            assertEquals(order, shipment.orderNumber());
            assertEquals("WH1", shipment.warehouseCode());
            assertEquals(0, new BigDecimal("360.00").compareTo(shipment.totalAmount()));
            SalesPosting receipt = postings.get(1);
            assertEquals(PostingKind.RETURN_RECEIPT, receipt.kind());
            assertEquals(order, receipt.sourceOrderNumber());
            assertEquals(Direction.RETURN, receipt.lines().get(0).direction());
            assertEquals(0, new BigDecimal("-1").compareTo(receipt.lines().get(0).quantity()));
            assertEquals("L1", receipt.lines().get(0).lot());
            assertEquals(Direction.SHIP, receipt.lines().get(1).direction());

            // Events are delivered in order; by the time the return's RECEIVE arrives, a SHIP of the refused order would have too.
            await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().anyMatch(e -> ret.equals(e.getProperty(SalesEvents.ORDER_NUMBER))
                    && "RECEIVE".equals(e.getProperty(SalesEvents.ACTION))));
            assertTrue(events.stream().noneMatch(e -> refused.equals(e.getProperty(SalesEvents.ORDER_NUMBER))
                    && "SHIP".equals(e.getProperty(SalesEvents.ACTION))));
            Event shipped = events.stream().filter(e -> order.equals(e.getProperty(SalesEvents.ORDER_NUMBER))
                    && e.getTopic().equals(SalesEvents.TOPIC_PREFIX + "SHIP")).findFirst().orElseThrow();
            assertEquals("CONFIRMED", shipped.getProperty(SalesEvents.FROM_STATUS));
            assertEquals("SHIPPED", shipped.getProperty(SalesEvents.TO_STATUS));
            assertEquals("admin", shipped.getProperty(SalesEvents.ACTOR));
            assertEquals(CUSTOMER, shipped.getProperty(SalesEvents.CUSTOMER_CODE));
            assertNotNull(shipped.getProperty(SalesEvents.AT));
        } finally {
            listener.unregister();
            handler.unregister();
        }
    }

    private static int statusOf(TransactionManager tm) {
        try {
            return tm.getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void soapGetsCreatesAndListsChangedOrders() throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        Dispatch<Source> d = soapClient("SalesOrderService", SALES_NS, "admin", adminPassword);
        String created = soapCall(d, "<s:createOrder xmlns:s='" + SALES_NS + "'><order><type>RETURN</type><customerCode>" + CUSTOMER
                + "</customerCode><comment>财务系统导入的退货单</comment><lines>"
                + "<line><sku>" + NAOH + "</sku><direction>RETURN</direction><quantity>-2</quantity><reasonCode>EXPIRED</reasonCode></line>"
                + "<line><sku>" + SODA + "</sku><direction>SHIP</direction><quantity>1</quantity><deliveryDate>2026-12-10</deliveryDate></line>"
                + "</lines></order></s:createOrder>");
        String number = created.replaceAll("(?s).*<number>(RO-[0-9-]+)</number>.*", "$1");
        assertTrue(created, number.startsWith("RO-"));
        assertTrue(created, created.contains("<totalAmount>-144.50</totalAmount>"));
        String got = soapCall(d, "<s:getOrder xmlns:s='" + SALES_NS + "'><number>" + number + "</number></s:getOrder>");
        assertTrue(got, got.contains("财务系统导入的退货单") && got.contains("<reasonCode>EXPIRED</reasonCode>")
                && got.contains("<deliveryDate>2026-12-10</deliveryDate>"));
        // REST sees what SOAP created.
        assertEquals("RETURN", get("/sales-orders/" + number).json().path("type").asText());
        // The feed shows a change once no transaction that could commit with an earlier stamp is still running.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> soapCall(d,
                "<s:listOrdersChangedSince xmlns:s='" + SALES_NS + "'><since>" + since + "</since></s:listOrdersChangedSince>")
                .contains("<number>" + number + "</number>"));
        String none = soapCall(d, "<s:listOrdersChangedSince xmlns:s='" + SALES_NS + "'><since>2099-01-01T00:00:00Z</since></s:listOrdersChangedSince>");
        assertFalse(none, none.contains("<number>"));
        try {
            soapCall(d, "<s:getOrder xmlns:s='" + SALES_NS + "'><number>RO-1999-000001</number></s:getOrder>");
            fail("an unknown number must be a fault");
        } catch (SOAPFaultException e) {
            assertTrue(e.getFault().getFaultCode(), e.getFault().getFaultCode().endsWith("Client"));
        }
        try {
            soapCall(d, "<s:createOrder xmlns:s='" + SALES_NS + "'><order><type>ORDER</type><customerCode>" + CUSTOMER
                    + "</customerCode><lines><line><sku>" + NAOH + "</sku><quantity>-1</quantity><direction>SHIP</direction></line>"
                    + "</lines></order></s:createOrder>");
            fail("a negative SHIP quantity must be a fault");
        } catch (SOAPFaultException e) {
            String detail = e.getFault().getDetail() == null ? "" : e.getFault().getDetail().getTextContent();
            assertTrue(detail, detail.contains("lines[0].quantity"));
        }
    }

    @Test
    public void theShellListsShowsAndApprovesReturnsUnderTheUsersRoles() throws Exception {
        String ro = create(map("type", "RETURN", "customerCode", RETAIL, "comment", "实验室退回未开封试剂", "lines",
                List.of(map("sku", SODA, "quantity", -2, "reasonCode", "OTHER")))).path("number").asText();
        act(ro, "submit", null);
        String list = shell("admin", adminPassword, "titrate:order-list --customer " + RETAIL + " --type RETURN");
        assertTrue(list, list.contains(ro) && list.contains("SUBMITTED") && list.contains("-191.00"));
        String viewer = "shell-viewer-" + RUN.toLowerCase();
        String viewerPassword = createUser(viewer, "viewer");
        String shown = shell(viewer, viewerPassword, "titrate:order-show " + ro);
        assertTrue(shown, shown.contains("南京大学化学化工学院实验室") && shown.contains("实验室退回未开封试剂") && shown.contains("SUBMIT"));
        try {
            shell(viewer, viewerPassword, "titrate:return-approve " + ro);
            fail("a viewer must not approve returns");
        } catch (Exception expected) {
            // Karaf's ACL hides the command from the role.
        }
        String approved = shell("admin", adminPassword, "titrate:return-approve " + ro + " 已核对实物");
        assertTrue(approved, approved.contains(ro + " is APPROVED"));
        JsonNode after = get("/sales-orders/" + ro).json();
        assertEquals("APPROVED", after.path("status").asText());
        assertEquals("已核对实物", after.path("history").get(2).path("comment").asText());
    }

    @Test
    public void rolesDecideWhoWritesShipsAndApproves() {
        String sales = "sales-" + RUN.toLowerCase();
        String salesPw = createUser(sales, "sales");
        String warehouse = "wh-" + RUN.toLowerCase();
        String warehousePw = createUser(warehouse, "warehouse");
        String viewer = "view-" + RUN.toLowerCase();
        String viewerPw = createUser(viewer, "viewer");
        Map<String, Object> body = doc("ORDER", CUSTOMER, line(NAOH, "SHIP", 1, null));
        assertProblem(403, http("POST", "/sales-orders", viewer, viewerPw, body, Map.of()));
        assertProblem(403, http("POST", "/sales-orders", warehouse, warehousePw, body, Map.of()));
        Reply created = http("POST", "/sales-orders", sales, salesPw, body, Map.of());
        assertEquals(201, created.status());
        String number = created.json().path("number").asText();
        assertEquals(200, http("GET", "/sales-orders/" + number, viewer, viewerPw, null, Map.of()).status());
        assertEquals(200, http("POST", "/sales-orders/" + number + "/confirm", sales, salesPw, null, Map.of()).status());
        Reply shipped = http("POST", "/sales-orders/" + number + "/ship", warehouse, warehousePw, null, Map.of());
        assertEquals(200, shipped.status());
        assertEquals(warehouse, shipped.json().path("history").get(2).path("by").asText());
        assertEquals(sales, shipped.json().path("history").get(1).path("by").asText());
        assertProblem(403, http("POST", "/sales-orders/" + number + "/close", warehouse, warehousePw, null, Map.of()));
        assertProblem(403, http("POST", "/custom-fields", sales, salesPw, map("key", "k" + RUN, "label", "x", "type", "TEXT"), Map.of()));
        assertProblem(401, http("GET", "/sales-orders", sales, "wrong", null, Map.of()));
    }
}
