package org.titrate.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * Sales contracts over REST and the shell: agreed prices taken by orders, only an active contract of the order's own
 * customer within its validity, states with history, execution progress, signed scans judged by their content.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ContractsIT extends TitrateTestSupport {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String A = "CTA-" + RUN;
    private static final String B = "CTB-" + RUN;
    private static final String P1 = "CT-NAOH-" + RUN;
    private static final String P2 = "CT-SODA-" + RUN;
    private static final String WAREHOUSE = "CT-WH-" + RUN;
    private static final HttpClient BINARY = HttpClient.newHttpClient();
    private static boolean ready;

    /** The scheduled job that expires contracts, run here as the scheduler runs it. */
    @Inject
    @Filter(value = "(scheduler.name=titrate-contract-expiry)", timeout = 300_000)
    protected Runnable contractExpiry;

    @Before
    public void masterData() {
        if (ready) {
            return;
        }
        ensureWarehouse(WAREHOUSE, "合同测试仓 " + RUN, true, false);
        assertEquals(201, post("/customers", map("code", A, "name", "浙江龙盛化工贸易有限公司 " + RUN, "status", "ACTIVE",
                "paymentTermDays", 30)).status());
        assertEquals(201, post("/customers", map("code", B, "name", "宁波镇海炼化助剂厂 " + RUN, "status", "ACTIVE")).status());
        assertEquals(201, post("/products", map("sku", P1, "name", "氢氧化钠(片碱) 99% 25kg/袋", "unit", "袋",
                "listPrice", new BigDecimal("100.00"), "lotTracked", false)).status());
        assertEquals(201, post("/products", map("sku", P2, "name", "碳酸钠(纯碱) 99.2% 40kg/袋", "unit", "袋",
                "listPrice", new BigDecimal("50.00"), "lotTracked", false)).status());
        ready = true;
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    private Map<String, Object> contract(String customer, LocalDate from, LocalDate until) {
        return map("customerCode", customer, "signingDate", from.minusDays(1).toString(), "validFrom", from.toString(),
                "validUntil", until.toString(), "paymentTerms", "月结30天，电汇", "agreedAmount", new BigDecimal("10000"),
                "agreedQuantity", new BigDecimal("100"), "notes", "年度框架合同",
                "prices", List.of(map("sku", P1, "unitPrice", new BigDecimal("88.00"), "quantity", new BigDecimal("100"))));
    }

    /** A contract of {@code customer} valid from 10 days ago for 20 more days, activated. */
    private String activeContract(String customer) {
        Reply created = post("/contracts", contract(customer, today().minusDays(10), today().plusDays(20)));
        assertEquals(created.body(), 201, created.status());
        String number = created.json().path("number").asText();
        Reply active = post("/contracts/" + number + "/activate", map("comment", "双方已签字盖章"));
        assertEquals(active.body(), 200, active.status());
        return number;
    }

    private Map<String, Object> order(String customer, String contract, Object... skuQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuQuantity.length; i += 2) {
            lines.add(map("sku", skuQuantity[i], "quantity", skuQuantity[i + 1]));
        }
        return map("type", "ORDER", "customerCode", customer, "warehouseCode", WAREHOUSE, "contractNumber", contract, "lines", lines);
    }

    @Test
    public void ordersTakeTheContractPriceAndProgressCountsThem() {
        Reply draft = post("/contracts", contract(A, today().minusDays(10), today().plusDays(20)));
        assertEquals(draft.body(), 201, draft.status());
        JsonNode c = draft.json();
        String number = c.path("number").asText();
        assertTrue(number, number.startsWith("SC-"));
        assertEquals("DRAFT", c.path("status").asText());
        assertEquals("浙江龙盛化工贸易有限公司 " + RUN, c.path("customerName").asText());
        assertEquals(30, c.path("paymentTermDays").asInt());
        assertEquals("月结30天，电汇", c.path("paymentTerms").asText());
        assertEquals("氢氧化钠(片碱) 99% 25kg/袋", c.path("prices").get(0).path("productName").asText());

        // A draft is not yet a contract to order under.
        assertEquals(List.of("contractNumber"), assertProblem(400, post("/sales-orders", order(A, number, P1, 1))).errorFields());
        assertEquals(200, post("/contracts/" + number + "/activate", map("comment", "双方已签字盖章")).status());
        // An active contract is no longer changed.
        Map<String, Object> change = contract(A, today().minusDays(10), today().plusDays(20));
        change.put("version", get("/contracts/" + number).json().path("version").asLong());
        assertProblem(409, put("/contracts/" + number, change));

        // The contract's price where it has one, the list price elsewhere.
        Reply created = post("/sales-orders", order(A, number, P1, 10, P2, 2));
        assertEquals(created.body(), 201, created.status());
        JsonNode o = created.json();
        assertEquals(number, o.path("contractNumber").asText());
        assertEquals("88.00", o.path("lines").get(0).path("unitPrice").decimalValue().toPlainString());
        assertEquals("50.00", o.path("lines").get(1).path("unitPrice").decimalValue().toPlainString());
        String first = o.path("number").asText();
        for (String action : new String[] {"confirm", "ship"}) {
            Reply r = post("/sales-orders/" + first + "/" + action, map());
            assertEquals(r.body(), 200, r.status());
        }
        Reply second = post("/sales-orders", order(A, number, P1, 5));
        assertEquals(second.body(), 201, second.status());
        assertEquals(200, post("/sales-orders/" + second.json().path("number").asText() + "/confirm", map()).status());
        // A draft counts for nothing.
        assertEquals(201, post("/sales-orders", order(A, number, P1, 7)).status());

        JsonNode p = get("/contracts/" + number + "/progress").json();
        assertEquals(p.toString(), "1420.00", p.path("orderedAmount").decimalValue().toPlainString()); // 10×88 + 2×50 + 5×88
        assertEquals(0, new BigDecimal("17").compareTo(p.path("orderedQuantity").decimalValue()));
        assertEquals("980.00", p.path("shippedAmount").decimalValue().toPlainString());
        assertEquals(0, BigDecimal.ZERO.compareTo(p.path("invoicedAmount").decimalValue()));
        assertEquals(0, BigDecimal.ZERO.compareTo(p.path("receivedAmount").decimalValue()));
        assertEquals("8580.00", p.path("remainingAmount").decimalValue().toPlainString());
        assertEquals(2, p.path("orders").size());
        assertEquals(3, get("/sales-orders?contractNumber=" + number).json().path("total").asInt());

        // Expiring within 30 days, not within 5.
        assertTrue(numbers(get("/contracts?expiringWithin=30&customerCode=" + A).json()).contains(number));
        assertFalse(numbers(get("/contracts?expiringWithin=5&customerCode=" + A).json()).contains(number));
        assertEquals(List.of("expiringWithin"), assertProblem(400, get("/contracts?expiringWithin=soon")).errorFields());
    }

    @Test
    public void anOrderNamesOnlyAnActiveContractOfItsOwnCustomer() {
        String number = activeContract(A);
        Reply other = assertProblem(400, post("/sales-orders", order(B, number, P1, 1)));
        assertEquals(List.of("contractNumber"), other.errorFields());
        assertEquals(List.of("contractNumber"), assertProblem(400, post("/sales-orders", order(A, "SC-NOPE-" + RUN, P1, 1))).errorFields());
        Map<String, Object> inDollars = order(A, number, P1, 1);
        inDollars.put("currency", "USD");
        // The contract is in CNY: so is the list price, which a line without its own price cannot take either.
        assertEquals(List.of("currency", "lines[0].unitPrice"), assertProblem(400, post("/sales-orders", inDollars)).errorFields());
    }

    @Test
    public void anExpiredContractIsRefusedAndStatesKeepTheirHistory() throws Exception {
        Reply created = post("/contracts", contract(A, today().minusDays(60), today().minusDays(1)));
        assertEquals(created.body(), 201, created.status());
        String number = created.json().path("number").asText();
        // Active before its last day ended cannot expire; after it, it can.
        assertEquals(200, post("/contracts/" + number + "/activate", map()).status());
        Reply refused = assertProblem(400, post("/sales-orders", order(A, number, P1, 1)));
        assertEquals(List.of("contractNumber"), refused.errorFields());
        assertTrue(refused.body(), refused.body().contains("expired"));
        Reply expired = post("/contracts/" + number + "/expire", map("comment", "到期未续签"));
        assertEquals(expired.body(), 200, expired.status());
        assertEquals("EXPIRED", expired.json().path("status").asText());
        assertProblem(409, post("/contracts/" + number + "/activate", map()));
        String current = activeContract(A);
        assertProblem(409, post("/contracts/" + current + "/expire", map()));

        // Termination needs the reason; history says who, when, why.
        assertEquals(List.of("reason"), assertProblem(400, post("/contracts/" + current + "/terminate", map())).errorFields());
        Reply terminated = post("/contracts/" + current + "/terminate", map("reason", "客户经营异常，双方协商解除"));
        assertEquals(terminated.body(), 200, terminated.status());
        JsonNode history = terminated.json().path("history");
        assertEquals(3, history.size());
        assertEquals("CREATE", history.get(0).path("action").asText());
        assertEquals("ACTIVATE", history.get(1).path("action").asText());
        assertEquals("DRAFT", history.get(1).path("fromStatus").asText());
        JsonNode last = history.get(2);
        assertEquals("TERMINATE", last.path("action").asText());
        assertEquals("ACTIVE", last.path("fromStatus").asText());
        assertEquals("TERMINATED", last.path("toStatus").asText());
        assertEquals("admin", last.path("by").asText());
        assertEquals("客户经营异常，双方协商解除", last.path("reason").asText());
        assertFalse(last.path("at").isNull());
        assertEquals(List.of("contractNumber"), assertProblem(400, post("/sales-orders", order(A, current, P1, 1))).errorFields());

        // Every change is in the platform's event log, keyed by the contract number.
        List<String> actions = new ArrayList<>();
        for (JsonNode e : get("/events?limit=500&type=org/titrate/sales/contract/").json().path("items")) {
            if (current.equals(e.path("key").asText())) {
                actions.add(e.path("type").asText().substring("org/titrate/sales/contract/".length()));
            }
        }
        assertEquals(List.of("CREATE", "ACTIVATE", "TERMINATE"), actions);

        // The shell lists contracts, and its help is in Chinese too.
        String listed = shell("admin", adminPassword, "titrate:contract-list --customer " + A + " --status TERMINATED");
        assertTrue(listed, listed.contains(current) && listed.contains("TERMINATED"));
        assertTrue(shell("admin", adminPassword, "titrate:contract-list --help").contains("销售合同"));
    }

    @Test
    public void contractsExpireByThemselvesAndReturnsReduceWhatShipped() {
        // Ended yesterday, still active: the scheduled job expires it as "system", saying why.
        Reply created = post("/contracts", contract(B, today().minusDays(30), today().minusDays(1)));
        assertEquals(created.body(), 201, created.status());
        String ended = created.json().path("number").asText();
        assertEquals(200, post("/contracts/" + ended + "/activate", map()).status());
        String running = activeContract(B);
        contractExpiry.run();
        JsonNode c = get("/contracts/" + ended).json();
        assertEquals(c.toString(), "EXPIRED", c.path("status").asText());
        JsonNode last = c.path("history").get(c.path("history").size() - 1);
        assertEquals("EXPIRE", last.path("action").asText());
        assertEquals("system", last.path("by").asText());
        assertTrue(last.toString(), last.path("reason").asText().contains(today().minusDays(1).toString()));
        assertEquals("ACTIVE", get("/contracts/" + running).json().path("status").asText());

        // 10 × 88.00 shipped under the contract, 3 of them came back: 616.00 net.
        Reply o = post("/sales-orders", order(B, running, P1, 10));
        assertEquals(o.body(), 201, o.status());
        String so = o.json().path("number").asText();
        for (String action : new String[] {"confirm", "ship"}) {
            assertEquals(200, post("/sales-orders/" + so + "/" + action, map()).status());
        }
        Reply ro = post("/sales-orders", map("type", "RETURN", "customerCode", B, "warehouseCode", WAREHOUSE, "sourceOrderNumber", so,
                "lines", List.of(map("sku", P1, "quantity", -3, "unitPrice", new BigDecimal("88.00"), "reasonCode", "DAMAGED"))));
        assertEquals(ro.body(), 201, ro.status());
        String rn = ro.json().path("number").asText();
        for (String action : new String[] {"submit", "approve"}) {
            assertEquals(200, post("/sales-orders/" + rn + "/" + action, map()).status());
        }
        // Not received yet: nothing came back.
        assertEquals("880.00", get("/contracts/" + running + "/progress").json().path("shippedAmount").decimalValue().toPlainString());
        assertEquals(200, post("/sales-orders/" + rn + "/receive", map()).status());
        JsonNode p = get("/contracts/" + running + "/progress").json();
        assertEquals(p.toString(), "616.00", p.path("shippedAmount").decimalValue().toPlainString());
        assertEquals(p.toString(), "264.00", p.path("returnedAmount").decimalValue().toPlainString());
        assertEquals(p.toString(), "880.00", p.path("orderedAmount").decimalValue().toPlainString());
    }

    @Test
    public void badTermsAreRefusedNamingTheFields() {
        Map<String, Object> bad = contract("NOPE-" + RUN, today(), today().minusDays(1));
        bad.put("agreedAmount", new BigDecimal("-5"));
        bad.put("signingDate", today().plusDays(5).toString());
        bad.put("prices", List.of(map("sku", "NOPE-" + RUN, "unitPrice", 1), map("sku", P1, "unitPrice", -1)));
        assertEquals(List.of("validUntil", "signingDate", "agreedAmount", "prices[0].sku", "prices[1].unitPrice"),
                assertProblem(400, post("/contracts", bad)).errorFields());
        Map<String, Object> unknown = contract("NOPE-" + RUN, today(), today());
        assertEquals(List.of("customerCode"), assertProblem(400, post("/contracts", unknown)).errorFields());
    }

    @Test
    public void signedScansAreStoredJudgedByContentAndReadByViewers() throws Exception {
        String number = activeContract(A);
        byte[] pdf = ("%PDF-1.4\n%合同扫描件 " + RUN + "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> uploaded = upload(number, "C:\\scans\\..\\销售合同-" + RUN + ".pdf", pdf, "admin", adminPassword);
        assertEquals(new String(uploaded.body(), StandardCharsets.UTF_8), 201, uploaded.statusCode());
        JsonNode a = JSON.readTree(uploaded.body());
        assertEquals("application/pdf", a.path("contentType").asText());
        assertEquals("销售合同-" + RUN + ".pdf", a.path("fileName").asText());
        assertEquals(pdf.length, a.path("size").asLong());

        String viewer = "ct-viewer-" + RUN.toLowerCase();
        String password = createUser(viewer, "viewer");
        HttpResponse<byte[]> download = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/contracts/" + number + "/attachments/"
                + a.path("id").asText())).GET(), viewer, password);
        assertEquals(200, download.statusCode());
        assertArrayEquals(pdf, download.body());
        assertEquals("application/pdf", download.headers().firstValue("content-type").orElse("").split(";")[0]);
        String disposition = download.headers().firstValue("content-disposition").orElse("");
        assertTrue(disposition, disposition.contains("filename*=UTF-8''%E9%94%80%E5%94%AE%E5%90%88%E5%90%8C-"));
        assertEquals(1, get("/contracts/" + number).json().path("attachments").size());
        // A viewer reads but never uploads.
        assertEquals(403, upload(number, "x.pdf", pdf, viewer, password).statusCode());

        // An executable named .pdf, an empty file and one over 10 MB are refused, naming the field.
        byte[] exe = ("MZ\u0090\u0000 renamed " + RUN).getBytes(StandardCharsets.ISO_8859_1);
        assertFileRefused(upload(number, "scan.pdf", exe, "admin", adminPassword));
        assertFileRefused(upload(number, "empty.pdf", new byte[0], "admin", adminPassword));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        assertFileRefused(upload(number, "big.pdf", big, "admin", adminPassword));
        assertEquals(1, get("/contracts/" + number).json().path("attachments").size());
        // An attachment of another contract is not found under this one.
        String other = activeContract(A);
        assertEquals(404, send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/contracts/" + other + "/attachments/"
                + a.path("id").asText())).GET(), "admin", adminPassword).statusCode());
    }

    private static void assertFileRefused(HttpResponse<byte[]> r) throws IOException {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(body, 400, r.statusCode());
        assertEquals(body, "file", JSON.readTree(body).path("errors").get(0).path("field").asText());
    }

    private HttpResponse<byte[]> upload(String number, String name, byte[] content, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/contracts/" + number + "/attachments?name="
                + ProductsIT.encode(name))).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)), user, password);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder b, String user, String password) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return BINARY.send(b.timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> numbers(JsonNode page) {
        List<String> result = new ArrayList<>();
        page.path("items").forEach(i -> result.add(i.path("number").asText()));
        return result;
    }
}
