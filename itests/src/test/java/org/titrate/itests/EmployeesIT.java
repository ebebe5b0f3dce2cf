package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Employees as salespeople: {@code /employees} with validation naming the fields, the owner of customers, the
 * salesperson of orders (the customer's unless the order names another), and the filters and the sales reports'
 * grouping by salesperson.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EmployeesIT extends TitrateTestSupport {
    private static final String E1 = "E1-" + RUN;
    private static final String E2 = "E2-" + RUN;
    private static final String GONE = "E9-" + RUN;

    @Test
    public void employeesAreKeptWithFieldsValidated() {
        String login = "zhangwei-" + RUN.toLowerCase();
        createUser(login, "sales");
        Map<String, Object> body = map("code", "EK-" + RUN, "name", "张伟", "department", "华东销售部 " + RUN, "mobile", "138 0013 8000",
                "email", "zhang.wei@example.cn", "user", login);
        Reply created = post("/employees", body);
        assertEquals(created.body(), 201, created.status());
        assertEquals("张伟", created.json().path("name").asText());
        assertEquals("13800138000", created.json().path("mobile").asText());
        assertTrue(created.json().path("active").asBoolean());
        assertProblem(409, post("/employees", body));

        assertEquals(List.of("code", "name", "mobile", "email"), assertProblem(400, post("/employees",
                map("code", "a b", "name", "", "mobile", "12345", "email", "x@"))).errorFields());
        assertEquals(List.of("user"), assertProblem(400, post("/employees", map("code", "EU-" + RUN, "name", "李娜",
                "user", "nobody-" + RUN))).errorFields());

        JsonNode listed = get("/employees?department=" + ProductsIT.encode("华东销售部 " + RUN)).json();
        assertEquals(1, listed.path("total").asInt());
        Map<String, Object> change = map("name", "张伟", "department", "华南销售部 " + RUN, "active", false,
                "version", created.json().path("version").asLong());
        Reply updated = put("/employees/EK-" + RUN, change);
        assertEquals(updated.body(), 200, updated.status());
        assertEquals(false, updated.json().path("active").asBoolean());
        assertProblem(409, put("/employees/EK-" + RUN, change));
        assertEquals(404, get("/employees/NOPE-" + RUN).status());
    }

    @Test
    public void ordersTakeTheCustomersSalespersonAndReportsGroupByIt() throws Exception {
        for (String code : new String[] {E1, E2, GONE}) {
            Reply r = post("/employees", map("code", code, "name", "业务员 " + code, "department", "销售部"));
            assertEquals(r.body(), 201, r.status());
        }
        long version = get("/employees/" + GONE).json().path("version").asLong();
        assertEquals(200, put("/employees/" + GONE, map("name", "已离职业务员", "active", false, "version", version)).status());

        String customer = "EC-" + RUN;
        assertEquals(List.of("salesperson"), assertProblem(400, post("/customers", map("code", customer, "name", "上海华谊新材料有限公司 " + RUN,
                "status", "ACTIVE", "salesperson", GONE))).errorFields());
        Reply c = post("/customers", map("code", customer, "name", "上海华谊新材料有限公司 " + RUN, "status", "ACTIVE", "salesperson", E1));
        assertEquals(c.body(), 201, c.status());
        assertEquals(E1, c.json().path("salesperson").asText());
        JsonNode owned = get("/customers?salesperson=" + E1).json();
        assertEquals(1, owned.path("total").asInt());
        assertEquals(customer, owned.path("items").get(0).path("code").asText());

        String sku = "EP-" + RUN;
        assertEquals(201, post("/products", map("sku", sku, "name", "液碱 32% 槽车", "unit", "吨", "listPrice", new BigDecimal("800.00"),
                "lotTracked", false)).status());
        String warehouse = "EW-" + RUN;
        ensureWarehouse(warehouse, "业务员测试仓 " + RUN, true, false);

        Map<String, Object> order = map("type", "ORDER", "customerCode", customer, "warehouseCode", warehouse,
                "lines", List.of(map("sku", sku, "quantity", 2)));
        String byOwner = shippedOrder(order);
        assertEquals(E1, get("/sales-orders/" + byOwner).json().path("salesperson").asText());
        Map<String, Object> other = new HashMap<>(order);
        other.put("salesperson", E2);
        other.put("lines", List.of(map("sku", sku, "quantity", 3)));
        String byOther = shippedOrder(other);
        assertEquals(E2, get("/sales-orders/" + byOther).json().path("salesperson").asText());
        other.put("salesperson", GONE);
        assertEquals(List.of("salesperson"), assertProblem(400, post("/sales-orders", other)).errorFields());

        JsonNode list = get("/sales-orders?salesperson=" + E2).json();
        assertEquals(1, list.path("total").asLong());
        assertEquals(byOther, list.path("items").get(0).path("number").asText());
        String listed = shell("admin", adminPassword, "titrate:order-list --salesperson " + E2);
        assertTrue(listed, listed.contains(byOther) && !listed.contains(byOwner));
        String owners = shell("admin", adminPassword, "titrate:customer-list --salesperson " + E1);
        assertTrue(owners, owners.contains(customer) && owners.contains("1 of 1"));

        caughtUp();
        JsonNode summary = get("/reports/sales-summary?groupBy=salesperson&customer=" + customer).json();
        Map<String, BigDecimal> net = new HashMap<>();
        summary.path("rows").forEach(r -> net.put(r.path("key").asText(), r.path("netAmount").decimalValue()));
        assertEquals(summary.toString(), 2, net.size());
        assertEquals(0, new BigDecimal("1600.00").compareTo(net.get(E1)));
        assertEquals(0, new BigDecimal("2400.00").compareTo(net.get(E2)));
        summary.path("rows").forEach(r -> assertEquals(summary.toString(), "业务员 " + r.path("key").asText(), r.path("label").asText()));
        JsonNode one = get("/reports/sales-summary?groupBy=customer&salesperson=" + E2).json();
        assertEquals(E2, one.path("filters").path("salesperson").asText());
        assertEquals(0, new BigDecimal("2400.00").compareTo(one.path("totals").path("netAmount").decimalValue()));
        JsonNode share = get("/reports/sales-share?groupBy=salesperson&customer=" + customer).json();
        assertEquals(share.toString(), 2, share.path("rows").size());
        JsonNode ranking = get("/reports/sales-ranking?groupBy=salesperson&customer=" + customer).json();
        assertEquals(E2, ranking.path("rows").get(0).path("key").asText());
        assertEquals("业务员 " + E2, ranking.path("rows").get(0).path("label").asText());
    }

    /** Waits until every reporting cursor has passed what the log showed when asked. */
    private void caughtUp() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> get("/reports/status").status() == 200);
        long target = get("/reports/status").json().path("logVisibleUpTo").asLong();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            boolean all = true;
            for (JsonNode c : get("/reports/status").json().path("cursors")) {
                all &= c.asLong() >= target;
            }
            return all;
        });
    }
}
