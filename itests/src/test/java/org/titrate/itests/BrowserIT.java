package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The browser application end to end, in Debian's Chromium driven by playwright-core
 * ({@code bundles/web/e2e/flows.mjs}), against the packaged distribution running as its own process:
 * sign-in, a customer (and one named {@code <script>alert(1)</script>}, shown as text), a 3-line order
 * with a custom field shipped by a warehouse user, a return with an exchange line submitted, approved and
 * received, a finance receipt that moves the balance, a batch stock document from ticked rows, the
 * dashboard's charts drawn from the reporting module, a report page whose XLSX and CSV exports are downloaded
 * (the XLSX read back with Apache POI), the administration screens (modules, custom fields, return reasons, a
 * product with CAS, UN number and hazard class created and changed), a purchase order entered, confirmed and received
 * by a purchasing user, a supplier payment registered against payables by a finance user, the sales user's inbox
 * message of the submitted return marked read (the header's badge follows), the language switch, and a viewer who sees
 * no write button and whom the API refuses. Invoices, contracts and employees: a salesperson created (a bad mobile shown
 * at its field) and given to the customer, the buyer's tax data (a wrong check character refused at the field), an
 * invoice requested by line from the shipped order, exported (XLSX read back) and issued by finance, the red invoice
 * the received return proposes imported as issued from pasted text, a further reversal refused at its line, a contract
 * drafted with an agreed price, activated, a scan refused by its content and the signed scan uploaded and downloaded
 * unchanged, the salesperson deactivated.
 * Screenshots (zh-CN, 1366×768) land in {@code target/screenshots}; figures in {@code target/browser-figures.txt}.
 */
public class BrowserIT {
    private static final String RUN = TitrateTestSupport.RUN;
    private static final String ADMIN_PASSWORD = "it-" + RUN + "-admin-secret";
    private static final String PASSWORD = "Br0wser-" + RUN + "-pass";
    private static final ObjectMapper JSON = new ObjectMapper();
    private DistributionProcess titrate;

    @Before
    public void unpack() throws Exception {
        titrate = new DistributionProcess("browser-it", ADMIN_PASSWORD);
    }

    @After
    public void stop() throws Exception {
        titrate.close();
    }

    @Test
    public void salesWarehouseFinanceAndViewerWorkInTheBrowser() throws Exception {
        titrate.start();
        titrate.awaitServing("/customers", "/sales-orders", "/stock", "/receivables", "/custom-fields");
        String warehouse = "BW" + RUN;
        created(titrate.call("POST", "/warehouses", Map.of("code", warehouse, "name", "杭州下沙仓 " + RUN, "allowNegativeStock", false)));
        String[] names = {"氢氧化钠 25kg", "盐酸 31% 桶装", "无水乙醇 AR 500ml"};
        String[] cas = {"1310-73-2", "7647-01-0", "64-17-5"};
        String[] skus = new String[3];
        for (int i = 0; i < 3; i++) {
            skus[i] = "BP" + i + "-" + RUN;
            created(titrate.call("POST", "/products", Map.of("sku", skus[i], "name", names[i] + " " + RUN, "unit", "桶",
                    "listPrice", 120 + 15 * i, "casNumber", cas[i])));
            // Invoice requests copy each product's VAT rate and classification code (化学试剂 under 107).
            assertEquals(200, titrate.call("PUT", "/products/" + skus[i] + "/tax", Map.of("taxRate", 0.13, "taxCode", "1070213010000000000")).status());
        }
        created(titrate.call("POST", "/stock-documents", Map.of("type", "RECEIPT", "warehouseCode", warehouse, "reference", "IT-" + RUN,
                "lines", List.of(Map.of("sku", skus[0], "quantity", 100), Map.of("sku", skus[1], "quantity", 100), Map.of("sku", skus[2], "quantity", 100)))));
        String field = "po" + RUN.toLowerCase();
        created(titrate.call("POST", "/custom-fields", Map.of("entity", "sales-order", "key", field, "label", "客户订单号", "type", "TEXT", "required", false)));
        String reason = "R" + RUN;
        created(titrate.call("POST", "/return-reasons", Map.of("code", reason, "name", "包装破损 " + RUN)));
        String supplier = "BS" + RUN;
        created(titrate.call("POST", "/suppliers", Map.of("code", supplier, "name", "江苏化学试剂有限公司 " + RUN, "contactName", "王经理")));
        Map<String, String> users = Map.of("sales", "bsales" + RUN.toLowerCase(), "warehouse", "bwh" + RUN.toLowerCase(),
                "finance", "bfin" + RUN.toLowerCase(), "purchasing", "bpur" + RUN.toLowerCase(), "viewer", "bview" + RUN.toLowerCase());
        users.forEach((role, name) -> created(titrate.call("POST", "/users", Map.of("username", name, "password", PASSWORD, "roles", List.of(role)))));

        Path shots = Path.of("target", "screenshots").toAbsolutePath();
        Path web = Path.of("..", "bundles", "web").toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder("node", "e2e/flows.mjs").directory(web.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(new File("target/browser-e2e.log")));
        Map<String, String> env = pb.environment();
        env.put("TITRATE_URL", titrate.url("").replace("/api/v1", ""));
        env.put("TITRATE_RUN", RUN);
        env.put("TITRATE_SCREENSHOTS", shots.toString());
        env.put("TITRATE_SKUS", String.join(",", skus));
        env.put("TITRATE_WAREHOUSE", warehouse);
        env.put("TITRATE_SUPPLIER", supplier);
        env.put("TITRATE_CUSTOM_FIELD", field);
        env.put("TITRATE_REASON", "包装破损 " + RUN);
        env.put("TITRATE_PASSWORD", PASSWORD);
        env.put("TITRATE_DOWNLOADS", Path.of("target", "downloads").toAbsolutePath().toString());
        users.forEach((role, name) -> env.put("TITRATE_" + role.toUpperCase() + "_USER", name));
        env.put("TITRATE_ADMIN_USER", "admin");
        env.put("TITRATE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("the browser flows did not finish in 10 minutes", p.waitFor(10, TimeUnit.MINUTES));
        assertEquals("browser flows failed (target/browser-e2e.log):\n" + out, 0, p.exitValue());
        String[] lines = out.strip().split("\n");
        JsonNode r = JSON.readTree(lines[lines.length - 1]);

        assertEquals("the <script> name must never run", 0, r.path("alerts").size());
        assertEquals("a viewer's write is refused by the API", 403, r.path("viewerApiStatus").asInt());
        assertEquals("a cookie without the CSRF token changes nothing", 403, r.path("withoutCsrfStatus").asInt());
        assertNotEquals(r.path("balanceBefore").asText(), r.path("balanceAfter").asText());
        assertEquals("SHIPPED", titrate.call("GET", "/sales-orders/" + r.path("order").asText(), null).json().path("status").asText());
        JsonNode ret = titrate.call("GET", "/sales-orders/" + r.path("return").asText(), null).json();
        assertEquals("RECEIVED", ret.path("status").asText());
        assertEquals("SF" + RUN, ret.path("trackingNumber").asText());
        assertTrue("the return holds an exchange (SHIP) line", ret.path("lines").findValuesAsText("direction").contains("SHIP"));
        assertEquals("PO-" + RUN, titrate.call("GET", "/sales-orders/" + r.path("order").asText(), null).json().path("customFields").path(field).asText());
        assertEquals(403, TitrateTestSupport.http("POST", titrate.url("/customers"), users.get("viewer"), PASSWORD,
                Map.of("code", "VB" + RUN, "name", "只读"), Map.of()).status());
        // The purchase order entered in the browser was received; the supplier payment registered against it.
        JsonNode po = titrate.call("GET", "/purchase-orders/" + r.path("purchaseOrder").asText(), null).json();
        assertEquals(po.toString(), "RECEIVED", po.path("status").asText());
        assertEquals(supplier, po.path("supplierCode").asText());
        assertEquals(2, po.path("lines").size());
        assertEquals(0, po.path("totalAmount").decimalValue().compareTo(new java.math.BigDecimal("2420.00")));
        JsonNode payments = titrate.call("GET", "/supplier-payments?supplierCode=" + supplier, null).json();
        assertEquals(payments.toString(), 1, payments.path("items").size());
        assertEquals(0, payments.path("items").get(0).path("amount").decimalValue().compareTo(new java.math.BigDecimal("1000")));
        assertEquals("HD" + RUN, payments.path("items").get(0).path("reference").asText());
        assertNotEquals(r.path("payableBefore").asText(), r.path("payableAfter").asText());
        // The inbox message the sales user marked read in the browser is read for the API too, and the count went down.
        JsonNode inbox = TitrateTestSupport.http("GET", titrate.url("/notifications?limit=200"), users.get("sales"), PASSWORD, null, Map.of()).json();
        boolean read = false;
        for (JsonNode m : inbox.path("items")) {
            if (r.path("inboxMessage").asText().equals(m.path("orderNumber").asText()) && m.path("read").asBoolean()) {
                read = true;
            }
        }
        assertTrue(inbox.toString(), read);
        assertEquals(r.toString(), r.path("inboxUnreadBefore").asInt() - 1, r.path("inboxUnreadAfter").asInt());
        // The dashboard's three charts drew this run's shipment (canvas and non-empty series), the report page its table.
        for (String chart : new String[] {"share", "ranking", "trend"}) {
            assertTrue(chart + ": " + r.path("dashboardCharts"), r.path("dashboardCharts").path(chart).path("points").asInt() > 0);
            assertTrue(chart + ": " + r.path("dashboardCharts"), r.path("dashboardCharts").path(chart).path("canvas").asInt() > 0);
        }
        assertTrue(r.toString(), r.path("reportRows").asInt() > 0);
        assertTrue(r.toString(), r.path("reportChartPoints").asInt() > 0);
        assertXlsxExport(r.path("xlsx"));
        String csvName = r.path("csv").path("name").asText();
        assertTrue(csvName, csvName.startsWith("sales-summary_") || csvName.startsWith("销量汇总_"));
        assertTrue(csvName, csvName.endsWith(".csv"));
        byte[] csv = Files.readAllBytes(Path.of(r.path("csv").path("file").asText()));
        assertTrue("the CSV starts with a UTF-8 byte order mark", csv.length > 3 && (csv[0] & 0xFF) == 0xEF && (csv[1] & 0xFF) == 0xBB);

        // Administration made what the API now answers.
        assertTrue(r.toString(), r.path("modules").asInt() > 0);
        assertEquals("标签错误 " + RUN, titrate.call("GET", "/return-reasons/" + r.path("reasonCode").asText(), null).json().path("name").asText());
        JsonNode field2 = titrate.call("GET", "/custom-fields?limit=500", null).json();
        assertTrue(field2.toString(), field2.path("items").findValuesAsText("key").contains(r.path("fieldKey").asText()));
        JsonNode product = titrate.call("GET", "/products/" + r.path("productSku").asText(), null).json();
        assertEquals("7664-93-9", product.path("casNumber").asText());
        assertEquals("UN1830", product.path("unNumber").asText());
        assertEquals("8", product.path("hazardClass").asText());
        assertEquals("II", product.path("packingGroup").asText());
        assertEquals(0, product.path("listPrice").decimalValue().compareTo(new java.math.BigDecimal("880.00")));

        assertInvoicesContractsAndEmployees(r);

        for (String png : new String[] {"40-employees.png", "42-invoice-request.png", "44-invoice-issued.png", "46-invoice-progress.png",
                "47-contract-new.png", "48-contract-scan.png", "01-signin.png", "02-dashboard.png", "05-order-entry.png", "10-finance.png", "11-stock-entry.png",
                "14-dashboard-charts.png", "15-report-sales-summary.png", "19-admin-modules.png", "22-product-new.png",
                "24-purchase-entry.png", "26-payables.png", "27-notifications.png"}) {
            assertTrue(png, Files.size(shots.resolve(png)) > 10_000);
        }
        Files.writeString(Path.of("target", "browser-figures.txt"), "cold signed-in dashboard load: " + r.path("coldDashboardMillis").asLong()
                + " ms; navigation " + r.path("coldNavigation") + "; step millis " + r.path("stepMillis") + "; screenshots " + r.path("screenshots")
                + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** What the invoice, contract and employee screens did, as the API now answers it. */
    private void assertInvoicesContractsAndEmployees(JsonNode r) throws Exception {
        String employee = r.path("employee").asText();
        assertTrue(r.toString(), r.path("employeeError").asText().contains("mobile"));
        JsonNode emp = titrate.call("GET", "/employees/" + employee, null).json();
        assertEquals("李晓明", emp.path("name").asText());
        assertFalse("deactivated in the browser", emp.path("active").asBoolean());
        String customer = "E2E" + RUN;
        assertEquals(employee, titrate.call("GET", "/customers/" + customer, null).json().path("salesperson").asText());
        assertEquals(r.path("taxId").asText(), titrate.call("GET", "/customers/" + customer + "/tax-data", null).json().path("taxId").asText());

        JsonNode blue = titrate.call("GET", "/invoices/" + r.path("invoice").asText(), null).json();
        assertEquals(blue.toString(), "ISSUED", blue.path("status").asText());
        assertEquals(r.path("blueNumber").asText(), blue.path("invoiceNumber").asText());
        assertEquals("SPECIAL", blue.path("type").asText());
        // Picked by line: 1 of line 1, all of line 2, nothing of line 3.
        assertEquals(blue.toString(), 2, blue.path("lines").size());
        assertEquals(0, blue.path("lines").get(0).path("quantity").decimalValue().compareTo(java.math.BigDecimal.ONE));
        JsonNode red = titrate.call("GET", "/invoices/" + r.path("redInvoice").asText(), null).json();
        assertEquals(red.toString(), "RED", red.path("kind").asText());
        assertEquals(red.toString(), "ISSUED", red.path("status").asText());
        assertEquals(r.path("redNumber").asText(), red.path("invoiceNumber").asText());
        assertEquals(blue.path("number").asText(), red.path("originalNumber").asText());
        assertEquals(r.toString(), 0, red.path("amountInclusive").decimalValue().add(blue.path("amountInclusive").decimalValue()).signum());
        assertTrue(r.toString(), r.path("redRefused").asText().contains("remain"));
        assertTrue(r.toString(), r.path("xlsxRefused").asText().contains("发票号码"));
        try (Workbook book = WorkbookFactory.create(new File(r.path("invoiceXlsx").asText()))) {
            String sheet = dump(book.getSheetAt(0));
            assertTrue(sheet, sheet.contains(blue.path("number").asText()) && sheet.contains("1070213010000000000"));
        }

        JsonNode contract = titrate.call("GET", "/contracts/" + r.path("contract").asText(), null).json();
        assertEquals(contract.toString(), "ACTIVE", contract.path("status").asText());
        assertEquals(employee, contract.path("salesperson").asText());
        assertEquals(1, contract.path("prices").size());
        assertEquals(0, contract.path("prices").get(0).path("unitPrice").decimalValue().compareTo(new java.math.BigDecimal("110.00")));
        assertEquals(contract.toString(), 1, contract.path("attachments").size());
        assertEquals("购销合同-签字版.pdf", contract.path("attachments").get(0).path("fileName").asText());
        assertEquals("购销合同-签字版.pdf", r.path("scan").path("name").asText());
        assertTrue("the scan downloaded as uploaded", r.path("scan").path("same").asBoolean());
        assertTrue(r.toString(), r.path("scanRefused").asText().contains("PDF"));
    }

    private static String dump(Sheet sheet) {
        StringBuilder out = new StringBuilder();
        for (Row row : sheet) {
            for (Cell c : row) {
                out.append(c.getCellType() == CellType.STRING ? c.getStringCellValue() : c.toString()).append('\t');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The XLSX the browser downloaded opens, has the report's header and the net amount as a number. */
    private static void assertXlsxExport(JsonNode download) throws Exception {
        String name = download.path("name").asText();
        assertTrue(name, name.endsWith(".xlsx") && name.contains("sales-summary_"));
        try (Workbook book = WorkbookFactory.create(new File(download.path("file").asText()))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);
            int net = -1;
            for (Cell c : header) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().startsWith("净金额")) {
                    net = c.getColumnIndex();
                }
            }
            assertTrue("no 净金额 column in " + header, net >= 0);
            assertTrue("no data rows", sheet.getLastRowNum() >= 1);
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Cell amount = sheet.getRow(i).getCell(net);
                assertEquals("row " + i, CellType.NUMERIC, amount.getCellType());
                sum = sum.add(java.math.BigDecimal.valueOf(amount.getNumericCellValue()));
            }
            assertNotEquals("the exchange line leaves a net amount", 0, sum.signum());
        }
    }

    private static void created(TitrateTestSupport.Reply reply) {
        assertEquals(reply.body(), 201, reply.status());
    }
}
