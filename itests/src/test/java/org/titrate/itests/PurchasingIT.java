package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
 * Purchasing: suppliers, purchase orders whose receipt puts lots into stock and raises what we owe,
 * returns to suppliers that take goods out (quarantined lots first) and lower it, supplier payments
 * and refunds with the same guard as customers' refunds.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PurchasingIT extends TitrateTestSupport {
    private static final String WH = "PW-" + RUN;
    /** Lot-tracked, one year's shelf life. */
    private static final String LOTTED = "PL-" + RUN;
    private static final String PLAIN = "PS-" + RUN;
    private static int suppliers;

    @Before
    public void masterData() {
        if (get("/products/" + LOTTED).status() == 200) {
            return;
        }
        assertEquals(201, post("/warehouses", map("code", WH, "name", "天津南港工业区危化品库 " + RUN)).status());
        assertEquals(201, post("/products", map("sku", LOTTED, "name", "过氧化氢 27.5% 工业级 25kg/桶", "unit", "桶", "casNumber", "7722-84-1",
                "unNumber", "UN2014", "hazardClass", "5.1", "listPrice", 30, "lotTracked", true, "shelfLifeDays", 365)).status());
        assertEquals(201, post("/products", map("sku", PLAIN, "name", "工业盐 99% 50kg/袋", "unit", "袋", "casNumber", "7647-14-5",
                "listPrice", 8, "lotTracked", false)).status());
    }

    // ---- helpers ----

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private String supplier(int paymentTermDays) {
        String code = "PS" + (++suppliers) + "-" + RUN;
        Reply r = post("/suppliers", map("code", code, "name", "山东华鲁恒升化工股份有限公司 " + code, "contactName", "刘经理",
                "phone", "0534-2465426", "paymentTermDays", paymentTermDays));
        assertEquals(r.body(), 201, r.status());
        return code;
    }

    private JsonNode act(String number, String action, Object body) {
        Reply r = post("/purchase-orders/" + number + "/" + action, body == null ? map() : body);
        assertEquals(r.body(), 200, r.status());
        return r.json();
    }

    private static Map<String, Object> line(String sku, Object quantity, Object unitPrice, String lot) {
        Map<String, Object> l = map("sku", sku, "quantity", quantity, "unitPrice", unitPrice);
        if (lot != null) {
            l.put("lot", lot);
        }
        return l;
    }

    private Reply create(String type, String supplier, Object... lines) {
        return post("/purchase-orders", map("type", type, "supplierCode", supplier, "warehouseCode", WH, "lines", List.of(lines)));
    }

    private String confirmed(String type, String supplier, Object... lines) {
        Reply r = create(type, supplier, lines);
        assertEquals(r.body(), 201, r.status());
        String number = r.json().path("number").asText();
        act(number, "confirm", null);
        return number;
    }

    private BigDecimal onHand(String sku, String lot, String status) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode row : get("/stock?sku=" + sku + "&warehouseCode=" + WH).json().path("items")) {
            if ((lot == null || lot.equals(row.path("lot").asText())) && status.equals(row.path("status").asText())) {
                sum = sum.add(new BigDecimal(row.path("quantity").asText()));
            }
        }
        return sum;
    }

    private static void assertAmount(String expected, JsonNode actual) {
        assertEquals(actual.toString(), 0, new BigDecimal(expected).compareTo(new BigDecimal(actual.asText())));
    }

    /** What we owe the supplier is {@code expected}: the balance, the sum of its postings and the sum of what is open. */
    private void assertPayable(String supplier, String expected) {
        JsonNode account = get("/payables/" + supplier).json();
        assertAmount(expected, account.path("balances").get(0).path("balance"));
        BigDecimal postings = BigDecimal.ZERO;
        for (JsonNode p : get("/finance-postings?partyType=SUPPLIER&partyCode=" + supplier).json().path("items")) {
            postings = postings.add(new BigDecimal(p.path("amount").asText()));
        }
        BigDecimal open = BigDecimal.ZERO;
        for (JsonNode i : account.path("openItems")) {
            open = open.add(new BigDecimal(i.path("openAmount").asText()));
        }
        assertEquals(0, new BigDecimal(expected).compareTo(postings));
        assertEquals(0, new BigDecimal(expected).compareTo(open));
    }

    // ---- tests ----

    @Test
    public void suppliersAreKeptByPurchasingAndReadByEveryone() {
        String code = supplier(45);
        JsonNode s = get("/suppliers/" + code).json();
        assertEquals("山东华鲁恒升化工股份有限公司 " + code, s.path("name").asText());
        assertEquals(45, s.path("paymentTermDays").asInt());
        assertTrue(s.path("active").asBoolean());
        assertProblem(409, post("/suppliers", map("code", code, "name", "again")));
        List<String> fields = assertProblem(400, post("/suppliers", map("code", "bad code!", "email", "nope", "paymentTermDays", 900)))
                .errorFields();
        assertTrue(fields.toString(), fields.containsAll(List.of("code", "name", "email", "paymentTermDays")));
        assertEquals("version", assertProblem(409, put("/suppliers/" + code, map("name", "x", "version", s.path("version").asLong() + 3)))
                .errorFields().get(0));
        Reply renamed = put("/suppliers/" + code, map("name", "华鲁恒升(德州)", "paymentTermDays", 60, "version", s.path("version").asLong()));
        assertEquals(renamed.body(), 200, renamed.status());
        assertEquals(1, get("/suppliers?q=" + code.toLowerCase()).json().path("total").asInt());
        // Put away, and a later PUT that leaves the flag and the terms out keeps both.
        JsonNode inactive = put("/suppliers/" + code, map("name", "华鲁恒升(德州)", "active", false, "version", renamed.json().path("version")
                .asLong())).json();
        JsonNode kept = put("/suppliers/" + code, map("name", "华鲁恒升", "version", inactive.path("version").asLong())).json();
        assertEquals(kept.toString(), false, kept.path("active").asBoolean());
        assertEquals(60, kept.path("paymentTermDays").asInt());
        assertEquals("supplierCode", assertProblem(400, create("ORDER", code, line(PLAIN, 1, 1, null))).errorFields().get(0));
        assertProblem(404, get("/suppliers/NOPE-" + RUN));

        String buyer = "pbuy-" + RUN.toLowerCase();
        String buyerPassword = createUser(buyer, "purchasing");
        String seller = "psell-" + RUN.toLowerCase();
        String sellerPassword = createUser(seller, "sales");
        assertEquals(201, http("POST", "/suppliers", buyer, buyerPassword, map("code", "PB-" + RUN, "name", "浙江龙盛集团股份有限公司"), Map.of())
                .status());
        assertProblem(403, http("POST", "/suppliers", seller, sellerPassword, map("code", "PX-" + RUN, "name", "x"), Map.of()));
        assertEquals(200, http("GET", "/suppliers/" + code, seller, sellerPassword, null, Map.of()).status());
    }

    @Test
    public void receiptsPutLotsIntoStockAndRaiseWhatWeOweReturnsTakeThemOutAndLowerIt() throws Exception {
        String sup = supplier(45);
        String lot = "HL" + RUN;
        String po = confirmed("ORDER", sup, line(LOTTED, 100, new BigDecimal("12.50"), null), line(PLAIN, 50, new BigDecimal("3.20"), null));
        // A lot-tracked line needs the supplier's lot by the time the goods arrive.
        Reply noLot = assertProblem(400, post("/purchase-orders/" + po + "/receive", map()));
        assertEquals("lines[0].lot", noLot.errorFields().get(0));
        assertEquals("lots[0].lineNo", assertProblem(400, post("/purchase-orders/" + po + "/receive",
                map("lots", List.of(map("lineNo", 7, "lot", lot))))).errorFields().get(0));
        assertEquals("CONFIRMED", get("/purchase-orders/" + po).json().path("status").asText());

        JsonNode received = act(po, "receive", map("comment", "到货验收合格,数量无误", "lots",
                List.of(map("lineNo", 1, "lot", lot, "expiryDate", today().plusDays(300).toString()))));
        assertEquals("RECEIVED", received.path("status").asText());
        assertEquals(lot, received.path("lines").get(0).path("lot").asText());
        assertEquals("到货验收合格,数量无误", received.path("history").get(2).path("comment").asText());
        assertAmount("1410.00", received.path("totalAmount"));
        assertAmount("1410.00", received.path("outstandingAmount"));
        assertEquals(0, new BigDecimal("100").compareTo(onHand(LOTTED, lot, "AVAILABLE")));
        assertEquals(0, new BigDecimal("50").compareTo(onHand(PLAIN, null, "AVAILABLE")));
        JsonNode entry = get("/stock-movements?documentNumber=" + po + "&sku=" + LOTTED).json().path("items").get(0);
        assertEquals("PURCHASE_RECEIPT", entry.path("documentType").asText());
        assertEquals(sup, entry.path("partnerCode").asText());
        assertEquals(today().plusDays(300).toString(), entry.path("expiryDate").asText());
        JsonNode bill = get("/payables?supplierCode=" + sup).json().path("items").get(0);
        assertEquals("BILL", bill.path("type").asText());
        assertEquals(today().plusDays(45).toString(), bill.path("dueDate").asText());
        assertPayable(sup, "1410.00");
        assertProblem(409, post("/purchase-orders/" + po + "/receive", map()));

        // Paying part of it, naming the order.
        Reply paid = post("/supplier-payments", map("supplierCode", sup, "amount", 1000, "method", "BANK_ACCEPTANCE",
                "purchaseOrderNumber", po, "reference", "银承 2026-0088"));
        assertEquals(paid.body(), 201, paid.status());
        assertEquals(po, paid.json().path("allocations").get(0).path("documentNumber").asText());
        assertAmount("410.00", get("/purchase-orders/" + po).json().path("outstandingAmount"));
        // Legacy finance systems match supplier invoices against what was received, over SOAP.
        Dispatch<Source> soap = soapClient("PurchasingService", "urn:titrate:purchasing", "admin", adminPassword);
        String got = soapCall(soap, "<p:getPurchaseOrder xmlns:p='urn:titrate:purchasing'><number>" + po + "</number></p:getPurchaseOrder>");
        assertTrue(got, got.contains("<lot>" + lot + "</lot>") && got.contains("<outstandingAmount>410.00</outstandingAmount>")
                && got.contains("<status>RECEIVED</status>"));
        String supplierXml = soapCall(soap, "<p:getSupplier xmlns:p='urn:titrate:purchasing'><code>" + sup + "</code></p:getSupplier>");
        assertTrue(supplierXml, supplierXml.contains("山东华鲁恒升化工股份有限公司"));
        try {
            soapCall(soap, "<p:getSupplier xmlns:p='urn:titrate:purchasing'><code>NOPE-" + RUN + "</code></p:getSupplier>");
            throw new AssertionError("an unknown supplier was found");
        } catch (SOAPFaultException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("NOPE-" + RUN));
        }

        // Ten drums go back from available stock; of eight more, the five rejected ones waiting in quarantine go first.
        Reply draft = post("/purchase-orders/" + po + "/returns", map("comment", "部分桶体泄漏"));
        assertEquals(draft.body(), 201, draft.status());
        JsonNode ret = draft.json();
        assertEquals("RETURN", ret.path("type").asText());
        assertEquals(po, ret.path("sourceOrderNumber").asText());
        assertEquals(-100, ret.path("lines").get(0).path("quantity").asInt());
        assertEquals(lot, ret.path("lines").get(0).path("lot").asText());
        Reply edited = put("/purchase-orders/" + ret.path("number").asText(), map("type", "RETURN", "supplierCode", sup, "warehouseCode", WH,
                "sourceOrderNumber", po, "version", ret.path("version").asLong(), "lines",
                List.of(line(LOTTED, -10, new BigDecimal("12.50"), lot))));
        assertEquals(edited.body(), 200, edited.status());
        String rn = ret.path("number").asText();
        act(rn, "confirm", null);
        JsonNode shipped = act(rn, "ship", map("comment", "退回供应商,物流单号 SF90021"));
        assertEquals("SHIPPED", shipped.path("status").asText());
        assertEquals(0, new BigDecimal("90").compareTo(onHand(LOTTED, lot, "AVAILABLE")));
        // The debit note settles the order it came from first.
        assertAmount("285.00", get("/purchase-orders/" + po).json().path("outstandingAmount"));
        assertPayable(sup, "285.00");

        Reply hold = post("/stock-documents", map("type", "HOLD", "warehouseCode", WH, "reason", "桶体渗漏,待退供应商",
                "lines", List.of(map("sku", LOTTED, "quantity", 5, "lot", lot))));
        assertEquals(hold.body(), 201, hold.status());
        String rn2 = confirmed("RETURN", sup, line(LOTTED, -8, new BigDecimal("12.50"), lot));
        act(rn2, "ship", null);
        assertEquals(0, onHand(LOTTED, lot, "QUARANTINE").signum());
        assertEquals(0, new BigDecimal("82").compareTo(onHand(LOTTED, lot, "AVAILABLE")));
        assertEquals("PURCHASE_RETURN", get("/stock-movements?documentNumber=" + rn2).json().path("items").get(0).path("documentType").asText());
        assertEquals(2, get("/stock-movements?documentNumber=" + rn2).json().path("total").asInt());
        assertPayable(sup, "185.00");

        // Paying more than we owe leaves a credit with the supplier; they refund it, not a cent more.
        assertEquals(201, post("/supplier-payments", map("supplierCode", sup, "amount", new BigDecimal("200.00"), "method", "BANK_TRANSFER"))
                .status());
        assertPayable(sup, "-15.00");
        assertEquals("amount", assertProblem(409, post("/supplier-refunds", map("supplierCode", sup, "amount", 16, "method", "BANK_TRANSFER")))
                .errorFields().get(0));
        assertEquals(201, post("/supplier-refunds", map("supplierCode", sup, "amount", 15, "method", "BANK_TRANSFER")).status());
        assertPayable(sup, "0");

        // The registers and the purchase lists, with their date filters.
        String day = today().toString();
        assertEquals(2, get("/supplier-payments?supplierCode=" + sup + "&from=" + day + "&to=" + day).json().path("total").asInt());
        assertEquals(1, get("/supplier-refunds?supplierCode=" + sup).json().path("total").asInt());
        JsonNode returns = get("/purchase-orders?type=RETURN&supplierCode=" + sup + "&from=" + day + "&to=" + day).json();
        assertEquals(2, returns.path("total").asInt());
        assertAmount("-225.00", returns.path("returnedAmount"));
        JsonNode receipts = get("/purchase-orders?type=ORDER&status=RECEIVED&supplierCode=" + sup).json();
        assertAmount("1410.00", receipts.path("netAmount"));
        assertEquals(0, get("/purchase-orders?supplierCode=" + sup + "&to=" + today().minusDays(1)).json().path("total").asInt());
    }

    @Test
    public void aReturnNeverShipsMoreThanIsOnHandAndNothingIsBooked() {
        String sup = supplier(0);
        String rn = confirmed("RETURN", sup, line(PLAIN, -100000, 1, null));
        Reply refused = assertProblem(409, post("/purchase-orders/" + rn + "/ship", map()));
        assertEquals("lines[0].quantity", refused.errorFields().get(0));
        JsonNode after = get("/purchase-orders/" + rn).json();
        assertEquals("CONFIRMED", after.path("status").asText());
        assertEquals(2, after.path("history").size());
        assertEquals(0, get("/stock-movements?documentNumber=" + rn).json().path("total").asInt());
        assertEquals(0, get("/finance-postings?documentNumber=" + rn).json().path("total").asInt());
        act(rn, "cancel", map("comment", "供应商不接受退货"));
        assertProblem(409, post("/purchase-orders/" + rn + "/ship", map()));
    }

    @Test
    public void badPurchaseDocumentsAreRefusedNamingTheField() {
        String sup = supplier(0);
        assertEquals("lines[0].direction", assertProblem(400, create("ORDER", sup, map("sku", PLAIN, "direction", "RETURN", "quantity", -1,
                "unitPrice", 1))).errorFields().get(0));
        assertEquals("lines[0].quantity", assertProblem(400, create("ORDER", sup, line(PLAIN, -3, 1, null))).errorFields().get(0));
        assertEquals("lines[0].quantity", assertProblem(400, create("RETURN", sup, line(PLAIN, 3, 1, null))).errorFields().get(0));
        assertEquals("supplierCode", assertProblem(400, create("ORDER", "NOPE-" + RUN, line(PLAIN, 3, 1, null))).errorFields().get(0));
        assertEquals("lines[0].sku", assertProblem(400, create("ORDER", sup, line("NOPE-" + RUN, 3, 1, null))).errorFields().get(0));
        assertEquals("lines[0].lot", assertProblem(400, create("ORDER", sup, line(PLAIN, 3, 1, "L1"))).errorFields().get(0));
        assertEquals("lines[0].unitPrice", assertProblem(400, create("ORDER", sup, map("sku", PLAIN, "quantity", 3))).errorFields().get(0));
        assertEquals("lines", assertProblem(400, create("ORDER", sup)).errorFields().get(0));
        assertEquals("lines[0].quantity", assertProblem(400, create("ORDER", sup, line(PLAIN, new BigDecimal("9999999999"),
                new BigDecimal("999999"), null))).errorFields().get(0));
        List<String> fields = assertProblem(400, post("/purchase-orders", map("lines", List.of()))).errorFields();
        assertTrue(fields.toString(), fields.containsAll(List.of("type", "supplierCode", "lines")));
        // Only drafts are edited; a confirmed order is cancelled, never changed.
        String po = confirmed("ORDER", sup, line(PLAIN, 3, 1, null));
        assertProblem(409, put("/purchase-orders/" + po, map("type", "ORDER", "supplierCode", sup, "version", 2,
                "lines", List.of(line(PLAIN, 4, 1, null)))));
        Reply wrongStep = assertProblem(409, post("/purchase-orders/" + po + "/ship", map()));
        assertTrue(wrongStep.body(), wrongStep.json().path("detail").asText().contains("RECEIVE"));
        assertEquals(1, get("/purchase-orders?supplierCode=" + sup).json().path("total").asInt());
    }
}
