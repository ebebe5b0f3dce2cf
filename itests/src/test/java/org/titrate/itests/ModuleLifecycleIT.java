package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

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
 * A module leaving and coming back at run time, in a container of its own so that no other test
 * sees the module missing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleLifecycleIT extends TitrateTestSupport {

    private Map<String, Boolean> installedModules() {
        Map<String, Boolean> modules = new HashMap<>();
        get("/modules").json().path("items").forEach(m -> modules.put(m.path("name").asText(), m.path("installed").asBoolean()));
        return modules;
    }

    @Test
    public void modulesLeaveAndReturnWithTheirDataWhileTheOthersServe() throws Exception {
        String code = "MOD-" + RUN;
        assertEquals(201, post("/customers", map("code", code, "name", "杭州西湖电镀加工厂 " + RUN)).status());
        String sku = "MOD-" + RUN;
        assertEquals(201, post("/products", map("sku", sku, "name", "硫酸 98%", "unit", "吨", "listPrice", 520)).status());
        Reply order = post("/sales-orders", map("type", "ORDER", "customerCode", code, "lines", List.of(map("sku", sku, "quantity", 2))));
        assertEquals(order.body(), 201, order.status());
        String number = order.json().path("number").asText();

        // Sales is downstream: it leaves alone and everything upstream keeps serving.
        shell("admin", adminPassword, "feature:uninstall titrate-sales");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/sales-orders/" + number).status() == 404 && !installedModules().get("sales"));
        assertEquals(404, http("GET", "/soap/SalesOrderService?wsdl", null, null, null, Map.of()).status());
        assertEquals(200, get("/customers/" + code).status());

        // Customers can go once nothing installed needs it; products keep serving.
        shell("admin", adminPassword, "feature:uninstall titrate-customers");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/customers/" + code).status() == 404 && !installedModules().get("customers"));
        assertEquals(404, http("GET", "/soap/CustomerService?wsdl", null, null, null, Map.of()).status());
        assertEquals("硫酸 98%", get("/products/" + sku).json().path("name").asText());
        assertEquals(200, http("GET", "/soap/ProductService?wsdl", null, null, null, Map.of()).status());

        // Installing sales brings the customers it needs back; all data are where they were.
        shell("admin", adminPassword, "feature:install titrate-sales");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/customers/" + code).status() == 200 && get("/sales-orders/" + number).status() == 200);
        assertEquals("杭州西湖电镀加工厂 " + RUN, get("/customers/" + code).json().path("name").asText());
        assertEquals("1040.00", get("/sales-orders/" + number).json().path("totalAmount").asText());
        assertTrue(installedModules().get("customers") && installedModules().get("sales"));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("GET", "/soap/CustomerService?wsdl", null, null, null, Map.of()).status() == 200
                        && http("GET", "/soap/SalesOrderService?wsdl", null, null, null, Map.of()).status() == 200);
    }
}
