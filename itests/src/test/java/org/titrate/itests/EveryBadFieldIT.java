package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A 400 names every bad field of a body at once, whatever the mix of values of the wrong type, missing fields and broken
 * rules, in every module, over REST and SOAP; and a request refused for a type error stores nothing even when the
 * module's rules find nothing else wrong. Then the limits: each refusal names the limit.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EveryBadFieldIT extends TitrateTestSupport {
    private static final Pattern SOAP_FIELD = Pattern.compile("<(?:\\w+:)?field>([^<]*)</(?:\\w+:)?field>");

    private Reply refused(String path, String body) {
        Reply r = http("POST", path, "admin", adminPassword, body, Map.of());
        return assertProblem(400, r);
    }

    private static void names(Reply r, String... fields) {
        List<String> named = r.errorFields();
        for (String f : fields) {
            assertTrue(f + " not named in " + r.body(), named.contains(f));
        }
    }

    @Test
    public void customersTheIssuesExamples() {
        names(refused("/customers", "{\"status\":\"NOPE\",\"paymentTermDays\":-5}"), "status", "name", "paymentTermDays");
        names(refused("/customers", "{\"name\":\"x\",\"creditLimit\":\"abc\",\"paymentTermDays\":-5,\"email\":\"bad\"}"),
                "creditLimit", "paymentTermDays", "email");
    }

    @Test
    public void aTypeErrorAloneStillStoresNothing() {
        String name = "只错类型 " + RUN;
        Reply r = refused("/customers", "{\"code\":\"TE-" + RUN + "\",\"name\":\"" + name + "\",\"creditLimit\":\"abc\"}");
        assertEquals(r.body(), List.of("creditLimit"), r.errorFields());
        assertProblem(404, get("/customers/TE-" + RUN));
    }

    @Test
    public void products() {
        names(refused("/products", "{\"sku\":\"\",\"name\":\"x\",\"unit\":\"kg\",\"listPrice\":\"abc\",\"lotTracked\":\"yes\","
                + "\"casNumber\":\"123\"}"), "sku", "listPrice", "lotTracked", "casNumber");
    }

    @Test
    public void salesOrders() {
        names(refused("/sales-orders", "{\"type\":\"ORDER\",\"customerCode\":\"\",\"currency\":\"XXXX\","
                + "\"lines\":[{\"sku\":\"X\",\"direction\":\"SHIP\",\"quantity\":\"many\",\"unitPrice\":1}]}"),
                "customerCode", "lines[0].quantity");
    }

    @Test
    public void purchasing() {
        names(refused("/suppliers", "{\"name\":\"\",\"paymentTermDays\":\"soon\"}"), "name", "paymentTermDays");
        names(refused("/purchase-orders", "{\"type\":\"ORDER\",\"supplierCode\":\"\","
                + "\"lines\":[{\"sku\":\"X\",\"direction\":\"RECEIVE\",\"quantity\":\"x\",\"unitPrice\":1}]}"),
                "supplierCode", "lines[0].quantity");
    }

    @Test
    public void inventory() {
        names(refused("/stock-documents", "{\"type\":\"RECEIPT\",\"warehouseCode\":\"\",\"lines\":[{\"sku\":\"X\",\"quantity\":\"lots\"}]}"),
                "warehouseCode", "lines[0].quantity");
    }

    @Test
    public void finance() {
        names(refused("/receipts", "{\"customerCode\":\"\",\"amount\":\"a lot\",\"method\":\"CASH\",\"date\":\"2026-13-45\"}"),
                "customerCode", "amount", "date");
    }

    @Test
    public void reportingParameters() {
        Reply r = assertProblem(400, get("/reports/sales-summary?from=abc&to=2026-13-01&groupBy=month"));
        names(r, "from", "to");
    }

    @Test
    public void soapNamesEveryBadFieldToo() {
        String envelope = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Body>"
                + "<c:saveCustomer xmlns:c='urn:titrate:customers'><customer><code>SB-" + RUN + "</code>"
                + "<creditLimit>abc</creditLimit><paymentTermDays>-5</paymentTermDays><email>bad</email></customer></c:saveCustomer>"
                + "</s:Body></s:Envelope>";
        Reply r = http("POST", "/soap/CustomerService", "admin", adminPassword, envelope, Map.of("Content-Type", "text/xml; charset=UTF-8"));
        List<String> fields = new ArrayList<>();
        Matcher m = SOAP_FIELD.matcher(r.body());
        while (m.find()) {
            fields.add(m.group(1));
        }
        assertTrue(r.body(), r.body().contains("Client</faultcode>"));
        for (String f : new String[] {"creditLimit", "paymentTermDays", "email", "name"}) {
            assertTrue(f + " not named in " + r.body(), fields.contains(f));
        }
        assertProblem(404, get("/customers/SB-" + RUN));
    }

    @Test
    public void limitsAreNamed() {
        Reply big = http("POST", "/customers", "admin", adminPassword, "{\"name\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}", Map.of());
        assertProblem(413, big);
        assertTrue(big.body(), big.body().contains("maxBodyBytes"));
        Reply deep = refused("/customers", "{\"name\":\"x\",\"extra\":" + "[".repeat(100) + "]".repeat(100) + "}");
        assertTrue(deep.body(), deep.body().contains("maxJsonDepth"));
        Reply longName = refused("/customers", "{\"name\":\"" + "名".repeat(10_001) + "\"}");
        assertTrue(longName.body(), longName.body().contains("maxStringLength"));
        Reply bomb = refused("/customers", "{\"name\":\"x\",\"creditLimit\":1e1000000}");
        names(bomb, "creditLimit");
        assertTrue(bomb.body(), bomb.body().contains("maxDecimalDigits"));
        StringBuilder lines = new StringBuilder("{\"type\":\"RECEIPT\",\"warehouseCode\":\"WH1\",\"lines\":[");
        for (int i = 0; i < 1001; i++) {
            lines.append(i == 0 ? "" : ",").append("{\"sku\":\"X\",\"quantity\":1}");
        }
        Reply tooMany = refused("/stock-documents", lines.append("]}").toString());
        names(tooMany, "lines");
        assertTrue(tooMany.body(), tooMany.body().contains("maxLinesPerDocument"));
        Reply page = assertProblem(400, get("/customers?limit=501"));
        names(page, "limit");
    }

    @javax.inject.Inject
    @org.ops4j.pax.exam.util.Filter(timeout = 300_000)
    protected org.osgi.service.cm.ConfigurationAdmin configAdmin;

    /** One client with a request in progress (its body still coming) and a limit of one: the next request is a 429. */
    @Test
    public void concurrentRequestsPerClientAreLimited() throws Exception {
        org.osgi.service.cm.Configuration config = configAdmin.getConfiguration("org.titrate.platform", null);
        java.util.Dictionary<String, Object> saved = config.getProperties();
        java.util.Hashtable<String, Object> one = new java.util.Hashtable<>();
        if (saved != null) {
            for (java.util.Enumeration<String> k = saved.keys(); k.hasMoreElements();) {
                String key = k.nextElement();
                one.put(key, saved.get(key));
            }
        }
        one.put("maxConcurrentRequestsPerClient", "1");
        config.update(one);
        try (java.net.Socket slow = new java.net.Socket("localhost", Integer.getInteger("titrate.it.http.port"))) {
            String auth = java.util.Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(200))
                    .until(() -> get("/customers?limit=1").status() == 200);
            slow.getOutputStream().write(("POST /api/v1/customers HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"name\":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            slow.getOutputStream().flush();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(200))
                    .until(() -> get("/customers?limit=1").status() == 429);
            Reply refused = get("/customers?limit=1");
            assertProblem(429, refused);
            assertTrue(refused.body(), refused.body().contains("maxConcurrentRequestsPerClient"));
            assertEquals("1", refused.header("retry-after"));
        } finally {
            config.update(saved == null ? new java.util.Hashtable<>() : saved);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> get("/customers?limit=1").status() == 200);
    }
}
