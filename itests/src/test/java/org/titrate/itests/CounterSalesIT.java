package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Issue 19, part 1: counter sales and counter returns in one step each (order or return, stock movements and money in
 * one transaction), refused whole, limited to what the sale shipped, and the till summary of the day.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CounterSalesIT extends TitrateTestSupport {
    /** A shop floor that never sells stock it does not have. */
    private static final String WH = "CTR-" + RUN;
    private static final String SALT = "CS-SALT-" + RUN;
    private static final String ETHANOL = "CS-ETOH-" + RUN;
    private static final String GLOVES = "CS-GLV-" + RUN;

    @Before
    public void masterData() {
        if (get("/products/" + SALT).status() == 200) {
            return;
        }
        ensureWarehouse(WH, "门市部 杭州滨江 " + RUN, false, false);
        product(SALT, "氯化钠 分析纯 AR 500g/瓶", "瓶", "18.50");
        product(ETHANOL, "无水乙醇 AR 500ml/瓶", "瓶", "26.00");
        product(GLOVES, "丁腈手套 100只/盒", "盒", "45.00");
        Reply r = post("/stock-documents", map("type", "RECEIPT", "warehouseCode", WH, "lines", List.of(map("sku", SALT, "quantity", 50),
                map("sku", ETHANOL, "quantity", 30), map("sku", GLOVES, "quantity", 20))));
        assertEquals(r.body(), 201, r.status());
    }

    private void product(String sku, String name, String unit, String price) {
        Reply r = post("/products", map("sku", sku, "name", name, "unit", unit, "listPrice", new BigDecimal(price), "lotTracked", false));
        assertEquals(r.body(), 201, r.status());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private BigDecimal onHand(String sku, String status) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode row : get("/stock?sku=" + sku + "&warehouseCode=" + WH + "&limit=500").json().path("items")) {
            if (row.path("status").asText().equals(status)) {
                sum = sum.add(row.path("quantity").decimalValue());
            }
        }
        return sum;
    }

    private long movements(String sku) {
        return get("/stock-movements?sku=" + sku + "&limit=1").json().path("total").asLong();
    }

    private static Map<String, Object> sale(String method, Object amount, Object... skuQuantity) {
        List<Object> lines = new java.util.ArrayList<>();
        for (int i = 0; i < skuQuantity.length; i += 2) {
            lines.add(map("sku", skuQuantity[i], "quantity", skuQuantity[i + 1]));
        }
        return map("warehouseCode", WH, "lines", lines, "payment", map("method", method, "amount", amount, "reference", null),
                "buyer", map("name", "王女士", "phone", "13800138000"));
    }

    private JsonNode sold(Map<String, Object> body) {
        Reply r = post("/counter-sales", body);
        assertEquals(r.body(), 201, r.status());
        return r.json();
    }

    private static void assertAmount(String expected, JsonNode actual) {
        assertEquals(actual.toString(), 0, new BigDecimal(expected).compareTo(actual.decimalValue()));
    }

    @Test
    public void aCashSaleOfThreeLinesBooksOrderMovementsAndReceiptInOneGo() {
        BigDecimal salt = onHand(SALT, "AVAILABLE");
        long moves = movements(ETHANOL);
        JsonNode sale = sold(sale("CASH", 200, SALT, 2, ETHANOL, 3, GLOVES, 1));
        JsonNode order = sale.path("order");
        // 2 × 18.50 + 3 × 26.00 + 45.00 = 160.00, change 40.00
        assertAmount("160.00", sale.path("total"));
        assertAmount("200", sale.path("paid"));
        assertAmount("40.00", sale.path("change"));
        assertEquals("SHIPPED", order.path("status").asText());
        assertEquals("RETAIL", order.path("customerCode").asText());
        assertEquals("RETAIL", order.path("channel").asText());
        assertEquals(3, order.path("lines").size());
        assertTrue(order.path("comment").asText(), order.path("comment").asText().contains("王女士"));
        assertTrue(sale.toString(), sale.path("moneyNumber").asText().startsWith("RC"));
        assertAmount("160.00", order.path("paidAmount"));
        assertAmount("0", order.path("outstandingAmount"));
        assertEquals(0, salt.subtract(new BigDecimal(2)).compareTo(onHand(SALT, "AVAILABLE")));
        assertEquals(moves + 1, movements(ETHANOL));
        List<String> actions = new java.util.ArrayList<>();
        order.path("history").forEach(h -> actions.add(h.path("action").asText()));
        assertEquals(List.of("CREATE", "CONFIRM", "SHIP"), actions);
        // The change is shown, not booked: the walk-in customer owes nothing and has no credit either.
        JsonNode receipt = get("/receipts/" + sale.path("moneyNumber").asText()).json();
        assertAmount("160.00", receipt.path("amount"));
        assertEquals("CASH", receipt.path("method").asText());
        // Listed like any other order, under the retail channel.
        assertEquals(1, get("/sales-orders?channel=RETAIL&q=" + order.path("number").asText()).json().path("total").asInt());
    }

    @Test
    public void aShortageRefusesTheWholeSaleAndStoresNothing() {
        long orders = get("/sales-orders?customerCode=RETAIL").json().path("total").asLong();
        long saltMoves = movements(SALT);
        BigDecimal gloves = onHand(GLOVES, "AVAILABLE");
        JsonNode before = get("/counter-sales/summary").json();
        Reply refused = post("/counter-sales", sale("WECHAT_PAY", 100000, SALT, 1, GLOVES, gloves.add(BigDecimal.TEN)));
        assertProblem(409, refused);
        assertEquals(orders, get("/sales-orders?customerCode=RETAIL").json().path("total").asLong());
        assertEquals(saltMoves, movements(SALT));
        assertEquals(0, gloves.compareTo(onHand(GLOVES, "AVAILABLE")));
        assertEquals(before, get("/counter-sales/summary").json());
        // Paying less than the total is refused whole too, naming the amount.
        assertEquals(List.of("payment.amount"), assertProblem(400, post("/counter-sales", sale("CASH", 10, SALT, 1))).errorFields());
        assertEquals(saltMoves, movements(SALT));
        List<String> fields = assertProblem(400, post("/counter-sales", map("lines", List.of(map("sku", SALT, "quantity", 1)),
                "payment", map("method", "BITCOIN")))).errorFields();
        assertTrue(fields.toString(), fields.containsAll(List.of("warehouseCode", "payment.method", "payment.amount")));
    }

    @Test
    public void aCounterReturnTakesBackPartOfASaleIntoQuarantineAndRefundsIt() {
        JsonNode sale = sold(sale("ALIPAY", new BigDecimal("92.50"), SALT, 5));
        String number = sale.path("order").path("number").asText();
        BigDecimal quarantined = onHand(SALT, "QUARANTINE");
        Reply r = post("/counter-sales/returns", map("saleNumber", number, "lines", List.of(map("sku", SALT, "quantity", -2)),
                "reasonCode", "DAMAGED", "refund", map("method", "ALIPAY", "reference", "2026113022001")));
        assertEquals(r.body(), 201, r.status());
        JsonNode taken = r.json();
        assertEquals("RECEIVED", taken.path("order").path("status").asText());
        assertEquals(number, taken.path("order").path("sourceOrderNumber").asText());
        assertAmount("-37.00", taken.path("total"));
        assertTrue(taken.toString(), taken.path("moneyNumber").asText().startsWith("RF"));
        assertEquals(0, quarantined.add(new BigDecimal(2)).compareTo(onHand(SALT, "QUARANTINE")));
        // 5 sold, 2 back: 4 more is too many, and nothing of it is stored.
        long returns = get("/sales-orders?type=RETURN&q=" + number).json().path("total").asLong();
        Reply tooMany = post("/counter-sales/returns", map("saleNumber", number, "lines", List.of(map("sku", SALT, "quantity", -4)),
                "reasonCode", "DAMAGED", "refund", map("method", "ALIPAY")));
        assertEquals(List.of("lines[0].quantity"), assertProblem(400, tooMany).errorFields());
        assertEquals(returns, get("/sales-orders?type=RETURN&q=" + number).json().path("total").asLong());
        assertEquals(List.of("lines[0].quantity"), assertProblem(400, post("/counter-sales/returns", map("saleNumber", number,
                "lines", List.of(map("sku", GLOVES, "quantity", -1)), "reasonCode", "DAMAGED", "refund", map("method", "CASH"))))
                .errorFields());
        // Without a sale the return stands alone and needs a reason.
        assertEquals(List.of("reason"), assertProblem(400, post("/counter-sales/returns", map("warehouseCode", WH,
                "lines", List.of(map("sku", ETHANOL, "quantity", -1)), "reasonCode", "QUALITY", "refund", map("method", "CASH"))))
                .errorFields());
        Reply alone = post("/counter-sales/returns", map("warehouseCode", WH, "lines", List.of(map("sku", ETHANOL, "quantity", -1)),
                "reasonCode", "QUALITY", "reason", "瓶盖漏液，顾客当场退回", "refund", map("method", "CASH")));
        assertEquals(alone.body(), 201, alone.status());
        assertTrue(alone.json().path("order").path("comment").asText().contains("瓶盖漏液，顾客当场退回"));
    }

    /**
     * A registered customer buys on account (挂账) at the counter: nothing is paid, the sale stays open on the account, and
     * only such a sale is held to the customer's credit limit (the one on account that would pass it is refused whole).
     */
    @Test
    public void aRegisteredCustomerBuysOnAccountWithinTheCreditLimit() {
        String customer = "CSA-" + RUN;
        if (get("/customers/" + customer).status() == 404) {
            Reply c = post("/customers", map("code", customer, "name", "杭州西溪实验室耗材有限公司 " + RUN, "status", "ACTIVE",
                    "channel", "WHOLESALE", "paymentTermDays", 30, "creditLimit", 300));
            assertEquals(c.body(), 201, c.status());
        }
        Map<String, Object> onAccount = sale("ON_ACCOUNT", null, GLOVES, 4);
        onAccount.put("customerCode", customer);
        JsonNode sale = sold(onAccount);
        assertAmount("180.00", sale.path("total"));
        assertAmount("0", sale.path("paid"));
        assertAmount("0", sale.path("change"));
        assertTrue(sale.toString(), sale.path("moneyNumber").isNull());
        JsonNode order = sale.path("order");
        assertEquals("SHIPPED", order.path("status").asText());
        assertEquals(customer, order.path("customerCode").asText());
        assertAmount("180.00", order.path("outstandingAmount"));
        assertAmount("180.00", get("/customers/" + customer + "/credit").json().path("exposure"));

        // 180 + 3 × 45 = 315 > 300: refused whole, naming the limit; nothing shipped.
        BigDecimal gloves = onHand(GLOVES, "AVAILABLE");
        Map<String, Object> tooMuch = sale("ON_ACCOUNT", null, GLOVES, 3);
        tooMuch.put("customerCode", customer);
        assertEquals(List.of("creditLimit"), assertProblem(409, post("/counter-sales", tooMuch)).errorFields());
        assertEquals(0, gloves.compareTo(onHand(GLOVES, "AVAILABLE")));
        // Paid in cash it owes nothing, so the limit does not apply.
        Map<String, Object> cash = sale("CASH", 200, GLOVES, 3);
        cash.put("customerCode", customer);
        assertAmount("135.00", sold(cash).path("total"));
        // The walk-in customer pays at the counter.
        assertEquals(List.of("customerCode"), assertProblem(400, post("/counter-sales", sale("ON_ACCOUNT", null, GLOVES, 1))).errorFields());
        // Taken back on account: the credit stays on the account, no money goes out.
        Reply back = post("/counter-sales/returns", map("saleNumber", order.path("number").asText(),
                "lines", List.of(map("sku", GLOVES, "quantity", -1)), "reasonCode", "DAMAGED", "refund", map("method", "ON_ACCOUNT")));
        assertEquals(back.body(), 201, back.status());
        assertTrue(back.json().toString(), back.json().path("moneyNumber").isNull());
        assertAmount("135.00", get("/customers/" + customer + "/credit").json().path("exposure"));
    }

    @Test
    public void theTillSummaryEqualsTheDocumentsOfTheDay() throws Exception {
        sold(sale("CASH", 50, GLOVES, 1));
        JsonNode s = sold(sale("WECHAT_PAY", 26, ETHANOL, 1));
        Reply back = post("/counter-sales/returns", map("saleNumber", s.path("order").path("number").asText(),
                "lines", List.of(map("sku", ETHANOL, "quantity", -1)), "reasonCode", "OTHER", "refund", map("method", "WECHAT_PAY")));
        assertEquals(back.body(), 201, back.status());
        String day = today().toString();
        JsonNode summary = get("/counter-sales/summary?date=" + day).json();
        assertEquals(day, summary.path("date").asText());
        BigDecimal net = BigDecimal.ZERO;
        long sales = 0;
        long returns = 0;
        boolean wechat = false;
        for (JsonNode line : summary.path("lines")) {
            assertEquals(0, line.path("sales").decimalValue().add(line.path("returns").decimalValue()).compareTo(line.path("net").decimalValue()));
            net = net.add(line.path("net").decimalValue());
            sales += line.path("saleCount").asLong();
            returns += line.path("returnCount").asLong();
            if (line.path("method").asText().equals("WECHAT_PAY")) {
                wechat = true;
                assertAmount("0", line.path("net"));
            }
        }
        assertTrue(summary.toString(), wechat);
        // The day's counter documents: the walk-in customer's, and the registered customer's who bought at the counter
        // (aRegisteredCustomerBuysOnAccountWithinTheCreditLimit, when it ran first).
        BigDecimal documentsNet = BigDecimal.ZERO;
        long documentSales = 0;
        long documentReturns = 0;
        for (String customer : List.of("RETAIL", "CSA-" + RUN)) {
            String range = "customerCode=" + customer + "&from=" + day + "&to=" + day;
            documentsNet = documentsNet.add(get("/sales-orders?" + range).json().path("totals").path("netAmount").decimalValue());
            documentSales += get("/sales-orders?type=ORDER&" + range).json().path("total").asLong();
            documentReturns += get("/sales-orders?type=RETURN&" + range).json().path("total").asLong();
        }
        assertEquals(0, net.compareTo(documentsNet));
        assertEquals(documentSales, sales);
        assertEquals(documentReturns, returns);
        String till = shell("admin", adminPassword, "titrate:counter-summary " + day);
        assertTrue(till, till.contains("WECHAT_PAY") && till.contains("CASH"));
        assertProblem(400, get("/counter-sales/summary?date=yesterday"));
        assertFalse(get("/counter-sales/summary?date=2000-01-01").json().path("lines").elements().hasNext());
    }
}
