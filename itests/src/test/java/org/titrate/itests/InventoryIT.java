package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.transform.Source;
import javax.xml.ws.Dispatch;
import javax.xml.ws.soap.SOAPFaultException;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The inventory module in the running distribution: warehouses, stock documents, the ledger and
 * on-hand stock, the stock side of sales (shipments, returns into quarantine, refusals that change
 * nothing), returned-lot warnings, concurrency on a scarce lot, SOAP, the shell and roles. After
 * every test that moves stock, on hand is compared with the sum of the ledger.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InventoryIT extends TitrateTestSupport {
    private static final String NS = "urn:titrate:inventory";
    private static final String WH = "IW-" + RUN;
    private static final String WH2 = "IW2-" + RUN;
    /** Lot-tracked, two years' shelf life. */
    private static final String ACID = "IH-" + RUN;
    /** Without lots. */
    private static final String SALT = "IS-" + RUN;
    private static final String CUSTOMER = "IC-" + RUN;
    private static final String OTHER_CUSTOMER = "IO-" + RUN;

    @Before
    public void masterData() {
        if (get("/warehouses/" + WH).status() == 200) {
            return;
        }
        assertEquals(201, post("/warehouses", map("code", WH, "name", "上海金山化工区危化品仓库 " + RUN)).status());
        assertEquals(201, post("/warehouses", map("code", WH2, "name", "苏州工业园区普货仓库 " + RUN)).status());
        assertEquals(201, post("/products", map("sku", ACID, "name", "硫酸 98% 工业级 1.84t/IBC", "unit", "桶", "casNumber", "7664-93-9",
                "unNumber", "UN1830", "hazardClass", "8", "packingGroup", "II", "listPrice", 820, "lotTracked", true, "shelfLifeDays", 730))
                .status());
        assertEquals(201, post("/products", map("sku", SALT, "name", "碳酸钠(纯碱) 99.2% 40kg/袋", "unit", "袋", "casNumber", "497-19-8",
                "listPrice", new BigDecimal("95.50"), "lotTracked", false)).status());
        assertEquals(201, post("/customers", map("code", CUSTOMER, "name", "浙江传化化学品有限公司 " + RUN, "status", "ACTIVE",
                "channel", "WHOLESALE")).status());
        assertEquals(201, post("/customers", map("code", OTHER_CUSTOMER, "name", "无锡阳光电镀厂 " + RUN, "status", "ACTIVE",
                "channel", "RETAIL")).status());
    }

    // ---- helpers ----

    /** The server's business day, asked each time: a run may cross midnight in Shanghai. */
    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private static Map<String, Object> line(String sku, Object quantity, String lot, LocalDate expiry) {
        Map<String, Object> l = map("sku", sku, "quantity", quantity);
        if (lot != null) {
            l.put("lot", lot);
        }
        if (expiry != null) {
            l.put("expiryDate", expiry.toString());
        }
        return l;
    }

    private JsonNode post(String type, String warehouse, String reason, Object... lines) {
        Reply r = post("/stock-documents", doc(type, warehouse, reason, lines));
        assertEquals(r.body(), 201, r.status());
        return r.json();
    }

    private static Map<String, Object> doc(String type, String warehouse, String reason, Object... lines) {
        Map<String, Object> d = map("type", type, "warehouseCode", warehouse, "lines", List.of(lines));
        if (reason != null) {
            d.put("reason", reason);
        }
        return d;
    }

    /** On hand of a product by warehouse|lot|status. */
    private Map<String, BigDecimal> onHand(String sku) {
        Map<String, BigDecimal> rows = new HashMap<>();
        get("/stock?sku=" + sku + "&limit=500").json().path("items").forEach(r -> rows.put(r.path("warehouseCode").asText() + "|"
                + r.path("lot").asText("") + "|" + r.path("status").asText(), r.path("quantity").decimalValue()));
        return rows;
    }

    private BigDecimal onHand(String sku, String warehouse, String lot, String status) {
        return onHand(sku).getOrDefault(warehouse + "|" + (lot == null ? "" : lot) + "|" + status, BigDecimal.ZERO);
    }

    /** The invariant: on hand is the sum of the ledger, per warehouse, lot and status; each entry's balance follows the previous. */
    private void assertLedgerMatchesStock(String sku) {
        JsonNode ledger = get("/stock-movements?sku=" + sku + "&limit=500").json();
        assertTrue("the test data fit one page", ledger.path("total").asInt() <= 500);
        Map<String, BigDecimal> sums = new HashMap<>();
        List<JsonNode> oldestFirst = new ArrayList<>();
        ledger.path("items").forEach(m -> oldestFirst.add(0, m));
        for (JsonNode m : oldestFirst) {
            String key = m.path("warehouseCode").asText() + "|" + m.path("lot").asText("") + "|" + m.path("status").asText();
            BigDecimal sum = sums.getOrDefault(key, BigDecimal.ZERO).add(m.path("quantity").decimalValue());
            sums.put(key, sum);
            assertEquals(m.toString(), 0, sum.compareTo(m.path("balanceAfter").decimalValue()));
        }
        sums.values().removeIf(v -> v.signum() == 0);
        Map<String, BigDecimal> stock = onHand(sku);
        assertEquals(sums.keySet(), stock.keySet());
        sums.forEach((k, v) -> assertEquals(k, 0, v.compareTo(stock.get(k))));
    }

    private JsonNode order(String customer, String warehouse, Object... lines) {
        Map<String, Object> body = map("type", "ORDER", "customerCode", customer, "lines", List.of(lines));
        if (warehouse != null) {
            body.put("warehouseCode", warehouse);
        }
        Reply r = post("/sales-orders", body);
        assertEquals(r.body(), 201, r.status());
        String number = r.json().path("number").asText();
        Reply confirmed = post("/sales-orders/" + number + "/confirm", map());
        assertEquals(confirmed.body(), 200, confirmed.status());
        return confirmed.json();
    }

    private long ledgerSize(String query) {
        return get("/stock-movements?" + query + "&limit=1").json().path("total").asLong();
    }

    // ---- tests ----

    @Test
    public void warehousesAreKeptWithAQuarantineLocationAndForbidNegativeStockByDefault() {
        String code = "IWX-" + RUN;
        Reply created = post("/warehouses", map("code", code, "name", "宁波大榭液体化工码头库区", "address", "浙江省宁波市北仑区大榭街道"));
        assertEquals(created.body(), 201, created.status());
        JsonNode w = created.json();
        assertFalse(w.path("allowNegativeStock").asBoolean());
        assertEquals(code + "-QC", w.path("quarantineLocation").asText());
        assertEquals("宁波大榭液体化工码头库区", get("/warehouses/" + code).json().path("name").asText());
        assertProblem(409, post("/warehouses", map("code", code, "name", "again")));
        List<String> fields = assertProblem(400, post("/warehouses", map("code", "bad code!", "quarantineLocation", "x y"))).errorFields();
        assertTrue(fields.toString(), fields.containsAll(List.of("code", "name", "quarantineLocation")));
        Reply stale = put("/warehouses/" + code, map("name", "宁波库", "version", w.path("version").asLong() + 5));
        assertEquals("version", assertProblem(409, stale).errorFields().get(0));
        Reply moved = put("/warehouses/" + code, map("name", "宁波大榭库区", "allowNegativeStock", true, "defaultWarehouse", false,
                "version", w.path("version").asLong()));
        assertEquals(moved.body(), 200, moved.status());
        assertTrue(moved.json().path("allowNegativeStock").asBoolean());
        assertEquals(1, get("/warehouses?q=" + code.toLowerCase()).json().path("total").asInt());
        assertProblem(404, get("/warehouses/NOPE-" + RUN));
    }

    @Test
    public void aReceiptOfManyLinesPostsLotsWithExpiryIntoTheLedgerAndOnHand() {
        String a = "A" + RUN;
        String b = "B" + RUN;
        JsonNode receipt = post("RECEIPT", WH, null, line(ACID, 10, a, today().plusDays(200)), line(ACID, new BigDecimal("5.5"), b, null),
                line(SALT, 40, null, null));
        String number = receipt.path("number").asText();
        assertTrue(number, number.startsWith("SD-"));
        assertEquals(3, receipt.path("movements").size());
        assertEquals(today().plusDays(730).toString(), receipt.path("lines").get(1).path("expiryDate").asText());
        assertEquals("admin", receipt.path("postedBy").asText());
        assertEquals(0, new BigDecimal("5.5").compareTo(onHand(ACID, WH, b, "AVAILABLE")));
        JsonNode rows = get("/stock?sku=" + ACID + "&warehouseCode=" + WH + "&lot=" + a).json();
        assertEquals(1, rows.path("total").asInt());
        assertEquals(today().plusDays(200).toString(), rows.path("items").get(0).path("expiryDate").asText());
        assertEquals(200, rows.path("items").get(0).path("daysToExpiry").asInt());
        assertEquals("硫酸 98% 工业级 1.84t/IBC", rows.path("items").get(0).path("productName").asText());
        // The ledger answers by document, product, lot, warehouse and date at once.
        assertEquals(3, ledgerSize("documentNumber=" + number));
        assertEquals(1, ledgerSize("documentNumber=" + number + "&sku=" + ACID + "&lot=" + a));
        assertEquals(3, ledgerSize("documentNumber=" + number + "&warehouseCode=" + WH + "&from=" + today() + "&to=" + today()));
        assertEquals(0, ledgerSize("documentNumber=" + number + "&to=" + today().minusDays(1)));
        assertEquals(number, get("/stock-documents/" + number).json().path("number").asText());
        assertEquals(1, get("/stock-documents?type=RECEIPT&q=" + number).json().path("total").asInt());
        assertLedgerMatchesStock(ACID);
        assertLedgerMatchesStock(SALT);
    }

    @Test
    public void badDocumentsAreRefusedNamingEachFieldAndNothingIsStored() {
        long before = ledgerSize("sku=" + ACID);
        List<String> fields = assertProblem(400, post("/stock-documents", map("type", "RECEIPT", "warehouseCode", WH, "lines", List.of(
                line(ACID, 1, null, null), line(SALT, 1, "L1", null), line(ACID, 0, "Z" + RUN, null),
                line(ACID, 1, "Y" + RUN, today().minusDays(1)), line("NOPE-" + RUN, 1, null, null))))).errorFields();
        assertEquals(List.of("lines[0].lot", "lines[1].lot", "lines[2].quantity", "lines[3].expiryDate", "lines[4].sku"), fields);
        assertEquals("reason", assertProblem(400, post("/stock-documents", doc("ADJUSTMENT", WH, null, line(SALT, 3, null, null))))
                .errorFields().get(0));
        assertEquals("toWarehouseCode", assertProblem(400, post("/stock-documents", doc("TRANSFER", WH, null, line(SALT, 1, null, null))))
                .errorFields().get(0));
        assertEquals("warehouseCode", assertProblem(400, post("/stock-documents", doc("RECEIPT", "NOPE-" + RUN, null,
                line(SALT, 1, null, null)))).errorFields().get(0));
        assertProblem(400, post("/stock-documents", map("type", "RECEIPT", "warehouseCode", WH, "lines", List.of())));
        assertProblem(400, post("/stock-documents", map("type", "LOAN", "warehouseCode", WH)));
        // A second expiry for a known lot, in a document whose other line is fine: nothing of it is booked.
        String lot = "E" + RUN;
        post("RECEIPT", WH, null, line(ACID, 1, lot, today().plusDays(100)));
        long after = ledgerSize("sku=" + ACID);
        assertEquals("lines[1].expiryDate", assertProblem(400, post("/stock-documents", doc("RECEIPT", WH, null,
                line(SALT, 1, null, null), line(ACID, 1, lot, today().plusDays(101))))).errorFields().get(0));
        assertEquals(before + 1, after);
        assertEquals(after, ledgerSize("sku=" + ACID));
        assertProblem(400, get("/stock?status=LOST"));
        assertProblem(400, get("/stock-movements?from=2026-13-01"));
        assertProblem(404, get("/stock-documents/SD-1999-000001"));
    }

    @Test
    public void issuesTransfersCountsAndExpiryListsFollowTheLots() {
        String sku = "IF-" + RUN;
        assertEquals(201, post("/products", map("sku", sku, "name", "过氧化氢(双氧水) 30% 25kg/桶", "unit", "桶", "listPrice", 85,
                "lotTracked", true, "shelfLifeDays", 180)).status());
        String soon = "S" + RUN;
        String late = "L" + RUN;
        post("RECEIPT", WH, null, line(sku, 20, late, today().plusDays(150)), line(sku, 8, soon, today().plusDays(10)));
        // No lot named: the soonest expiry goes first.
        JsonNode issue = post("ISSUE", WH, null, line(sku, 10, null, null));
        assertEquals(2, issue.path("movements").size());
        assertEquals(soon, issue.path("movements").get(0).path("lot").asText());
        assertEquals(-8, issue.path("movements").get(0).path("quantity").asInt());
        assertEquals(-2, issue.path("movements").get(1).path("quantity").asInt());
        // A transfer keeps the lot and its expiry.
        Reply transfer = post("/stock-documents", map("type", "TRANSFER", "warehouseCode", WH, "toWarehouseCode", WH2,
                "reference", "调拨单 2026-118", "lines", List.of(line(sku, 5, late, null))));
        assertEquals(transfer.body(), 201, transfer.status());
        assertEquals(0, new BigDecimal("13").compareTo(onHand(sku, WH, late, "AVAILABLE")));
        JsonNode moved = get("/stock?sku=" + sku + "&warehouseCode=" + WH2).json().path("items").get(0);
        assertEquals(today().plusDays(150).toString(), moved.path("expiryDate").asText());
        // A count books the difference to what was counted.
        JsonNode count = post("ADJUSTMENT", WH, "年终盘点：破损 1 桶", line(sku, 12, late, null));
        assertEquals(-1, count.path("lines").get(0).path("difference").asInt());
        assertEquals("年终盘点：破损 1 桶", count.path("movements").get(0).path("reason").asText());
        // Too much: 409 naming the line, nothing moves.
        long entries = ledgerSize("sku=" + sku);
        Reply refused = assertProblem(409, post("/stock-documents", doc("ISSUE", WH, null, line(sku, 1, late, null),
                line(sku, 12, null, null))));
        assertEquals("lines[1].quantity", refused.errorFields().get(0));
        assertTrue(refused.body(), refused.json().path("detail").asText().contains("12 wanted, 11 available"));
        assertEquals(entries, ledgerSize("sku=" + sku));
        // Which lots expire within 30 days: the one that has nothing left is not listed; the Suzhou stock expires later.
        post("RECEIPT", WH2, null, line(sku, 3, "X" + RUN, today().plusDays(20)));
        JsonNode expiring = get("/stock?sku=" + sku + "&expiringWithinDays=30").json();
        assertEquals(1, expiring.path("total").asInt());
        assertEquals("X" + RUN, expiring.path("items").get(0).path("lot").asText());
        assertEquals(3, get("/stock?sku=" + sku + "&expiringWithinDays=160").json().path("total").asInt());
        assertLedgerMatchesStock(sku);
    }

    @Test
    public void shippingIssuesStockFirstExpiryFirstAndARefusedShipmentChangesNothing() {
        String sku = "IP-" + RUN;
        assertEquals(201, post("/products", map("sku", sku, "name", "氢氧化钠(片碱) 99% 25kg/袋", "unit", "袋", "listPrice", 120,
                "lotTracked", true, "shelfLifeDays", 730)).status());
        post("RECEIPT", WH, null, line(sku, 30, "P2" + RUN, today().plusDays(400)), line(sku, 10, "P1" + RUN, today().plusDays(60)));
        JsonNode o = order(CUSTOMER, WH, map("sku", sku, "quantity", 15));
        String number = o.path("number").asText();
        Reply shipped = post("/sales-orders/" + number + "/ship", map("comment", "危险品专车"));
        assertEquals(shipped.body(), 200, shipped.status());
        JsonNode moves = get("/stock-movements?documentNumber=" + number).json();
        assertEquals(2, moves.path("total").asInt());
        JsonNode first = moves.path("items").get(1); // newest first: the first entry is last
        assertEquals("SHIPMENT", first.path("documentType").asText());
        assertEquals("P1" + RUN, first.path("lot").asText());
        assertEquals(CUSTOMER, first.path("partnerCode").asText());
        assertEquals(0, new BigDecimal("25").compareTo(onHand(sku, WH, "P2" + RUN, "AVAILABLE")));
        // 26 > 25: the shipment is refused, the order stays confirmed, no stock and no history move.
        JsonNode big = order(CUSTOMER, WH, map("sku", sku, "quantity", 26));
        String bigNumber = big.path("number").asText();
        Reply refused = assertProblem(409, post("/sales-orders/" + bigNumber + "/ship", map()));
        assertEquals("lines[0].quantity", refused.errorFields().get(0));
        JsonNode after = get("/sales-orders/" + bigNumber).json();
        assertEquals("CONFIRMED", after.path("status").asText());
        assertEquals(big.path("version").asLong(), after.path("version").asLong());
        assertEquals(big.path("history").size(), after.path("history").size());
        assertEquals(0, ledgerSize("documentNumber=" + bigNumber));
        // An order without a warehouse ships from the default one; an unknown warehouse is refused when the order is saved,
        // one deactivated since when it ships.
        post("RECEIPT", WH2, null, line(SALT, 5, null, null));
        JsonNode wh2 = get("/warehouses/" + WH2).json();
        assertEquals(200, put("/warehouses/" + WH2, map("name", wh2.path("name").asText(), "defaultWarehouse", true,
                "version", wh2.path("version").asLong())).status());
        String anywhere = order(CUSTOMER, null, map("sku", SALT, "quantity", 2)).path("number").asText();
        assertEquals(200, post("/sales-orders/" + anywhere + "/ship", map()).status());
        assertEquals(WH2, get("/stock-movements?documentNumber=" + anywhere).json().path("items").get(0).path("warehouseCode").asText());
        assertEquals("warehouseCode", assertProblem(400, post("/sales-orders", map("type", "ORDER", "customerCode", CUSTOMER,
                "warehouseCode", "NOWH-" + RUN, "lines", List.of(map("sku", SALT, "quantity", 1))))).errorFields().get(0));
        String closing = "IWC-" + RUN;
        assertEquals(201, post("/warehouses", map("code", closing, "name", "即将停用的仓库 " + RUN)).status());
        JsonNode stranded = order(CUSTOMER, closing, map("sku", SALT, "quantity", 1));
        assertEquals(200, put("/warehouses/" + closing, map("name", "即将停用的仓库 " + RUN, "active", false, "version",
                get("/warehouses/" + closing).json().path("version").asLong())).status());
        assertEquals("warehouseCode", assertProblem(409, post("/sales-orders/" + stranded.path("number").asText() + "/ship", map()))
                .errorFields().get(0));
        assertLedgerMatchesStock(sku);
    }

    @Test
    public void returnsGoToQuarantineAreReleasedOrScrappedAndSuspectLotsAreFlagged() throws Exception {
        String sku = "IR-" + RUN;
        assertEquals(201, post("/products", map("sku", sku, "name", "盐酸 31% 工业级 25kg/桶", "unit", "桶", "listPrice", 35,
                "lotTracked", true, "shelfLifeDays", 365)).status());
        String shippedLot = "R1" + RUN;
        String expiredLot = "R0" + RUN;
        post("RECEIPT", WH, null, line(sku, 20, shippedLot, today().plusDays(300)));
        // A lot found at a count, already past its expiry (a count may book such goods; a receipt may not).
        post("ADJUSTMENT", WH, "盘点发现过期旧批次", line(sku, 2, expiredLot, today().minusDays(3)));
        String so = order(CUSTOMER, WH, map("sku", sku, "quantity", 10, "lot", shippedLot)).path("number").asText();
        assertEquals(200, post("/sales-orders/" + so + "/ship", map()).status());

        // One shipped lot, one expired lot never shipped to this customer, one line without a lot; plus an exchange line.
        Reply created = post("/sales-orders", map("type", "RETURN", "customerCode", CUSTOMER, "warehouseCode", WH, "sourceOrderNumber", so,
                "lines", List.of(map("sku", sku, "quantity", -4, "lot", shippedLot, "reasonCode", "QUALITY"),
                        map("sku", sku, "quantity", -1, "lot", expiredLot, "reasonCode", "EXPIRED"),
                        map("sku", sku, "quantity", -1, "reasonCode", "DAMAGED"),
                        map("sku", sku, "quantity", 4, "direction", "SHIP"),
                        map("sku", sku, "quantity", -1, "lot", "RN" + RUN, "reasonCode", "OTHER"))));
        assertEquals(created.body(), 201, created.status());
        String ro = created.json().path("number").asText();
        JsonNode warnings = get("/sales-orders/" + ro).json().path("warnings");
        List<String> found = new ArrayList<>();
        warnings.forEach(w -> found.add(w.path("field").asText() + " " + w.path("code").asText()));
        assertEquals(List.of("lines[1].lot LOT_NOT_SHIPPED_TO_CUSTOMER", "lines[1].lot LOT_EXPIRED", "lines[2].lot LOT_MISSING",
                "lines[4].lot LOT_NOT_SHIPPED_TO_CUSTOMER"), found);
        // The same lot returned by a customer it never went to is flagged too.
        Reply foreign = post("/sales-orders", map("type", "RETURN", "customerCode", OTHER_CUSTOMER, "warehouseCode", WH, "lines",
                List.of(map("sku", sku, "quantity", -1, "lot", shippedLot, "reasonCode", "OTHER"))));
        assertEquals("LOT_NOT_SHIPPED_TO_CUSTOMER", foreign.json().path("warnings").get(0).path("code").asText());
        // Warnings inform the approver; they block nothing.
        assertEquals(200, post("/sales-orders/" + ro + "/submit", map()).status());
        String approved = shell("admin", adminPassword, "titrate:return-approve " + ro + " 质检部复核");
        assertTrue(approved, approved.contains("LOT_EXPIRED"));
        Reply received = post("/sales-orders/" + ro + "/receive", map("comment", "已入隔离区"));
        assertEquals(received.body(), 200, received.status());
        assertEquals(0, new BigDecimal("4").compareTo(onHand(sku, WH, shippedLot, "QUARANTINE")));
        assertEquals(0, BigDecimal.ONE.compareTo(onHand(sku, WH, expiredLot, "QUARANTINE")));
        assertEquals(0, BigDecimal.ONE.compareTo(onHand(sku, WH, null, "QUARANTINE")));
        // The exchange line left the shelf: 20 - 10 shipped - 4 exchanged.
        assertEquals(0, new BigDecimal("6").compareTo(onHand(sku, WH, shippedLot, "AVAILABLE")));
        JsonNode receipt = get("/stock-movements?documentNumber=" + ro + "&status=QUARANTINE&lot=" + shippedLot).json().path("items").get(0);
        assertEquals("RETURN_RECEIPT", receipt.path("documentType").asText());
        assertEquals("QUALITY", receipt.path("reason").asText());
        // A lot first met in a return has no expiry date until someone knows it; the next receipt of it dates every row.
        JsonNode unknownLot = get("/stock?sku=" + sku + "&lot=RN" + RUN).json().path("items").get(0);
        assertTrue(unknownLot.toString(), unknownLot.path("expiryDate").isNull());
        post("RECEIPT", WH2, null, line(sku, 2, "RN" + RUN, today().plusDays(90)));
        get("/stock?sku=" + sku + "&lot=RN" + RUN).json().path("items")
                .forEach(r -> assertEquals(r.toString(), today().plusDays(90).toString(), r.path("expiryDate").asText()));

        // Inspection: part released back to the shelf, the rest scrapped; who and why are in the ledger.
        String inspector = "qc-" + RUN.toLowerCase();
        String inspectorPw = createUser(inspector, "warehouse");
        Reply release = http("POST", "/stock-documents", inspector, inspectorPw, doc("RELEASE", WH, "质检合格，外观完好",
                line(sku, 3, shippedLot, null)), Map.of());
        assertEquals(release.body(), 201, release.status());
        assertProblem(409, post("/stock-documents", doc("SCRAP", WH, "超出隔离数量", line(sku, 2, shippedLot, null))));
        JsonNode scrap = post("SCRAP", WH, "过期，交有资质单位处置", line(sku, 1, shippedLot, null), line(sku, 1, expiredLot, null),
                line(sku, 1, null, null));
        assertEquals(3, scrap.path("movements").size());
        assertEquals(0, new BigDecimal("9").compareTo(onHand(sku, WH, shippedLot, "AVAILABLE")));
        assertEquals(0, BigDecimal.ZERO.compareTo(onHand(sku, WH, shippedLot, "QUARANTINE")));
        JsonNode released = get("/stock-movements?documentNumber=" + release.json().path("number").asText()).json().path("items");
        assertEquals(2, released.size());
        released.forEach(m -> {
            assertEquals(inspector, m.path("postedBy").asText());
            assertEquals("质检合格，外观完好", m.path("reason").asText());
        });
        // A suspect lot on the shelf is put on hold: it names the lot, and moves to quarantine with the reason.
        assertEquals("lines[0].lot", assertProblem(400, post("/stock-documents", doc("HOLD", WH, "客户投诉", line(sku, 1, null, null))))
                .errorFields().get(0));
        post("HOLD", WH, "客户投诉同批次结块，待复检", line(sku, 2, shippedLot, null));
        assertEquals(0, new BigDecimal("7").compareTo(onHand(sku, WH, shippedLot, "AVAILABLE")));
        assertEquals(0, new BigDecimal("2").compareTo(onHand(sku, WH, shippedLot, "QUARANTINE")));
        assertLedgerMatchesStock(sku);
    }

    @Test
    public void ofTenConcurrentShipmentsOfTenFromFiftyUnitsExactlyFiveSucceed() throws Exception {
        String sku = "IX-" + RUN;
        assertEquals(201, post("/products", map("sku", sku, "name", "甲苯 99.5% 180kg/桶", "unit", "桶", "listPrice", 1260,
                "lotTracked", true, "shelfLifeDays", 1095)).status());
        post("RECEIPT", WH, null, line(sku, 50, "C" + RUN, today().plusDays(900)));
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            orders.add(order(i % 2 == 0 ? CUSTOMER : OTHER_CUSTOMER, WH, map("sku", sku, "quantity", 10)).path("number").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> results = new ArrayList<>();
        try {
            for (String number : orders) {
                results.add(pool.submit((Callable<Reply>) () -> {
                    start.await();
                    return post("/sales-orders/" + number + "/ship", map());
                }));
            }
            start.countDown();
            int ok = 0;
            List<String> refused = new ArrayList<>();
            for (Future<Reply> f : results) {
                Reply r = f.get();
                if (r.status() == 200) {
                    ok++;
                } else if (r.status() == 409 && r.body().contains("not enough stock")) {
                    refused.add(r.body());
                } else {
                    fail("unexpected answer " + r.status() + " " + r.body());
                }
            }
            assertEquals(refused.toString(), 5, ok);
            assertEquals(5, refused.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, BigDecimal.ZERO.compareTo(onHand(sku, WH, "C" + RUN, "AVAILABLE")));
        int shipped = 0;
        for (String number : orders) {
            String status = get("/sales-orders/" + number).json().path("status").asText();
            long moves = ledgerSize("documentNumber=" + number);
            assertEquals(number, "SHIPPED".equals(status) ? 1 : 0, moves);
            shipped += "SHIPPED".equals(status) ? 1 : 0;
        }
        assertEquals(5, shipped);
        assertLedgerMatchesStock(sku);
    }

    @Test
    public void postingsOfOverlappingProductsRunTogetherWithoutDeadlockOrDrift() throws Exception {
        List<String> skus = new ArrayList<>();
        for (String p : List.of("X", "Y", "Z")) {
            String sku = "IM" + p + "-" + RUN;
            assertEquals(201, post("/products", map("sku", sku, "name", "异丙醇 99.9% 160kg/桶 " + p, "unit", "桶", "listPrice", 1380))
                    .status());
            skus.add(sku);
        }
        post("RECEIPT", WH, null, line(skus.get(0), 100, null, null), line(skus.get(1), 100, null, null), line(skus.get(2), 100, null, null));
        // Orders and issues that take the same products in every order, crosswise: A+B, B+C, C+A, and the reverse.
        List<Callable<Reply>> work = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String first = skus.get(i % 3);
            String second = skus.get((i + 1) % 3);
            if (i % 2 == 0) {
                String number = order(CUSTOMER, WH, map("sku", first, "quantity", 5), map("sku", second, "quantity", 5))
                        .path("number").asText();
                work.add(() -> post("/sales-orders/" + number + "/ship", map()));
            } else {
                Map<String, Object> issue = doc("ISSUE", WH, null, line(second, 5, null, null), line(first, 5, null, null));
                work.add(() -> post("/stock-documents", issue));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> results = new ArrayList<>();
        try {
            for (Callable<Reply> w : work) {
                results.add(pool.submit(() -> {
                    start.await();
                    return w.call();
                }));
            }
            start.countDown();
            for (Future<Reply> f : results) {
                Reply r = f.get();
                assertTrue("every posting goes through: " + r.body(), r.status() == 200 || r.status() == 201);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String sku : skus) {
            assertEquals(sku, 0, new BigDecimal("60").compareTo(onHand(sku, WH, null, "AVAILABLE")));
            assertLedgerMatchesStock(sku);
        }
    }

    @Test
    public void soapTheShellAndRolesShowStock() throws Exception {
        String lot = "Q" + RUN;
        post("RECEIPT", WH2, null, line(ACID, 7, lot, today().plusDays(500)));
        Dispatch<Source> d = soapClient("InventoryService", NS, "admin", adminPassword);
        String answer = soapCall(d, "<i:getStock xmlns:i='" + NS + "'><sku>" + ACID + "</sku><warehouseCode>" + WH2
                + "</warehouseCode></i:getStock>");
        assertTrue(answer, answer.contains("<lot>" + lot + "</lot>") && answer.contains("<status>AVAILABLE</status>")
                && answer.contains("<expiryDate>" + today().plusDays(500) + "</expiryDate>") && answer.contains("硫酸 98%"));
        try {
            soapCall(d, "<i:getStock xmlns:i='" + NS + "'><warehouseCode>" + WH2 + "</warehouseCode></i:getStock>");
            fail("a missing sku must be a fault");
        } catch (SOAPFaultException e) {
            String detail = e.getFault().getDetail() == null ? "" : e.getFault().getDetail().getTextContent();
            assertTrue(detail, detail.contains("sku"));
        }
        String viewer = "inv-viewer-" + RUN.toLowerCase();
        String viewerPw = createUser(viewer, "viewer");
        String shown = shell(viewer, viewerPw, "titrate:stock --warehouse " + WH2 + " " + ACID);
        assertTrue(shown, shown.contains(lot) && shown.contains("AVAILABLE") && shown.contains("硫酸 98%"));
        assertProblem(403, http("POST", "/stock-documents", viewer, viewerPw, doc("RECEIPT", WH2, null, line(SALT, 1, null, null)),
                Map.of()));
        assertProblem(403, http("POST", "/warehouses", viewer, viewerPw, map("code", "V-" + RUN, "name", "x"), Map.of()));
        String sales = "inv-sales-" + RUN.toLowerCase();
        String salesPw = createUser(sales, "sales");
        assertEquals(200, http("GET", "/stock?sku=" + ACID, sales, salesPw, null, Map.of()).status());
        assertProblem(403, http("POST", "/stock-documents", sales, salesPw, doc("RECEIPT", WH2, null, line(SALT, 1, null, null)),
                Map.of()));
    }
}
