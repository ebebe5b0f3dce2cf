package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
 * Issue 19, part 2: a confirm above the customer's credit limit is refused naming it, a finance user's override passes
 * with its reason in the history, and of two confirms racing for one remaining limit exactly one passes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CreditLimitIT extends TitrateTestSupport {
    /** Lets shipments run ahead of stock: these tests are about credit. */
    private static final String WH = "CLW-" + RUN;
    private static final String PRODUCT = "CLP-" + RUN;
    private static int customers;

    @Before
    public void masterData() {
        if (get("/products/" + PRODUCT).status() == 200) {
            return;
        }
        ensureWarehouse(WH, "宁波北仑保税仓 " + RUN, true, false);
        assertEquals(201, post("/products", map("sku", PRODUCT, "name", "冰醋酸 99.8% 25kg/桶", "unit", "桶", "listPrice", 100)).status());
    }

    private String customer(Integer limit) {
        String code = "CL" + (++customers) + "-" + RUN;
        Reply r = post("/customers", map("code", code, "name", "苏州华星涂料有限公司 " + code, "status", "ACTIVE", "channel", "WHOLESALE",
                "paymentTermDays", 30, "creditLimit", limit));
        assertEquals(r.body(), 201, r.status());
        return code;
    }

    /** A draft of {@code drums} drums at 100.00 each. */
    private String draft(String customer, int drums) {
        Reply r = post("/sales-orders", map("type", "ORDER", "customerCode", customer, "warehouseCode", WH,
                "lines", List.of(map("sku", PRODUCT, "quantity", drums))));
        assertEquals(r.body(), 201, r.status());
        return r.json().path("number").asText();
    }

    private static void assertAmount(String expected, JsonNode actual) {
        assertEquals(actual.toString(), 0, new BigDecimal(expected).compareTo(actual.decimalValue()));
    }

    @Test
    public void aConfirmOverTheLimitIsRefusedAndFinanceMayOverrideItWithAReason() throws Exception {
        String c = customer(1000);
        String first = draft(c, 6);
        assertEquals(200, post("/sales-orders/" + first + "/confirm", map()).status());
        JsonNode credit = get("/customers/" + c + "/credit").json();
        assertAmount("1000", credit.path("creditLimit"));
        assertAmount("600", credit.path("unshippedOrders"));
        assertAmount("600", credit.path("exposure"));
        assertAmount("400", credit.path("available"));

        String second = draft(c, 6);
        Reply refused = assertProblem(409, post("/sales-orders/" + second + "/confirm", map()));
        assertEquals(List.of("creditLimit"), refused.errorFields());
        String detail = refused.json().path("detail").asText() + refused.json().path("errors").toString();
        assertTrue(detail, detail.contains("1200.00") && detail.contains("1000"));
        assertEquals("DRAFT", get("/sales-orders/" + second).json().path("status").asText());

        // Shipping moves the first order from "not shipped" to the receivables: the exposure stays.
        assertEquals(200, post("/sales-orders/" + first + "/ship", map()).status());
        credit = get("/customers/" + c + "/credit").json();
        assertAmount("600", credit.path("openReceivables"));
        assertAmount("0", credit.path("unshippedOrders"));
        assertAmount("600", credit.path("exposure"));
        assertProblem(409, post("/sales-orders/" + second + "/confirm", map()));

        // Sales may not override; finance may, with a reason, which the history keeps.
        String seller = "clsales-" + RUN;
        String sellerPw = createUser(seller, "sales");
        assertProblem(403, http("POST", "/sales-orders/" + second + "/confirm", seller, sellerPw,
                map("overrideCreditLimit", true, "reason", "老客户"), java.util.Map.of()));
        String cashier = "clfinance-" + RUN;
        String cashierPw = createUser(cashier, "finance");
        assertEquals(List.of("reason"), assertProblem(400, http("POST", "/sales-orders/" + second + "/confirm", cashier, cashierPw,
                map("overrideCreditLimit", true), java.util.Map.of())).errorFields());
        assertProblem(403, http("POST", "/sales-orders/" + second + "/confirm", cashier, cashierPw, map(), java.util.Map.of()));
        Reply passed = http("POST", "/sales-orders/" + second + "/confirm", cashier, cashierPw,
                map("overrideCreditLimit", true, "reason", "老客户，月底前回款 20 万"), java.util.Map.of());
        assertEquals(passed.body(), 200, passed.status());
        JsonNode confirm = null;
        for (JsonNode h : get("/sales-orders/" + second + "/history").json().path("items")) {
            if (h.path("action").asText().equals("CONFIRM")) {
                confirm = h;
            }
        }
        assertEquals(cashier, confirm.path("by").asText());
        String comment = confirm.path("comment").asText();
        assertTrue(comment, comment.contains("老客户，月底前回款 20 万") && comment.contains("overridden") && comment.contains("1200.00"));
        assertAmount("-200", get("/customers/" + c + "/credit").json().path("available"));
        String balance = shell("admin", adminPassword, "titrate:balance " + c);
        assertTrue(balance, balance.contains("Credit limit") && balance.contains("1000.00") && balance.contains("-200.00"));

        // No limit, no check.
        String free = customer(null);
        assertEquals(200, post("/sales-orders/" + draft(free, 500) + "/confirm", map()).status());
        credit = get("/customers/" + free + "/credit").json();
        assertAmount("50000", credit.path("exposure"));
        assertTrue(credit.toString(), credit.path("available").isNull() || credit.path("available").isMissingNode());
        assertProblem(404, get("/customers/NOPE-" + RUN + "/credit"));
    }

    @Test
    public void ofTwoConfirmsRacingForOneRemainingLimitExactlyOnePasses() throws Exception {
        String c = customer(1000);
        List<String> orders = List.of(draft(c, 6), draft(c, 6));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String number : orders) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("/sales-orders/" + number + "/confirm", map()).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> a : answers) {
                statuses.add(a.get());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertAmount("600", get("/customers/" + c + "/credit").json().path("exposure"));
        figure("credit-figures.txt", "racing confirms against one remaining limit: one passed, one refused (409 creditLimit)");
    }
}
