package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.titrate.platform.api.events.EventLog;

/**
 * A module leaving and coming back at run time, in a container of its own so that no other test
 * sees the module missing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleLifecycleIT extends TitrateTestSupport {

    @Inject
    @Filter(value = "(osgi.jndi.service.name=titrate)", timeout = 300_000)
    private DataSource dataSource;

    @Inject
    @Filter(timeout = 300_000)
    private EventLog log;

    private Map<String, Boolean> installedModules() {
        Map<String, Boolean> modules = new HashMap<>();
        get("/modules").json().path("items").forEach(m -> modules.put(m.path("name").asText(), m.path("installed").asBoolean()));
        return modules;
    }

    private String confirmed(String customer, String warehouse, String sku, int quantity) {
        Reply created = post("/sales-orders", map("type", "ORDER", "customerCode", customer, "warehouseCode", warehouse,
                "lines", List.of(map("sku", sku, "quantity", quantity))));
        assertEquals(created.body(), 201, created.status());
        String number = created.json().path("number").asText();
        assertEquals(200, post("/sales-orders/" + number + "/confirm", map()).status());
        return number;
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

        // Inventory leaves alone: sales ships without stock checks or movements, and its own tables stay.
        String wh = "MODW-" + RUN;
        assertEquals(201, post("/warehouses", map("code", wh, "name", "嘉兴港区危化品仓库")).status());
        Reply receipt = post("/stock-documents", map("type", "RECEIPT", "warehouseCode", wh, "lines", List.of(map("sku", sku, "quantity", 5))));
        assertEquals(receipt.body(), 201, receipt.status());
        String tooMuch = confirmed(code, wh, sku, 8);
        assertEquals(409, post("/sales-orders/" + tooMuch + "/ship", map()).status());
        shell("admin", adminPassword, "feature:uninstall titrate-inventory");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/stock?sku=" + sku).status() == 404 && !installedModules().get("inventory"));
        assertEquals(404, http("GET", "/soap/InventoryService?wsdl", null, null, null, Map.of()).status());
        // Sales may still be rebuilding its endpoint when inventory's resources leave.
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> post("/sales-orders/" + tooMuch + "/ship", map()).status() == 200);
        assertEquals("SHIPPED", get("/sales-orders/" + tooMuch).json().path("status").asText());
        shell("admin", adminPassword, "feature:install titrate-inventory");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> get("/stock?sku=" + sku).status() == 200 && installedModules().get("inventory"));
        // The ledger is intact, and the shipment made while inventory was away moved nothing.
        assertEquals(1, get("/stock-movements?sku=" + sku).json().path("total").asInt());
        assertEquals(0, get("/stock-movements?documentNumber=" + tooMuch).json().path("total").asInt());
        assertEquals(5, get("/stock?sku=" + sku).json().path("items").get(0).path("quantity").asInt());
        // The posting listener needs what the stock resources need, so it is registered by now: stock is checked again.
        String again = confirmed(code, wh, sku, 8);
        Reply refused = post("/sales-orders/" + again + "/ship", map());
        assertEquals(refused.body(), 409, refused.status());
        assertTrue(refused.body(), refused.json().path("detail").asText().contains("not enough stock"));

        // Finance installed after sales has shipped books the history it missed, once.
        String shippedBefore = confirmed(code, wh, sku, 1);
        assertEquals(200, post("/sales-orders/" + shippedBefore + "/ship", map()).status());
        assertEquals(1, get("/finance-postings?documentNumber=" + shippedBefore).json().path("total").asInt());
        shell("admin", adminPassword, "feature:uninstall titrate-finance");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/receivables?customerCode=" + code).status() == 404 && !installedModules().get("finance"));
        assertEquals(404, http("GET", "/soap/FinanceService?wsdl", null, null, null, Map.of()).status());
        String missed = confirmed(code, wh, sku, 2);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> post("/sales-orders/" + missed + "/ship", map()).status() == 200);
        assertEquals("0.00", get("/sales-orders/" + missed).json().path("outstandingAmount").asText());
        // Purchasing receives meanwhile too: stock comes in, nothing is owed yet as far as anyone can see.
        String supplier = "MODS-" + RUN;
        assertEquals(201, post("/suppliers", map("code", supplier, "name", "江苏扬农化工集团有限公司")).status());
        Reply po = post("/purchase-orders", map("type", "ORDER", "supplierCode", supplier, "warehouseCode", wh,
                "lines", List.of(map("sku", sku, "quantity", 3, "unitPrice", 400))));
        assertEquals(po.body(), 201, po.status());
        String poNumber = po.json().path("number").asText();
        assertEquals(200, post("/purchase-orders/" + poNumber + "/confirm", map()).status());
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> post("/purchase-orders/" + poNumber + "/receive", map()).status() == 200);
        for (int round = 0; round < 2; round++) {
            shell("admin", adminPassword, "feature:install titrate-finance");
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> get("/receivables?customerCode=" + code).status() == 200 && installedModules().get("finance"));
            // The views answer once everything committed before finance started is booked, also what sales and purchasing
            // changed in the seconds before (which their change feeds still hold back): right from the first answer
            // (issue 11, item 10: they were missing for about 20 seconds). Never twice.
            assertEquals(1, get("/finance-postings?documentNumber=" + missed).json().path("total").asInt());
            assertEquals(1, get("/finance-postings?documentNumber=" + shippedBefore).json().path("total").asInt());
            assertEquals("1040.00", get("/sales-orders/" + missed).json().path("outstandingAmount").asText());
            assertEquals(1, get("/finance-postings?documentNumber=" + poNumber).json().path("total").asInt());
            assertEquals("1200.00", get("/payables/" + supplier).json().path("balances").get(0).path("balance").asText());
            assertEquals("1200.00", get("/purchase-orders/" + poNumber).json().path("outstandingAmount").asText());
            JsonNode balance = get("/receivables/" + code).json().path("balances").get(0);
            // The order shipped while inventory was away (8), the one before (1) and the one finance missed (2), at 520.00.
            assertEquals(balance.toString(), "5720.00", balance.path("balance").asText());
            if (round == 0) {
                shell("admin", adminPassword, "feature:uninstall titrate-finance");
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> !installedModules().get("finance"));
            }
        }

        // Sales is downstream of customers and products: with inventory, finance, notifications and invoicing gone first, it leaves alone and
        // upstream keeps serving.
        shell("admin", adminPassword, "feature:uninstall titrate-inventory");
        shell("admin", adminPassword, "feature:uninstall titrate-finance");
        shell("admin", adminPassword, "feature:uninstall titrate-notifications");
        shell("admin", adminPassword, "feature:uninstall titrate-invoicing");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> !installedModules().get("inventory") && !installedModules().get("finance")
                        && !installedModules().get("notifications") && !installedModules().get("invoicing"));
        assertEquals(404, get("/invoices?limit=1").status());
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

        // Sales ships while invoicing is away (and inventory: no stock checks).
        String away = confirmed(code, wh, sku, 3);
        assertEquals(200, post("/sales-orders/" + away + "/ship", map()).status());

        // Invoicing comes back on top of them as if installed for the first time (no tables' rows, no cursor) and learns from
        // the event log what shipped before and meanwhile, each order once.
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String table : new String[] {"IVC_INVOICE_LINE", "IVC_INVOICE", "IVC_ORDER_LINE", "IVC_POSTED"}) {
                st.executeUpdate("DELETE FROM " + table);
            }
        }
        log.unregister("invoicing.sales");
        shell("admin", adminPassword, "feature:install titrate-invoicing");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/invoices?limit=1").status() == 200 && installedModules().get("invoicing")
                        && http("GET", "/soap/InvoiceService?wsdl", null, null, null, Map.of()).status() == 200);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/invoices/progress?orderNumber=" + away).json().path("items").size() == 1);
        assertEquals("1560.00", get("/invoices/progress?orderNumber=" + away).json().path("items").get(0).path("shippedAmount").asText());
        assertEquals("1040.00", get("/invoices/progress?orderNumber=" + missed).json().path("items").get(0).path("shippedAmount").asText());
        // 8 + 1 + 2 + 3 shipped at 520.00.
        assertEquals("7280.00", get("/invoices/progress?by=customer&customerCode=" + code).json().path("items").get(0)
                .path("shippedAmount").asText());
    }
}
