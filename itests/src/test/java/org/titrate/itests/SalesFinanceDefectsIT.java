package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
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
 * Issue 11, items 4, 5, 6, 8, 9 and 11: defects in sales and finance that left no invariant broken but
 * data wrong or answers misleading, each reproduced over HTTP against the real distribution.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SalesFinanceDefectsIT extends TitrateTestSupport {
    /** Lets shipments run ahead of stock: these tests are about documents and money. */
    private static final String WH = "DW-" + RUN;
    private static final String PRODUCT = "DP-" + RUN;
    private static int parties;

    @Before
    public void masterData() {
        if (get("/products/" + PRODUCT).status() == 200) {
            return;
        }
        ensureWarehouse(WH, "上海化学工业区仓库 " + RUN, true, false);
        assertEquals(201, post("/products", map("sku", PRODUCT, "name", "氢氧化钠 片碱 99% 25kg/袋", "unit", "袋", "casNumber", "1310-73-2",
                "unNumber", "UN1823", "hazardClass", "8", "listPrice", 100)).status());
    }

    // ---- helpers ----

    private String customer() {
        String code = "DC" + (++parties) + "-" + RUN;
        Reply r = post("/customers", map("code", code, "name", "宁波金海晨光化学股份有限公司 " + code, "status", "ACTIVE",
                "channel", "WHOLESALE", "paymentTermDays", 30));
        assertEquals(r.body(), 201, r.status());
        return code;
    }

    private String supplier() {
        String code = "DS" + (++parties) + "-" + RUN;
        Reply r = post("/suppliers", map("code", code, "name", "浙江龙盛集团股份有限公司 " + code, "paymentTermDays", 30));
        assertEquals(r.body(), 201, r.status());
        return code;
    }

    /** A draft sales or purchase order of one line of the product; null currency and price take the defaults. */
    private String document(String path, String partyField, String party, int quantity, String currency, BigDecimal unitPrice) {
        return created(post(path, map("type", "ORDER", partyField, party, "warehouseCode", WH, "currency", currency,
                "lines", List.of(map("sku", PRODUCT, "quantity", quantity, "unitPrice", unitPrice)))));
    }

    private String draft(String customer, int quantity, String currency, BigDecimal unitPrice) {
        return document("/sales-orders", "customerCode", customer, quantity, currency, unitPrice);
    }

    private String shipped(String customer, int quantity, String currency, BigDecimal unitPrice) {
        String number = draft(customer, quantity, currency, unitPrice);
        act("/sales-orders/", number, "confirm");
        act("/sales-orders/", number, "ship");
        return number;
    }

    private String received(String supplier, int quantity, String currency, BigDecimal unitPrice) {
        String number = document("/purchase-orders", "supplierCode", supplier, quantity, currency, unitPrice);
        act("/purchase-orders/", number, "confirm");
        act("/purchase-orders/", number, "receive");
        return number;
    }

    private JsonNode act(String path, String number, String action) {
        Reply r = post(path + number + "/" + action, map());
        assertEquals(r.body(), 200, r.status());
        return r.json();
    }

    /** A receipt, refund, supplier payment or supplier refund; a null order number names none. */
    private Reply money(String path, String partyField, String party, Object amount, String orderField, String orderNumber) {
        return post(path, map(partyField, party, "amount", amount, "method", "BANK_TRANSFER", orderField, orderNumber));
    }

    private String created(Reply r) {
        assertEquals(r.body(), 201, r.status());
        return r.json().path("number").asText();
    }

    /** One entry of a list's {@code totalsByCurrency}; {@code inField} is shippedAmount for sales, receivedAmount for purchases. */
    private static void assertCurrencyTotals(JsonNode entry, String currency, String inField, String in, String returned, String net) {
        assertEquals(entry.toString(), currency, entry.path("currency").asText());
        assertAmount(in, entry.path(inField));
        assertAmount(returned, entry.path("returnedAmount"));
        assertAmount(net, entry.path("netAmount"));
    }

    private static void assertAmount(String expected, JsonNode actual) {
        assertEquals(actual.toString(), 0, new BigDecimal(expected).compareTo(new BigDecimal(actual.asText())));
    }

    // ---- item 4 ----

    /** A retried create with the same Idempotency-Key answered a 200-line order (44 kB) with 201 and no body. */
    @Test
    public void aReplayedLargeCreateAnswersTheFirstResultWhole() {
        String c = customer();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(map("sku", PRODUCT, "quantity", i + 1, "note", "第 " + (i + 1) + " 批 片碱,托盘装"));
        }
        Map<String, Object> body = map("type", "ORDER", "customerCode", c, "warehouseCode", WH, "lines", lines);
        Map<String, String> key = Map.of("Idempotency-Key", "large-" + RUN);
        Reply first = http("POST", "/sales-orders", "admin", adminPassword, body, key);
        assertEquals(first.body(), 201, first.status());
        assertTrue("the answer is past one column: " + first.body().length(), first.body().length() > 32_000);
        Reply again = http("POST", "/sales-orders", "admin", adminPassword, body, key);
        assertEquals(again.body(), 201, again.status());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.json(), again.json());
        assertEquals(200, again.json().path("lines").size());
        assertEquals(1, get("/sales-orders?customerCode=" + c).json().path("total").asInt());
    }

    // ---- item 5 ----

    /** A receipt took a refund's number RF-… as its sales order, and allocated the money elsewhere. */
    @Test
    public void moneyNamesOnlyAnOrderOrReturnOfItsParty() {
        String c = customer();
        shipped(c, 2, null, null);
        created(money("/receipts", "customerCode", c, 300, "salesOrderNumber", null));
        String rf = created(money("/refunds", "customerCode", c, 50, "salesOrderNumber", null));
        String rc = get("/receipts?customerCode=" + c).json().path("items").get(0).path("number").asText();
        for (String notAnOrder : new String[] {rf, rc}) {
            Reply refused = assertProblem(400, money("/receipts", "customerCode", c, 10, "salesOrderNumber", notAnOrder));
            assertEquals("salesOrderNumber", refused.errorFields().get(0));
        }
        Reply refund = assertProblem(400, money("/refunds", "customerCode", c, 10, "salesOrderNumber", rc));
        assertEquals("salesOrderNumber", refund.errorFields().get(0));
        String other = customer();
        String othersOrder = shipped(other, 1, null, null);
        assertEquals("salesOrderNumber", assertProblem(400, money("/receipts", "customerCode", c, 10, "salesOrderNumber", othersOrder))
                .errorFields().get(0));
        assertEquals("salesOrderNumber", assertProblem(400, money("/receipts", "customerCode", c, 10, "salesOrderNumber", "RF-1999-000001"))
                .errorFields().get(0));
        // Nothing of the refused ones was stored; the order's own number still works.
        assertEquals(1, get("/receipts?customerCode=" + c).json().path("total").asInt());
        assertEquals(1, get("/refunds?customerCode=" + c).json().path("total").asInt());
        assertAmount("-50.00", get("/receivables/" + c).json().path("balances").get(0).path("balance"));
        String third = shipped(c, 1, null, null);
        Reply paid = money("/receipts", "customerCode", c, 100, "salesOrderNumber", third);
        assertEquals(paid.body(), 201, paid.status());

        // The same hole on the suppliers' side: a payment naming a supplier refund.
        String s = supplier();
        received(s, 2, null, new BigDecimal("40.00"));
        created(money("/supplier-payments", "supplierCode", s, 100, "purchaseOrderNumber", null));
        String sr = created(money("/supplier-refunds", "supplierCode", s, 5, "purchaseOrderNumber", null));
        Reply payment = assertProblem(400, money("/supplier-payments", "supplierCode", s, 10, "purchaseOrderNumber", sr));
        assertEquals("purchaseOrderNumber", payment.errorFields().get(0));
        assertEquals(1, get("/supplier-payments?supplierCode=" + s).json().path("total").asInt());
    }

    // ---- item 6 ----

    /** A return could be created from a DRAFT or CONFIRMED order, received and credited: goods never delivered came back. */
    @Test
    public void aReturnFromAnOrderNeedsTheOrderShipped() {
        String c = customer();
        String so = draft(c, 3, null, null);
        Reply fromDraft = assertProblem(409, post("/sales-orders/" + so + "/returns", map()));
        assertEquals("status", fromDraft.errorFields().get(0));
        assertTrue(fromDraft.body(), fromDraft.json().path("detail").asText().contains("DRAFT"));
        act("/sales-orders/", so, "confirm");
        Reply fromConfirmed = assertProblem(409, post("/sales-orders/" + so + "/returns", map()));
        assertTrue(fromConfirmed.body(), fromConfirmed.json().path("detail").asText().contains("CONFIRMED"));
        assertEquals(0, get("/sales-orders?type=RETURN&customerCode=" + c).json().path("total").asInt());
        act("/sales-orders/", so, "ship");
        Reply fromShipped = post("/sales-orders/" + so + "/returns", map());
        assertEquals(fromShipped.body(), 201, fromShipped.status());
        assertEquals(so, fromShipped.json().path("sourceOrderNumber").asText());
        // A return that names no order stays possible.
        Reply standalone = post("/sales-orders", map("type", "RETURN", "customerCode", c, "warehouseCode", WH,
                "lines", List.of(map("sku", PRODUCT, "direction", "RETURN", "quantity", -1, "reasonCode", "DAMAGED"))));
        assertEquals(standalone.body(), 201, standalone.status());
    }

    // ---- item 8 ----

    /** A refused refund in EUR for a new customer left an EUR balance with 0 postings and lastPostedAt 1970-01-01. */
    @Test
    public void aRefusedRequestLeavesNoAccountBehind() {
        String c = customer();
        Reply refused = assertProblem(409, post("/refunds", map("customerCode", c, "amount", 10, "currency", "EUR", "method", "ALIPAY")));
        assertEquals("amount", refused.errorFields().get(0));
        assertProblem(409, post("/refunds", map("customerCode", c, "amount", 10, "currency", "USD", "method", "ALIPAY",
                "requestId", "retry-" + RUN)));
        // A receipt naming an order that has not shipped yet, in a currency the customer has no account in.
        String eur = draft(c, 1, "EUR", new BigDecimal("12.00"));
        act("/sales-orders/", eur, "confirm");
        Reply eurReceipt = post("/receipts", map("customerCode", c, "amount", 12, "currency", "EUR", "method", "CASH",
                "salesOrderNumber", eur));
        assertProblem(409, eurReceipt);
        JsonNode account = get("/receivables/" + c).json();
        assertEquals(account.toString(), 0, account.path("balances").size());
        assertEquals(0, get("/receivables/balances?customerCode=" + c).json().path("total").asInt());
        assertEquals(0, get("/finance-postings?partyCode=" + c).json().path("total").asInt());
    }

    // ---- item 9 ----

    /**
     * A receipt naming an order that shipped at the same moment was refused as "SO-… is SHIPPED: nothing is owed on it
     * until it ships". Now it is booked against the shipment, or, when it came first, refused saying the order was not
     * shipped yet — true at that moment.
     */
    @Test
    public void aReceiptRacingTheShipmentOfItsOrderIsBookedOrToldTheTruth() throws Exception {
        String c = customer();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> answers = new ArrayList<>();
        int booked = 0;
        try {
            for (int attempt = 0; attempt < 12; attempt++) {
                String so = draft(c, 1, null, null);
                act("/sales-orders/", so, "confirm");
                CountDownLatch go = new CountDownLatch(1);
                Future<Reply> ship = pool.submit(() -> {
                    go.await();
                    return post("/sales-orders/" + so + "/ship", map());
                });
                Future<Reply> receipt = pool.submit(() -> {
                    go.await();
                    return money("/receipts", "customerCode", c, 100, "salesOrderNumber", so);
                });
                go.countDown();
                Reply shipped = ship.get();
                Reply paid = receipt.get();
                assertEquals(shipped.body(), 200, shipped.status());
                answers.add(paid.status() + " " + paid.json().path("detail").asText());
                if (paid.status() == 201) {
                    booked++;
                    assertEquals(paid.body(), so, paid.json().path("allocations").get(0).path("documentNumber").asText());
                    assertAmount("0", get("/sales-orders/" + so).json().path("outstandingAmount"));
                } else {
                    assertProblem(409, paid);
                    assertEquals("salesOrderNumber", paid.errorFields().get(0));
                    String detail = paid.json().path("detail").asText();
                    assertTrue(answers.toString(), detail.contains(so + " is CONFIRMED"));
                    assertFalse(answers.toString(), detail.contains("SHIPPED"));
                    assertAmount("100.00", get("/sales-orders/" + so).json().path("outstandingAmount"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // What was booked and what is owed agree: 12 orders of 100, a receipt of 100 for each booked one.
        assertAmount(String.valueOf(100 * (12 - booked)), get("/receivables/" + c).json().path("balances").get(0).path("balance"));
        System.out.println("Receipts racing their orders' shipment: " + answers);
    }

    // ---- item 11 ----

    /** Once any USD order existed, the unfiltered /sales-orders totals were all null, and nothing gave the sums. */
    @Test
    public void listsGiveTheirTotalsPerCurrency() {
        String c = customer();
        shipped(c, 2, null, null);
        shipped(c, 2, "USD", new BigDecimal("14.50"));
        String ro = post("/sales-orders", map("type", "RETURN", "customerCode", c, "warehouseCode", WH,
                "lines", List.of(map("sku", PRODUCT, "direction", "RETURN", "quantity", -1, "reasonCode", "DAMAGED")))).json()
                .path("number").asText();
        for (String action : new String[] {"submit", "approve", "receive"}) {
            act("/sales-orders/", ro, action);
        }
        JsonNode mixed = get("/sales-orders?customerCode=" + c).json();
        assertTrue(mixed.toString(), mixed.path("totals").path("netAmount").isNull());
        JsonNode byCurrency = mixed.path("totalsByCurrency");
        assertEquals(byCurrency.toString(), 2, byCurrency.size());
        assertCurrencyTotals(byCurrency.get(0), "CNY", "shippedAmount", "200.00", "-100.00", "100.00");
        assertCurrencyTotals(byCurrency.get(1), "USD", "shippedAmount", "29.00", "0", "29.00");
        // A list in one currency keeps its totals, and has one entry per currency.
        JsonNode usd = get("/sales-orders?customerCode=" + c + "&currency=USD").json();
        assertAmount("29.00", usd.path("totals").path("netAmount"));
        assertEquals("USD", usd.path("totals").path("currency").asText());
        assertEquals(1, usd.path("totalsByCurrency").size());
        // The unfiltered list (other tests' documents too) holds both currencies.
        JsonNode all = get("/sales-orders?limit=1").json();
        assertTrue(all.toString(), all.path("totalsByCurrency").size() >= 2);

        String s = supplier();
        received(s, 3, null, new BigDecimal("400.00"));
        received(s, 1, "USD", new BigDecimal("50.00"));
        JsonNode purchases = get("/purchase-orders?supplierCode=" + s).json();
        assertTrue(purchases.toString(), purchases.path("netAmount").isNull());
        JsonNode purchaseTotals = purchases.path("totalsByCurrency");
        assertEquals(purchaseTotals.toString(), 2, purchaseTotals.size());
        assertCurrencyTotals(purchaseTotals.get(0), "CNY", "receivedAmount", "1200.00", "0", "1200.00");
        assertCurrencyTotals(purchaseTotals.get(1), "USD", "receivedAmount", "50.00", "0", "50.00");
    }
}
