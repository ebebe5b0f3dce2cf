package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The commands an admin or a supervisor runs every day, over a real SSH connection so the exit status counts:
 * order confirm, ship and cancel, return reject and receive, the order list by dates; each refuses bad input with
 * exit 1 and a message that says what is wrong.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DailyCommandsIT extends TitrateTestSupport {

    private SshAnswer ok(String command) throws Exception {
        SshAnswer a = sshExec("127.0.0.1", "admin", adminPassword, command);
        assertEquals(command + ": " + a.output(), Integer.valueOf(0), a.exitStatus());
        return a;
    }

    private String refused(String command) throws Exception {
        SshAnswer a = sshExec("127.0.0.1", "admin", adminPassword, command);
        assertEquals(command + ": " + a.output(), Integer.valueOf(1), a.exitStatus());
        return a.output();
    }

    private String status(String number) {
        return get("/sales-orders/" + number).json().path("status").asText();
    }

    private String draft(String customer, String warehouse, String sku, int quantity) {
        Reply created = post("/sales-orders", map("type", "ORDER", "customerCode", customer, "warehouseCode", warehouse,
                "lines", List.of(map("sku", sku, "quantity", quantity))));
        assertEquals(created.body(), 201, created.status());
        return created.json().path("number").asText();
    }

    private String submittedReturn(String order) {
        // a return of one unit of the order's first line, with its reason (a return cannot be submitted without one)
        com.fasterxml.jackson.databind.JsonNode o = get("/sales-orders/" + order).json();
        Reply r = post("/sales-orders", map("type", "RETURN", "customerCode", o.path("customerCode").asText(),
                "warehouseCode", o.path("warehouseCode").asText(), "comment", "客户反映包装破损",
                "lines", List.of(map("sku", o.path("lines").get(0).path("sku").asText(), "direction", "RETURN", "quantity", -1,
                        "reasonCode", "DAMAGED"))));
        assertEquals(r.body(), 201, r.status());
        String number = r.json().path("number").asText();
        Reply submitted = post("/sales-orders/" + number + "/submit", map());
        assertEquals(submitted.body(), 200, submitted.status());
        return number;
    }

    @Test
    public void ordersAndReturnsMoveThroughTheirWorkflowFromTheShell() throws Exception {
        String customer = "DLY-" + RUN;
        assertEquals(201, post("/customers", map("code", customer, "name", "绍兴柯桥印染有限公司 " + RUN)).status());
        String sku = "DLY-" + RUN;
        assertEquals(201, post("/products", map("sku", sku, "name", "冰醋酸 99.8%", "unit", "吨", "listPrice", 3200)).status());
        String wh = "DLYW-" + RUN;
        assertEquals(201, post("/warehouses", map("code", wh, "name", "宁波大榭危化品仓库")).status());
        assertEquals(201, post("/stock-documents", map("type", "RECEIPT", "warehouseCode", wh, "lines",
                List.of(map("sku", sku, "quantity", 20)))).status());

        String order = draft(customer, wh, sku, 4);
        // typed in lower case, as people do
        assertTrue(ok("titrate:order-confirm " + order.toLowerCase()).output().contains(order + " is CONFIRMED"));
        assertEquals("CONFIRMED", status(order));
        assertTrue(refused("titrate:order-confirm " + order).length() > 0);
        ok("titrate:order-ship " + order + " 'truck ZJ-B12345'");
        assertEquals("SHIPPED", status(order));

        String cancelled = draft(customer, wh, sku, 1);
        ok("titrate:order-cancel " + cancelled);
        assertEquals("CANCELLED", status(cancelled));
        assertTrue(refused("titrate:order-ship NOPE-" + RUN).contains("NOPE-" + RUN));

        String rejected = submittedReturn(order);
        assertTrue(refused("titrate:order-ship " + rejected).contains("is a return, not an order"));
        assertTrue(refused("titrate:return-reject " + rejected).contains("reason"));
        assertEquals("SUBMITTED", status(rejected));
        // Karaf reads options before the arguments, as every Karaf command does
        ok("titrate:return-reject --reason '超过退货期限' " + rejected);
        assertEquals("REJECTED", status(rejected));
        assertTrue(get("/sales-orders/" + rejected + "/history").body().contains("超过退货期限"));

        String received = submittedReturn(order);
        assertEquals(200, post("/sales-orders/" + received + "/approve", map()).status());
        ok("titrate:return-receive " + received);
        assertEquals("RECEIVED", status(received));

        String day = get("/sales-orders/" + order).json().path("orderDate").asText();
        String listed = ok("titrate:order-list --from " + day + " --to " + day + " --customer " + customer).output();
        assertTrue(listed, listed.contains(order) && listed.contains(cancelled) && listed.contains(received));
        assertTrue(ok("titrate:order-list --from 2000-01-01 --to 2000-01-31 --customer " + customer).output().contains("0 of 0"));
        String bad = refused("titrate:order-list --from 2026-13-01 --to 2026-01-01");
        assertTrue(bad, bad.contains("from"));
        assertTrue(refused("titrate:order-list --from 2026-02-01 --to 2026-01-01").contains("to"));
    }

    @Test
    public void purchasingReceivesStockExpiresAndReceivablesFallOverdueFromTheShell() throws Exception {
        String wh = "DLYP-" + RUN;
        assertEquals(201, post("/warehouses", map("code", wh, "name", "上海化学工业区仓库")).status());
        String sku = "DLYL-" + RUN;
        assertEquals(201, post("/products", map("sku", sku, "name", "过氧化氢 27.5%", "unit", "吨", "listPrice", 1500,
                "lotTracked", true)).status());
        String supplier = "DLYS-" + RUN;
        assertEquals(201, post("/suppliers", map("code", supplier, "name", "山东华鲁恒升化工股份有限公司")).status());
        Reply po = post("/purchase-orders", map("type", "ORDER", "supplierCode", supplier, "warehouseCode", wh,
                "lines", List.of(map("sku", sku, "quantity", 6, "unitPrice", 1100))));
        assertEquals(po.body(), 201, po.status());
        String number = po.json().path("number").asText();
        assertEquals(200, post("/purchase-orders/" + number + "/confirm", map()).status());

        String listed = ok("titrate:purchase-order-list --supplier " + supplier).output();
        assertTrue(listed, listed.contains(number) && listed.contains("CONFIRMED"));
        assertTrue(refused("titrate:purchase-order-list --from 2026-02-30").contains("from"));
        assertTrue(refused("titrate:purchase-order-receive --lot first " + number).toLowerCase().contains("lot"));
        String lot = "L" + RUN;
        String expiry = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(10).toString();
        ok("titrate:purchase-order-receive --lot 1:" + lot + ":" + expiry + " " + number.toLowerCase());
        assertEquals("RECEIVED", get("/purchase-orders/" + number).json().path("status").asText());

        String soon = ok("titrate:stock --expiring 30 --warehouse " + wh).output();
        assertTrue(soon, soon.contains(lot) && soon.contains(expiry) && soon.contains(sku));
        assertTrue(ok("titrate:stock --expiring 3 --warehouse " + wh).output().contains("0 of 0 lots"));
        assertTrue(refused("titrate:stock --expiring soon").contains("expiring"));
        assertTrue(refused("titrate:stock").contains("sku"));

        String customer = "DLYC-" + RUN;
        assertEquals(201, post("/customers", map("code", customer, "name", "常州新北区电子化学品厂 " + RUN)).status());
        Reply order = post("/sales-orders", map("type", "ORDER", "customerCode", customer, "warehouseCode", wh,
                "lines", List.of(map("sku", sku, "quantity", 2, "lot", lot))));
        assertEquals(order.body(), 201, order.status());
        String so = order.json().path("number").asText();
        ok("titrate:order-confirm " + so);
        ok("titrate:order-ship " + so);
        String overdue = ok("titrate:receivables-overdue --as-of 2099-01-01 --customer " + customer).output();
        assertTrue(overdue, overdue.contains(so) && overdue.contains("1 of 1"));
        assertTrue(ok("titrate:receivables-overdue --customer " + customer).output().contains("0 of 0"));
        assertTrue(refused("titrate:receivables-overdue --as-of 2027-13-45").contains("as-of"));
    }
}
