package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Issue 11, items 1, 2, 3 and 7, in the running distribution: lot tracking is not dropped while lots are on
 * hand; stock owed without a lot is put right by a count or a receipt, after which the warehouse closes;
 * a deactivation and a receipt into the same warehouse never both succeed; documents naming an unknown or
 * inactive warehouse are refused when saved.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StockDefectsIT extends TitrateTestSupport {
    private static final String CUSTOMER = "DC-" + RUN;
    private static final String SUPPLIER = "DS-" + RUN;
    private static final String PLAIN = "DP-" + RUN;

    @Before
    public void masterData() {
        if (get("/products/" + PLAIN).status() == 200) {
            return;
        }
        assertEquals(201, post("/products", map("sku", PLAIN, "name", "工业盐 99% 50kg/袋", "unit", "袋", "listPrice", 8, "lotTracked", false))
                .status());
        assertEquals(201, post("/customers", map("code", CUSTOMER, "name", "常州新北区精细化工厂 " + RUN, "status", "ACTIVE",
                "channel", "WHOLESALE")).status());
        assertEquals(201, post("/suppliers", map("code", SUPPLIER, "name", "山东海化股份有限公司 " + RUN, "paymentTermDays", 30)).status());
    }

    // ---- helpers ----

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private String warehouse(String code, boolean allowNegativeStock) {
        Reply r = post("/warehouses", map("code", code, "name", "连云港徐圩危化品库 " + code, "allowNegativeStock", allowNegativeStock));
        assertEquals(r.body(), 201, r.status());
        return code;
    }

    private String lotTrackedProduct(String sku) {
        Reply r = post("/products", map("sku", sku, "name", "丙酮 99.5% 160kg/桶", "unit", "桶", "casNumber", "67-64-1", "unNumber", "UN1090",
                "hazardClass", "3", "listPrice", 1350, "lotTracked", true, "shelfLifeDays", 1095));
        assertEquals(r.body(), 201, r.status());
        return sku;
    }

    private static Map<String, Object> line(String sku, Object quantity, String lot) {
        Map<String, Object> l = map("sku", sku, "quantity", quantity);
        if (lot != null) {
            l.put("lot", lot);
        }
        return l;
    }

    private Reply document(String type, String warehouse, Map<String, Object> line) {
        Map<String, Object> d = map("type", type, "warehouseCode", warehouse, "lines", List.of(line));
        if (!type.equals("RECEIPT") && !type.equals("ISSUE")) {
            d.put("reason", "盘点与质检 " + type);
        }
        return post("/stock-documents", d);
    }

    private JsonNode posted(String type, String warehouse, Map<String, Object> line) {
        Reply r = document(type, warehouse, line);
        assertEquals(r.body(), 201, r.status());
        return r.json();
    }

    /** On hand of a product in a warehouse by "lot|status" (lot empty for none). */
    private Map<String, BigDecimal> onHand(String sku, String warehouse) {
        Map<String, BigDecimal> rows = new HashMap<>();
        get("/stock?sku=" + sku + "&warehouseCode=" + warehouse + "&limit=500").json().path("items").forEach(r -> rows.put(
                r.path("lot").asText("") + "|" + r.path("status").asText(), r.path("quantity").decimalValue()));
        return rows;
    }

    private static void assertQuantity(String expected, BigDecimal actual) {
        assertEquals(expected + " expected, was " + actual, 0, new BigDecimal(expected).compareTo(actual));
    }

    private Reply changeProduct(String sku, String field, Object value) {
        ObjectNode p = (ObjectNode) get("/products/" + sku).json();
        p.set(field, JSON.valueToTree(value));
        return put("/products/" + sku, p);
    }

    private Reply deactivate(String code) {
        return deactivate(get("/warehouses/" + code).json());
    }

    private Reply deactivate(JsonNode w) {
        return put("/warehouses/" + w.path("code").asText(), map("name", w.path("name").asText(), "allowNegativeStock",
                w.path("allowNegativeStock").asBoolean(), "active", false, "version", w.path("version").asLong()));
    }

    // ---- item 1: lot tracking ----

    @Test
    public void aProductStaysLotTrackedWhileAnyLotOfItIsOnHand() {
        String wh = warehouse("DW1-" + RUN, false);
        String sku = lotTrackedProduct("DL1-" + RUN);
        posted("RECEIPT", wh, line(sku, 30, "AC" + RUN));
        long version = get("/products/" + sku).json().path("version").asLong();

        Reply refused = assertProblem(409, changeProduct(sku, "lotTracked", false));
        assertEquals(List.of("lotTracked"), refused.errorFields());
        assertTrue(refused.body(), refused.json().path("detail").asText().contains("AC" + RUN));
        JsonNode unchanged = get("/products/" + sku).json();
        assertTrue("nothing stored", unchanged.path("lotTracked").asBoolean());
        assertEquals(version, unchanged.path("version").asLong());
        // Quarantined lots count as well: they are released or scrapped by their lot.
        posted("HOLD", wh, line(sku, 30, "AC" + RUN));
        assertProblem(409, changeProduct(sku, "lotTracked", false));
        // Other changes of the product are not held up by its stock.
        Reply renamed = changeProduct(sku, "name", "丙酮 99.5% 160kg/桶 (新包装)");
        assertEquals(renamed.body(), 200, renamed.status());

        posted("SCRAP", wh, line(sku, 30, "AC" + RUN));
        Reply dropped = changeProduct(sku, "lotTracked", false);
        assertEquals("no lot on hand any more: " + dropped.body(), 200, dropped.status());
        assertFalse(dropped.json().path("lotTracked").asBoolean());
    }

    @Test
    public void aProductBecomesLotTrackedWithStockWithoutALotThatStaysUsable() {
        String wh = warehouse("DW2-" + RUN, false);
        String sku = "DL2-" + RUN;
        assertEquals(201, post("/products", map("sku", sku, "name", "柠檬酸 一水 25kg/袋", "unit", "袋", "listPrice", 9, "lotTracked", false))
                .status());
        posted("RECEIPT", wh, line(sku, 10, null));
        Reply tracked = changeProduct(sku, "lotTracked", true);
        assertEquals(tracked.body(), 200, tracked.status());

        // The stock booked without a lot is issued (first expiry first out takes it last), counted down, never counted up.
        posted("ISSUE", wh, line(sku, 4, null));
        JsonNode count = posted("ADJUSTMENT", wh, line(sku, 5, null));
        assertQuantity("-1", count.path("lines").get(0).path("difference").decimalValue());
        assertEquals(List.of("lines[0].lot"), assertProblem(409, document("ADJUSTMENT", wh, line(sku, 6, null))).errorFields());
        posted("RECEIPT", wh, line(sku, 3, "CA" + RUN));
        Map<String, BigDecimal> stock = onHand(sku, wh);
        assertQuantity("5", stock.get("|AVAILABLE"));
        assertQuantity("3", stock.get("CA" + RUN + "|AVAILABLE"));
    }

    @Test
    public void goodsOfADocumentSavedWithALotComeInWithoutOnceTheProductIsNoLongerLotTracked() {
        String wh = warehouse("DW8-" + RUN, false);
        String sku = lotTrackedProduct("DL8-" + RUN);
        String supplier = "DS8-" + RUN;
        assertEquals(201, post("/suppliers", map("code", supplier, "name", "浙江巨化股份有限公司 " + RUN)).status());
        Reply po = post("/purchase-orders", map("type", "ORDER", "supplierCode", supplier, "warehouseCode", wh,
                "lines", List.of(map("sku", sku, "quantity", 6, "unitPrice", 1200, "lot", "JH" + RUN))));
        assertEquals(po.body(), 201, po.status());
        String number = po.json().path("number").asText();
        assertEquals(200, post("/purchase-orders/" + number + "/confirm", map()).status());
        Reply dropped = changeProduct(sku, "lotTracked", false);
        assertEquals("no lot on hand yet: " + dropped.body(), 200, dropped.status());

        Reply received = post("/purchase-orders/" + number + "/receive", map());
        assertEquals(received.body(), 200, received.status());
        assertEquals(Map.of("|AVAILABLE", new BigDecimal("6.000")), onHand(sku, wh));
        posted("ISSUE", wh, line(sku, 6, null));
        assertTrue(onHand(sku, wh).isEmpty());
    }

    // ---- item 2: stock owed without a lot ----

    /** The case: in a warehouse that allows negative stock, an issue of 8 with 5 in lot NH1 owes 3 without a lot. */
    private void owingThreeWithoutALot(String wh, String sku) {
        warehouse(wh, true);
        lotTrackedProduct(sku);
        posted("RECEIPT", wh, line(sku, 5, "NH1"));
        posted("ISSUE", wh, line(sku, 8, null));
        Map<String, BigDecimal> owed = onHand(sku, wh);
        assertQuantity("-3", owed.get("|AVAILABLE"));
        assertFalse("NH1 is spent", owed.containsKey("NH1|AVAILABLE"));
    }

    @Test
    public void stockOwedWithoutALotIsCountedRightAndTheWarehouseThenCloses() {
        String wh = "DW3-" + RUN;
        String sku = "DL3-" + RUN;
        owingThreeWithoutALot(wh, sku);
        assertEquals("active", assertProblem(409, deactivate(wh)).errorFields().get(0));

        // A count without a lot only settles or lowers what is booked without one: lot-tracked goods found need their lot.
        assertEquals(List.of("lines[0].lot"), assertProblem(409, document("ADJUSTMENT", wh, line(sku, 1, null))).errorFields());
        JsonNode count = posted("ADJUSTMENT", wh, line(sku, 0, null));
        assertQuantity("3", count.path("lines").get(0).path("difference").decimalValue());
        assertTrue(onHand(sku, wh).toString(), onHand(sku, wh).isEmpty());

        Reply closed = deactivate(wh);
        assertEquals(closed.body(), 200, closed.status());
        assertFalse(closed.json().path("active").asBoolean());
    }

    @Test
    public void aReceiptSettlesWhatIsOwedWithoutALotBeforeFillingItsLot() {
        String wh = "DW4-" + RUN;
        String sku = "DL4-" + RUN;
        owingThreeWithoutALot(wh, sku);

        JsonNode receipt = posted("RECEIPT", wh, line(sku, 10, "NH2"));
        JsonNode moves = receipt.path("movements");
        assertEquals(moves.toString(), 2, moves.size());
        Map<String, BigDecimal> stock = onHand(sku, wh);
        assertFalse("the debt is settled: " + stock, stock.containsKey("|AVAILABLE"));
        assertQuantity("7", stock.get("NH2|AVAILABLE"));
        assertEquals(today().plusDays(1095).toString(), get("/stock?sku=" + sku + "&lot=NH2").json().path("items").get(0)
                .path("expiryDate").asText());

        // A purchase receipt does the same.
        posted("ISSUE", wh, line(sku, 9, null));
        assertQuantity("-2", onHand(sku, wh).get("|AVAILABLE"));
        String supplier = "DS4-" + RUN;
        assertEquals(201, post("/suppliers", map("code", supplier, "name", "江苏索普化工股份有限公司 " + RUN)).status());
        Reply po = post("/purchase-orders", map("type", "ORDER", "supplierCode", supplier, "warehouseCode", wh,
                "lines", List.of(map("sku", sku, "quantity", 4, "unitPrice", 1200, "lot", "NH3"))));
        assertEquals(po.body(), 201, po.status());
        String number = po.json().path("number").asText();
        assertEquals(200, post("/purchase-orders/" + number + "/confirm", map()).status());
        Reply received = post("/purchase-orders/" + number + "/receive", map());
        assertEquals(received.body(), 200, received.status());
        stock = onHand(sku, wh);
        assertFalse(stock.toString(), stock.containsKey("|AVAILABLE"));
        assertQuantity("2", stock.get("NH3|AVAILABLE"));
    }

    // ---- item 3: deactivation against a receipt ----

    @Test
    public void aDeactivationAndAReceiptIntoTheSameWarehouseNeverBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> outcomes = new ArrayList<>();
        try {
            for (int round = 0; round < 12; round++) {
                String wh = warehouse("DW5-" + round + "-" + RUN, false);
                JsonNode w = get("/warehouses/" + wh).json();
                CountDownLatch start = new CountDownLatch(1);
                Future<Reply> receipt = pool.submit(() -> {
                    start.await();
                    return document("RECEIPT", wh, line(PLAIN, 7, null));
                });
                Future<Reply> deactivation = pool.submit(() -> {
                    start.await();
                    return deactivate(w);
                });
                start.countDown();
                Reply r = receipt.get();
                Reply d = deactivation.get();
                outcomes.add(r.status() + "/" + d.status());
                assertTrue(r.body(), r.status() == 201 || r.status() == 400 || r.status() == 409);
                assertTrue(d.body(), d.status() == 200 || d.status() == 409);
                assertFalse("round " + round + ": both succeeded, an inactive warehouse holds stock: " + outcomes,
                        r.status() == 201 && d.status() == 200);
                boolean active = get("/warehouses/" + wh).json().path("active").asBoolean();
                assertTrue("an inactive warehouse holds nothing", active || onHand(PLAIN, wh).isEmpty());
                assertEquals(r.status() == 201, !onHand(PLAIN, wh).isEmpty());
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("StockDefectsIT receipt/deactivation outcomes: " + outcomes);
    }

    // ---- item 7: warehouses on documents ----

    @Test
    public void documentsNamingAnUnknownOrInactiveWarehouseAreRefusedWhenSaved() {
        String closed = warehouse("DW6-" + RUN, false);
        assertEquals(200, deactivate(closed).status());
        String open = warehouse("DW7-" + RUN, false);
        String unknown = "NOPE-" + RUN;
        Map<String, Object> shipLine = map("sku", PLAIN, "quantity", 2);
        Map<String, Object> returnLine = map("sku", PLAIN, "direction", "RETURN", "quantity", -1);

        for (String wh : List.of(unknown, closed)) {
            Reply order = assertProblem(400, post("/sales-orders", map("type", "ORDER", "customerCode", CUSTOMER, "warehouseCode", wh,
                    "lines", List.of(shipLine))));
            assertEquals(List.of("warehouseCode"), order.errorFields());
            assertTrue(order.body(), order.json().path("errors").get(0).path("message").asText().contains(wh));
            Reply ret = assertProblem(400, post("/sales-orders", map("type", "RETURN", "customerCode", CUSTOMER, "warehouseCode", wh,
                    "lines", List.of(returnLine))));
            assertTrue(ret.body(), ret.errorFields().contains("warehouseCode"));
            Reply po = assertProblem(400, post("/purchase-orders", map("type", "ORDER", "supplierCode", SUPPLIER, "warehouseCode", wh,
                    "lines", List.of(map("sku", PLAIN, "quantity", 5, "unitPrice", 7)))));
            assertEquals(List.of("warehouseCode"), po.errorFields());
        }
        assertEquals("nothing stored", 0, get("/sales-orders?customerCode=" + CUSTOMER).json().path("total").asInt());
        assertEquals("nothing stored", 0, get("/purchase-orders?supplierCode=" + SUPPLIER).json().path("total").asInt());

        // A draft is checked again when it is edited; an active warehouse, or none (the default at shipping), is accepted.
        Reply draft = post("/sales-orders", map("type", "ORDER", "customerCode", CUSTOMER, "warehouseCode", open, "lines", List.of(shipLine)));
        assertEquals(draft.body(), 201, draft.status());
        JsonNode d = draft.json();
        Reply edited = put("/sales-orders/" + d.path("number").asText(), map("type", "ORDER", "customerCode", CUSTOMER, "warehouseCode", closed,
                "lines", List.of(shipLine), "version", d.path("version").asLong()));
        assertEquals(List.of("warehouseCode"), assertProblem(400, edited).errorFields());
        assertEquals(open, get("/sales-orders/" + d.path("number").asText()).json().path("warehouseCode").asText());
        Reply none = post("/sales-orders", map("type", "ORDER", "customerCode", CUSTOMER, "lines", List.of(shipLine)));
        assertEquals(none.body(), 201, none.status());
        Reply po = post("/purchase-orders", map("type", "ORDER", "supplierCode", SUPPLIER, "warehouseCode", open,
                "lines", List.of(map("sku", PLAIN, "quantity", 5, "unitPrice", 7))));
        assertEquals(po.body(), 201, po.status());
    }
}
