package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.inject.Inject;
import javax.xml.transform.Source;
import javax.xml.ws.Dispatch;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.titrate.sales.api.SalesInvoicing;

/**
 * Invoicing: tax data on products and customers, invoice requests from shipped orders, issuing, red-letter
 * invoices proposed when returns come back, over-invoicing and over-reversal refused (also when racing), the
 * invoicing progress per order and customer.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InvoicingIT extends TitrateTestSupport {
    private static final String WH = "IW-" + RUN;
    private static final String SODA = "IS-" + RUN;
    private static final String ACID = "IA-" + RUN;
    /** A valid unified social credit code (check character U). */
    private static final String TAX_ID = "91310000607216596U";
    private static int customers;
    private static int numbers;

    /** What contracts read: the invoiced amount per order. */
    @Inject
    @Filter(timeout = 300_000)
    protected SalesInvoicing salesInvoicing;

    @Before
    public void masterData() {
        // Modules start in any order: invoicing serves once its tables are migrated.
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(250)).until(() -> get("/invoices?limit=1").status() == 200);
        if (get("/products/" + SODA).status() == 200) {
            return;
        }
        ensureWarehouse(WH, "江苏泰兴经济开发区危化品库 " + RUN, true, false);
        assertEquals(201, post("/products", map("sku", SODA, "name", "纯碱(碳酸钠) 99.2% 40kg/袋", "unit", "袋", "casNumber", "497-19-8",
                "listPrice", new BigDecimal("118.00"), "lotTracked", false)).status());
        assertEquals(201, post("/products", map("sku", ACID, "name", "冰醋酸 99.8% 30kg/桶", "unit", "桶", "casNumber", "64-19-7",
                "listPrice", new BigDecimal("33.33"), "lotTracked", false)).status());
        assertOk(put("/products/" + SODA + "/tax", map("taxRate", new BigDecimal("0.13"), "taxCode", "1070213010000000000",
                "specification", "99.2% 40kg/袋")));
        assertOk(put("/products/" + ACID + "/tax", map("taxRate", 0.13, "taxCode", "1070214020000000000")));
    }

    // ---- helpers ----

    private static JsonNode assertOk(Reply r) {
        assertTrue(r.body(), r.status() == 200 || r.status() == 201);
        return r.json();
    }

    private String customer(boolean taxData) {
        String code = "IC" + (++customers) + "-" + RUN;
        assertEquals(201, post("/customers", map("code", code, "name", "常州强力电子新材料股份有限公司 " + code, "status", "ACTIVE",
                "channel", "WHOLESALE", "paymentTermDays", 30)).status());
        if (taxData) {
            assertOk(put("/customers/" + code + "/tax-data", map("name", "常州强力电子新材料股份有限公司", "taxId", TAX_ID,
                    "addressPhone", "江苏省常州市武进区遥观镇 0519-88390096", "bankAccount", "中国工商银行常州武进支行 1105020209000012345")));
        }
        return code;
    }

    private String shipped(String customer, Object... lines) {
        return shippedOrder(map("type", "ORDER", "customerCode", customer, "warehouseCode", WH, "lines", List.of(lines)));
    }

    private static Map<String, Object> line(String sku, Object quantity) {
        return map("sku", sku, "direction", "SHIP", "quantity", quantity);
    }

    private static String digits(int n) {
        String base = String.valueOf(System.nanoTime() % 100000000L) + (++numbers);
        StringBuilder b = new StringBuilder();
        while (b.length() < n) {
            b.append(base);
        }
        return b.substring(b.length() - n);
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    private JsonNode issue(String number, String type) {
        return assertOk(post("/invoices/" + number + "/issue", "ELECTRONIC".equals(type)
                ? map("invoiceNumber", digits(20), "issueDate", today())
                : map("invoiceNumber", digits(8), "invoiceCode", digits(12), "issueDate", today())));
    }

    private JsonNode progress(String query) {
        JsonNode items = get("/invoices/progress?" + query).json().path("items");
        assertEquals(items.toString(), 1, items.size());
        return items.get(0);
    }

    private static BigDecimal dec(JsonNode n) {
        return new BigDecimal(n.asText());
    }

    private String returned(String customer, String order, String sku, int quantity) {
        Reply created = post("/sales-orders", map("type", "RETURN", "customerCode", customer, "warehouseCode", WH, "sourceOrderNumber", order,
                "lines", List.of(map("sku", sku, "quantity", -quantity, "reasonCode", "DAMAGED"))));
        assertEquals(created.body(), 201, created.status());
        String number = created.json().path("number").asText();
        for (String action : new String[] {"submit", "approve", "receive"}) {
            Reply r = post("/sales-orders/" + number + "/" + action, map());
            assertEquals(r.body(), 200, r.status());
        }
        return number;
    }

    // ---- tests ----

    @Test
    public void badTaxIdsRatesAndCodesAreRefusedNamingTheField() {
        String customer = customer(false);
        assertTrue(assertProblem(400, put("/customers/" + customer + "/tax-data", map("name", "某公司", "taxId", "91310000607216596A")))
                .errorFields().contains("taxId"));
        assertTrue(assertProblem(400, put("/customers/" + customer + "/tax-data", map("name", "某公司", "taxId", "9131000060721659")))
                .errorFields().contains("taxId"));
        assertTrue(assertProblem(400, put("/customers/" + customer + "/tax-data", map("taxId", TAX_ID))).errorFields().contains("name"));
        assertTrue(assertProblem(400, put("/products/" + SODA + "/tax", map("taxRate", 0.17, "taxCode", "1070213010000000000")))
                .errorFields().contains("taxRate"));
        assertTrue(assertProblem(400, put("/products/" + SODA + "/tax", map("taxRate", 0.13, "taxCode", "10702130")))
                .errorFields().contains("taxCode"));
        assertEquals("0.13", get("/products/" + SODA + "/tax").json().path("taxRate").asText());
        JsonNode data = assertOk(put("/customers/" + customer + "/tax-data", map("name", "常州强力电子新材料股份有限公司", "taxId",
                "91320500ma1mxy8u22")));
        assertEquals("91320500MA1MXY8U22", data.path("taxId").asText());
        assertEquals("常州强力电子新材料股份有限公司", get("/customers/" + customer + "/tax-data").json().path("name").asText());
    }

    @Test
    public void aShippedOrderIsRequestedAndIssuedOnceAndOverInvoicingIsRefused() {
        String customer = customer(true);
        String so = shipped(customer, line(SODA, 10), line(ACID, 3));
        // A special invoice needs the buyer's tax data: a customer without is refused naming it.
        String bare = customer(false);
        String other = shipped(bare, line(SODA, 1));
        assertTrue(assertProblem(400, post("/invoices", map("customerCode", bare, "type", "SPECIAL", "orderNumbers", List.of(other))))
                .errorFields().contains("customerCode"));
        // Another customer's order is not this buyer's.
        assertTrue(assertProblem(400, post("/invoices", map("customerCode", customer, "type", "SPECIAL", "orderNumbers", List.of(so, other))))
                .errorFields().contains("orderNumbers[1]"));

        Reply created = post("/invoices", map("customerCode", customer, "type", "SPECIAL", "orderNumbers", List.of(so), "comment", "十月货款"));
        assertEquals(created.body(), 201, created.status());
        JsonNode inv = created.json();
        String number = inv.path("number").asText();
        assertTrue(number, number.matches("IV-\\d{4}-\\d{6}"));
        assertEquals("REQUESTED", inv.path("status").asText());
        assertEquals("常州强力电子新材料股份有限公司", inv.path("buyerName").asText());
        assertEquals(TAX_ID, inv.path("buyerTaxId").asText());
        // Per line to the cent: 10 × 118.00 = 1180.00 → 1044.25 + 135.75; 3 × 33.33 = 99.99 → 88.49 + 11.50.
        JsonNode l1 = inv.path("lines").get(0);
        assertEquals("纯碱(碳酸钠) 99.2% 40kg/袋", l1.path("productName").asText());
        assertEquals("1070213010000000000", l1.path("taxCode").asText());
        assertEquals(new BigDecimal("1044.25"), dec(l1.path("amount")));
        assertEquals(new BigDecimal("135.75"), dec(l1.path("tax")));
        JsonNode l2 = inv.path("lines").get(1);
        assertEquals(new BigDecimal("88.49"), dec(l2.path("amount")));
        assertEquals(new BigDecimal("11.50"), dec(l2.path("tax")));
        assertEquals(new BigDecimal("1279.99"), dec(inv.path("amountInclusive")));
        assertEquals(new BigDecimal("147.25"), dec(inv.path("tax")));

        // Nothing more of the order: a line beyond shipped minus invoiced is refused naming it.
        assertTrue(assertProblem(409, post("/invoices", map("customerCode", customer, "type", "ORDINARY", "lines",
                List.of(map("orderNumber", so, "lineNo", 1, "quantity", 1))))).errorFields().contains("lines[0].quantity"));
        assertProblem(409, post("/invoices", map("customerCode", customer, "type", "ORDINARY", "orderNumbers", List.of(so))));

        JsonNode requested = progress("orderNumber=" + so);
        assertEquals(new BigDecimal("1279.99"), dec(requested.path("shippedAmount")));
        assertEquals(new BigDecimal("0.00"), dec(requested.path("invoicedAmount")));
        assertEquals(new BigDecimal("1279.99"), dec(requested.path("requestedAmount")));

        // Viewers read, they do not issue.
        String viewer = "iv-viewer-" + customers + "-" + RUN;
        String password = createUser(viewer, "viewer");
        assertEquals(200, http("GET", "/invoices/" + number, viewer, password, null, Map.of()).status());
        assertEquals(403, http("POST", "/invoices/" + number + "/issue", viewer, password, map("invoiceNumber", digits(8), "invoiceCode",
                digits(12), "issueDate", today()), Map.of()).status());
        JsonNode issued = issue(number, "SPECIAL");
        assertEquals("ISSUED", issued.path("status").asText());
        assertEquals(issued.toString(), number, get("/invoices/" + issued.path("invoiceNumber").asText()).json().path("number").asText());
        // An issued invoice never changes.
        assertTrue(assertProblem(409, post("/invoices/" + number + "/issue", map("invoiceNumber", digits(8), "invoiceCode", digits(12),
                "issueDate", today()))).errorFields().contains("requestNumber"));
        assertProblem(409, post("/invoices/" + number + "/cancel", map("reason", "开错了")));

        JsonNode done = progress("orderNumber=" + so);
        assertEquals(new BigDecimal("1279.99"), dec(done.path("invoicedAmount")));
        assertEquals(new BigDecimal("0.00"), dec(done.path("notInvoicedAmount")));
        JsonNode perCustomer = progress("by=customer&customerCode=" + customer);
        assertEquals(new BigDecimal("1279.99"), dec(perCustomer.path("invoicedAmount")));
    }

    @Test
    public void aReturnAgainstInvoicedGoodsProposesARedInvoiceNeverBeyondTheOriginal() {
        String customer = customer(true);
        String so = shipped(customer, line(SODA, 10));
        JsonNode blue = assertOk(post("/invoices", map("customerCode", customer, "type", "ELECTRONIC", "orderNumbers", List.of(so))));
        String original = blue.path("number").asText();
        // An electronic invoice has no code.
        assertTrue(assertProblem(400, post("/invoices/" + original + "/issue", map("invoiceNumber", digits(20), "invoiceCode", digits(12),
                "issueDate", today()))).errorFields().contains("invoiceCode"));
        issue(original, "ELECTRONIC");

        String ro = returned(customer, so, SODA, 4);
        JsonNode reds = get("/invoices?customerCode=" + customer + "&kind=RED").json().path("items");
        assertEquals(reds.toString(), 1, reds.size());
        JsonNode red = reds.get(0);
        assertEquals("REQUESTED", red.path("status").asText());
        assertEquals(original, red.path("originalNumber").asText());
        assertEquals(ro, red.path("returnNumber").asText());
        assertTrue(red.path("reason").asText(), red.path("reason").asText().contains("退货"));
        assertEquals(new BigDecimal("-4.000"), dec(red.path("lines").get(0).path("quantity")));
        assertEquals(1, red.path("lines").get(0).path("originalLineNo").asInt());
        assertEquals(new BigDecimal("-472.00"), dec(red.path("amountInclusive")));
        issue(red.path("number").asText(), "ELECTRONIC");

        // Invoiced = issued minus red, per order and per customer.
        assertEquals(new BigDecimal("708.00"), dec(progress("orderNumber=" + so).path("invoicedAmount")));
        assertEquals(new BigDecimal("708.00"), dec(progress("by=customer&customerCode=" + customer).path("shippedAmount")));
        assertEquals(new BigDecimal("708.00"), dec(progress("by=customer&customerCode=" + customer).path("invoicedAmount")));

        // Never more than the original minus earlier red invoices; a red request says why.
        assertTrue(assertProblem(400, post("/invoices/" + original + "/red", map("lines", List.of(map("lineNo", 1, "quantity", 1)))))
                .errorFields().contains("reason"));
        assertTrue(assertProblem(409, post("/invoices/" + original + "/red", map("reason", "单价开错", "lines",
                List.of(map("lineNo", 1, "quantity", 7))))).errorFields().contains("lines[0].quantity"));
        JsonNode rest = assertOk(post("/invoices/" + original + "/red", map("reason", "单价开错 全部冲红", "lines", List.of(map("lineNo", 1)))));
        assertEquals(new BigDecimal("-708.00"), dec(rest.path("amountInclusive")));
        assertEquals("单价开错 全部冲红", rest.path("reason").asText());
        assertProblem(409, post("/invoices/" + original + "/red", map("reason", "再冲", "lines", List.of(map("lineNo", 1, "quantity", 1)))));
        // Declining the proposal frees the quantity again.
        assertEquals("CANCELLED", assertOk(post("/invoices/" + rest.path("number").asText() + "/cancel", map("reason", "不冲了"))).path("status")
                .asText());
        assertOk(post("/invoices/" + original + "/red", map("reason", "再冲一件", "lines", List.of(map("lineNo", 1, "quantity", 1)))));
    }

    @Test
    public void racingRequestsAndRacingReversalsTakeOnlyWhatIsThere() throws Exception {
        String customer = customer(true);
        String so = shipped(customer, line(ACID, 10));
        List<Integer> blue = race(() -> post("/invoices", map("customerCode", customer, "type", "ORDINARY", "lines",
                List.of(map("orderNumber", so, "lineNo", 1, "quantity", 6)))).status());
        assertEquals(blue.toString(), List.of(201, 409), blue.stream().sorted().toList());
        String number = get("/invoices?customerCode=" + customer).json().path("items").get(0).path("number").asText();
        issue(number, "ORDINARY");
        List<Integer> red = race(() -> post("/invoices/" + number + "/red", map("reason", "数量开错", "lines",
                List.of(map("lineNo", 1, "quantity", 4)))).status());
        assertEquals(red.toString(), List.of(201, 409), red.stream().sorted().toList());
        JsonNode p = progress("orderNumber=" + so);
        assertEquals(new BigDecimal("199.98"), dec(p.path("invoicedAmount")));
        // 6 × 33.33 requested, 4 × 33.33 taken back by the red request not yet issued.
        assertEquals(new BigDecimal("-133.32"), dec(p.path("requestedAmount")));
    }

    @Test
    public void theTaxSystemsFilesGoBothWaysAndLegacyFinanceReadsOverSoap() throws Exception {
        String customer = customer(true);
        String so = shipped(customer, line(SODA, 2), line(ACID, 1));
        long beforeOther = get("/status").json().path("eventLog").path("lastSeq").asLong();
        String other = shipped(customer, line(SODA, 1));
        long seq = get("/status").json().path("eventLog").path("lastSeq").asLong();
        String special = assertOk(post("/invoices", map("customerCode", customer, "type", "SPECIAL", "orderNumbers", List.of(so))))
                .path("number").asText();
        String electronic = assertOk(post("/invoices", map("customerCode", customer, "type", "ELECTRONIC", "lines",
                List.of(map("orderNumber", other, "lineNo", 1))))).path("number").asText();

        // The requests in the tax system's import layout.
        Reply sheet = get("/invoices/export?customerCode=" + customer);
        assertEquals(200, sheet.status());
        assertTrue(sheet.header("content-type"), sheet.header("content-type").startsWith("application/vnd.openxmlformats"));
        assertTrue(sheet.body().startsWith("PK"));
        assertTrue(assertProblem(400, get("/invoices/export?status=NOPE")).errorFields().contains("status"));

        // What the tax system issued, imported as one file: all or none.
        String paperNumber = digits(8);
        String paperCode = digits(12);
        String eNumber = digits(20);
        assertTrue(assertProblem(400, post("/invoices/issued", List.of(
                map("requestNumber", special, "invoiceNumber", paperNumber, "invoiceCode", paperCode, "issueDate", today()),
                map("requestNumber", electronic, "invoiceNumber", "12AB", "issueDate", today())))).errorFields()
                .contains("issues[1].invoiceNumber"));
        assertEquals("REQUESTED", get("/invoices/" + special).json().path("status").asText());
        JsonNode issued = assertOk(post("/invoices/issued", List.of(
                map("requestNumber", special, "invoiceNumber", paperNumber, "invoiceCode", paperCode, "issueDate", today()),
                map("requestNumber", electronic, "invoiceNumber", eNumber, "issueDate", today()))));
        assertEquals(2, issued.size());
        assertEquals("ISSUED", get("/invoices/" + electronic).json().path("status").asText());

        // Contracts read the invoiced amounts through SalesInvoicing: 2 × 118.00 + 33.33 and 118.00.
        Map<String, BigDecimal> invoiced = salesInvoicing.invoiced(List.of(so, other, "SO-NONE-" + RUN));
        assertEquals(0, new BigDecimal("269.33").compareTo(invoiced.get(so)));
        assertEquals(0, new BigDecimal("118.00").compareTo(invoiced.get(other)));

        // Legacy finance: by the tax system's number, and what changed after an event.
        Dispatch<Source> soap = soapClient("InvoiceService", "urn:titrate:invoicing", "admin", adminPassword);
        String got = soapCall(soap, "<i:getInvoice xmlns:i='urn:titrate:invoicing'><number>" + paperNumber + "</number></i:getInvoice>");
        assertTrue(got, got.contains("<number>" + special + "</number>") && got.contains("<buyerName>常州强力电子新材料股份有限公司</buyerName>")
                && got.contains("<status>ISSUED</status>") && got.contains("<invoiceCode>" + paperCode + "</invoiceCode>"));
        String changes = soapCall(soap, "<i:listInvoicesChangedAfter xmlns:i='urn:titrate:invoicing'><afterSeq>" + seq
                + "</afterSeq><limit>50</limit></i:listInvoicesChangedAfter>");
        assertTrue(changes, changes.contains("<event>REQUESTED</event>") && changes.contains("<event>ISSUED</event>")
                && changes.contains("<number>" + electronic + "</number>"));
        // Finance's posting feed and sales' order feed carry the invoice number next to the order number.
        Dispatch<Source> finance = soapClient("FinanceService", "urn:titrate:finance", "admin", adminPassword);
        String postings = soapCall(finance, "<f:listPostingsAfter xmlns:f='urn:titrate:finance'><afterSeq>" + beforeOther
                + "</afterSeq><limit>100</limit></f:listPostingsAfter>");
        // a shipped order's own posting names the order as its document
        String posting = part(postings, "posting", "<documentNumber>" + other + "</documentNumber>");
        assertTrue(posting, posting.contains("<invoiceNumbers><invoiceNumber>" + electronic + "</invoiceNumber></invoiceNumbers>"));
        Dispatch<Source> sales = soapClient("SalesOrderService", "urn:titrate:sales", "admin", adminPassword);
        String orders = soapCall(sales, "<s:listOrdersAfter xmlns:s='urn:titrate:sales'><afterSeq>" + beforeOther
                + "</afterSeq><limit>100</limit></s:listOrdersAfter>");
        String order = part(orders, "order", "<number>" + other + "</number>");
        assertTrue(order, order.contains("<invoiceNumbers><invoiceNumber>" + electronic + "</invoiceNumber></invoiceNumbers>"));
        assertTrue(soapCall(sales, "<s:getOrder xmlns:s='urn:titrate:sales'><number>" + so + "</number></s:getOrder>")
                .contains("<invoiceNumber>" + special + "</invoiceNumber>"));

        // The shell lists them, in Chinese help too.
        String listed = shell("admin", adminPassword, "titrate:invoice-list --customer " + customer.toLowerCase());
        assertTrue(listed, listed.contains(special) && listed.contains(electronic) && listed.contains("2 of 2 invoices"));
        assertTrue(shell("admin", adminPassword, "titrate:invoice-list --help").contains("列出开票申请和发票"));
    }

    @Test
    public void theTaxSystemsExportOfIssuedInvoicesIssuesTheRequestsItMatchesRowByRow() throws Exception {
        String customer = customer(true);
        // 3 × 118.00 = 354.00 → 313.27 + 40.73; 17 × 33.33 = 566.61 → 501.42 + 65.19 (amounts no other request has).
        String so = shipped(customer, line(SODA, 3));
        String so2 = shipped(customer, line(ACID, 17));
        JsonNode special = assertOk(post("/invoices", map("customerCode", customer, "type", "SPECIAL", "orderNumbers", List.of(so))));
        String byRemarks = special.path("number").asText();
        assertEquals("99.2% 40kg/袋", special.path("lines").get(0).path("specification").asText());
        String byAmounts = assertOk(post("/invoices", map("customerCode", customer, "type", "ELECTRONIC", "orderNumbers", List.of(so2))))
                .path("number").asText();

        // Our export carries the specification and, in 备注, the request number the tax system prints and exports again.
        byte[] export = binary("GET", "/invoices/export?customerCode=" + customer, null).body();
        String exported = unzipped(export);
        assertTrue(exported, exported.contains("规格型号 Specification") && exported.contains("99.2% 40kg/袋")
                && exported.contains("备注 Remarks") && exported.contains(">" + byRemarks + "<"));

        // The tax system's export: a title, its header, a paper invoice naming our request in 备注, an all-electronic one
        // found by the buyer's tax id and amounts, someone else's invoice, a broken date, a voided invoice, the totals.
        String code = digits(12);
        String paper = digits(8);
        String digital = digits(20);
        String stranger = digits(8);
        byte[] xlsx = xlsx(List.of(
                List.of("发票基础信息 " + today()),
                List.of("序号", "发票代码", "发票号码", "数电票号码", "购方识别号", "购买方名称", "开票日期", "金额", "税额", "价税合计", "发票状态", "备注"),
                List.of(1, code, paper, "", TAX_ID, "常州强力电子新材料股份有限公司", LocalDate.parse(today()), 313.27, 40.73, 354.00, "正常",
                        byRemarks + " 十月货款"),
                List.of(2, "", "", digital, TAX_ID, "常州强力电子新材料股份有限公司", today() + " 10:15:00", 501.42, 65.19, 566.61, "正常", ""),
                List.of(3, digits(12), stranger, "", "91320500MA1MXY8U22", "苏州某贸易有限公司", LocalDate.parse(today()), 884.96, 115.04, 1000.00,
                        "正常", ""),
                List.of(4, "", "", digits(20), TAX_ID, "常州强力电子新材料股份有限公司", "三十日", 1, 0.13, 1.13, "正常", ""),
                List.of(5, digits(12), digits(8), "", TAX_ID, "常州强力电子新材料股份有限公司", today(), 1, 0.13, 1.13, "作废", ""),
                List.of("合计", "", "", "", "", "", "", 1700.65, 220.96, 1921.61)));
        JsonNode report = JSON.readTree(binary("POST", "/invoices/issued/xlsx", xlsx).body());
        JsonNode rows = report.path("rows");
        assertEquals(report.toString(), 5, rows.size());
        assertEquals(report.toString(), 2, report.path("issued").asInt());
        assertRow(rows.get(0), 3, "ISSUED", byRemarks, null);
        assertRow(rows.get(1), 4, "ISSUED", byAmounts, null);
        assertRow(rows.get(2), 5, "NO_MATCH", null, "备注");
        assertRow(rows.get(3), 6, "ERROR", null, "开票日期");
        assertRow(rows.get(4), 7, "SKIPPED", null, "发票状态");
        JsonNode issued = get("/invoices/" + byRemarks).json();
        assertEquals("ISSUED", issued.path("status").asText());
        assertEquals(paper, issued.path("invoiceNumber").asText());
        assertEquals(code, issued.path("invoiceCode").asText());
        assertEquals(today(), issued.path("issueDate").asText());
        assertEquals(digital, get("/invoices/" + byAmounts).json().path("invoiceNumber").asText());
        assertEquals(404, get("/invoices/" + stranger).status());

        // The same file again changes nothing: what it issued is answered as issued before.
        JsonNode again = JSON.readTree(binary("POST", "/invoices/issued/xlsx", xlsx).body());
        assertEquals(again.toString(), 0, again.path("issued").asInt());
        assertRow(again.path("rows").get(0), 3, "ALREADY_ISSUED", byRemarks, null);
        assertRow(again.path("rows").get(1), 4, "ALREADY_ISSUED", byAmounts, null);

        // What is no such export is refused naming the file; only finance imports.
        HttpResponse<byte[]> csv = binary("POST", "/invoices/issued/xlsx", "发票号码,开票日期\n1,2".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, csv.statusCode());
        assertTrue(new String(csv.body(), StandardCharsets.UTF_8).contains("\"file\""));
        HttpResponse<byte[]> noHeader = binary("POST", "/invoices/issued/xlsx", xlsx(List.of(List.of("商品名称", "数量"), List.of("纯碱", 1))));
        assertEquals(400, noHeader.statusCode());
        // Our own export is an XLSX file the reader opens, but no list of issued invoices.
        HttpResponse<byte[]> ours = binary("POST", "/invoices/issued/xlsx", export);
        assertEquals(400, ours.statusCode());
        assertTrue(new String(ours.body(), StandardCharsets.UTF_8), new String(ours.body(), StandardCharsets.UTF_8).contains("开票日期"));
        String viewer = "iv-importer-" + customers + "-" + RUN;
        String password = createUser(viewer, "sales");
        assertEquals(403, send("POST", "/invoices/issued/xlsx", xlsx, viewer, password).statusCode());
    }

    private static void assertRow(JsonNode row, int number, String outcome, String request, String column) {
        assertEquals(row.toString(), number, row.path("row").asInt());
        assertEquals(row.toString(), outcome, row.path("outcome").asText());
        if (request != null) {
            assertEquals(row.toString(), request, row.path("requestNumber").asText());
        }
        if (column != null) {
            assertEquals(row.toString(), column, row.path("column").asText());
            assertTrue(row.toString(), !row.path("message").asText().isBlank());
        }
    }

    private static final HttpClient BINARY = HttpClient.newHttpClient();

    private HttpResponse<byte[]> binary(String method, String path, byte[] body) throws Exception {
        return send(method, path, body, "admin", adminPassword);
    }

    private static HttpResponse<byte[]> send(String method, String path, byte[] body, String user, String password) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1" + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + token);
        if (body != null) {
            b.header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        return BINARY.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The XML parts of an XLSX file, one after the other (by its central directory: a streamed file's local headers lack sizes). */
    private static String unzipped(byte[] xlsx) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export-", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            StringBuilder b = new StringBuilder();
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    b.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            // fastexcel writes what is not ASCII as character references (&#x888b;)
            return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(b).replaceAll(m -> new String(Character.toChars(
                    Integer.parseInt(m.group(1), 16))));
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    /**
     * An XLSX file as Excel stores one (the parts Office Open XML requires, text as shared strings, a date as its
     * serial number in a date format); POI is not in the container the test runs in.
     */
    private static byte[] xlsx(List<List<?>> rows) throws IOException {
        List<String> strings = new ArrayList<>();
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns="
                + "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object v = rows.get(r).get(c);
                String ref = (char) ('A' + c) + String.valueOf(r + 1);
                if (v instanceof Number n) {
                    sheet.append("<c r=\"").append(ref).append("\"><v>").append(n).append("</v></c>");
                } else if (v instanceof LocalDate d) {
                    long serial = d.toEpochDay() - LocalDate.of(1899, 12, 30).toEpochDay();
                    sheet.append("<c r=\"").append(ref).append("\" s=\"1\"><v>").append(serial).append("</v></c>");
                } else if (!v.toString().isEmpty()) {
                    strings.add(v.toString());
                    sheet.append("<c r=\"").append(ref).append("\" t=\"s\"><v>").append(strings.size() - 1).append("</v></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        StringBuilder shared = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns="
                + "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + strings.size() + "\">");
        strings.forEach(t -> shared.append("<si><t xml:space=\"preserve\">").append(t.replace("&", "&amp;").replace("<", "&lt;")).append("</t></si>"));
        shared.append("</sst>");
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType="
                + "\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/sharedStrings.xml\""
                + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/><Override PartName="
                + "\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "relationships\"><Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel
                + "\"><sheets><sheet name=\"发票基础信息\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\""
                + rel + "/styles\" Target=\"styles.xml\"/></Relationships>");
        parts.put("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + main + "\"><fonts count=\"1\"><font/>"
                + "</fonts><fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf/></cellStyleXfs>"
                + "<cellXfs count=\"2\"><xf/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
        parts.put("xl/sharedStrings.xml", shared.toString());
        parts.put("xl/worksheets/sheet1.xml", sheet.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The {@code element} of a SOAP answer that contains {@code marker}. */
    private static String part(String xml, String element, String marker) {
        for (String piece : xml.split("<" + element + ">")) {
            if (piece.contains(marker)) {
                return piece.substring(0, Math.max(0, piece.indexOf("</" + element + ">")));
            }
        }
        throw new AssertionError("no " + element + " with " + marker + " in " + xml);
    }

    /** Runs the call twice at the same moment; the two statuses. */
    private static List<Integer> race(Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
