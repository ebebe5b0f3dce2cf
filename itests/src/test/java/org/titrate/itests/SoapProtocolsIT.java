package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** SOAP 1.1 and 1.2 side by side, SOAPAction, and the ways integrators sign in, sent byte for byte as clients send them. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SoapProtocolsIT extends TitrateTestSupport {
    static final String CUSTOMERS = "urn:titrate:customers";
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final HttpClient RAW = HttpClient.newHttpClient();

    private String customer(String suffix) {
        String code = "SP" + suffix + "-" + RUN;
        assertEquals(201, post("/customers", map("code", code, "name", "山东鲁西化工股份有限公司 " + suffix + RUN, "status", "ACTIVE",
                "channel", "WHOLESALE")).status());
        return code;
    }

    static String envelope(String soapNs, String header, String body) {
        return "<?xml version='1.0' encoding='UTF-8'?><env:Envelope xmlns:env='" + soapNs + "'>"
                + (header == null ? "" : "<env:Header>" + header + "</env:Header>") + "<env:Body>" + body + "</env:Body></env:Envelope>";
    }

    static String getCustomer(String code) {
        return "<c:getCustomer xmlns:c='" + CUSTOMERS + "'><code>" + code + "</code></c:getCustomer>";
    }

    /** POSTs an envelope; {@code headers} may hold Authorization, SOAPAction and Content-Type. */
    static HttpResponse<String> send(String path, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        return RAW.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> soap11(String action, String body) throws Exception {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", basic("admin", adminPassword));
        h.put("Content-Type", "text/xml; charset=UTF-8");
        if (action != null) {
            h.put("SOAPAction", action);
        }
        return send("/soap/CustomerService", h, envelope(SOAP11, null, body).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> soap12(String user, String password, String action, String body) throws Exception {
        Map<String, String> h = new LinkedHashMap<>();
        if (user != null) {
            h.put("Authorization", basic(user, password));
        }
        h.put("Content-Type", "application/soap+xml; charset=UTF-8" + (action == null ? "" : "; action=\"" + action + "\""));
        return send("/soap12/CustomerService", h, envelope(SOAP12, null, body).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void everyServiceSpeaksSoap11And12WithItsOwnWsdl() throws Exception {
        for (String service : new String[] {"CustomerService", "ProductService", "SalesOrderService", "InventoryService",
                "PurchasingService", "FinanceService", "ReportService", "InvoiceService"}) {
            Reply wsdl11 = http("GET", "/soap/" + service + "?wsdl", null, null, null, Map.of());
            Reply wsdl12 = http("GET", baseUrl() + "/soap12/" + service + "?wsdl", null, null, null, Map.of());
            assertEquals(service, 200, wsdl11.status());
            assertEquals(service, 200, wsdl12.status());
            assertTrue(service, wsdl11.body().contains("http://schemas.xmlsoap.org/wsdl/soap/") && !wsdl11.body().contains("wsdl/soap12/"));
            assertTrue(service, wsdl12.body().contains("http://schemas.xmlsoap.org/wsdl/soap12/") && wsdl12.body().contains("/soap12/" + service));
        }
        String wsdl = http("GET", "/soap/CustomerService?wsdl", null, null, null, Map.of()).body();
        assertTrue(wsdl, wsdl.contains("soapAction=\"getCustomer\""));

        String code = customer("V");
        HttpResponse<String> ok = soap12("admin", adminPassword, "getCustomer", getCustomer(code));
        assertEquals(ok.body(), 200, ok.statusCode());
        assertTrue(ok.body(), ok.body().contains(SOAP12) && ok.body().contains("山东鲁西化工股份有限公司 V" + RUN));
        assertTrue(ok.headers().firstValue("Content-Type").orElse(""), ok.headers().firstValue("Content-Type").orElse("").startsWith("application/soap+xml"));

        // The client's mistakes are env:Sender with 400 on 1.2, soap:Client with 500 on 1.1 (WS-I); the detail is the same.
        HttpResponse<String> missing = soap12("admin", adminPassword, null, getCustomer("NOPE-" + RUN));
        assertEquals(missing.body(), 400, missing.statusCode());
        assertTrue(missing.body(), missing.body().contains(":Sender</") && missing.body().contains("NOPE-" + RUN)
                && missing.body().contains("<status>404</status>"));
        HttpResponse<String> missing11 = soap11(null, getCustomer("NOPE-" + RUN));
        assertEquals(500, missing11.statusCode());
        assertTrue(missing11.body(), missing11.body().contains(":Client</faultcode>") && missing11.body().contains("<status>404</status>"));

        // Same security: no login is 401 on both, a viewer may read but not save.
        assertEquals(401, soap12(null, null, null, getCustomer(code)).statusCode());
        String viewer = "sp12viewer-" + RUN;
        String pw = createUser(viewer, "viewer");
        assertEquals(200, soap12(viewer, pw, null, getCustomer(code)).statusCode());
        HttpResponse<String> refused = soap12(viewer, pw, null, "<c:saveCustomer xmlns:c='" + CUSTOMERS + "'><customer><code>RO-" + RUN
                + "</code><name>x</name></customer></c:saveCustomer>");
        assertEquals(refused.body(), 400, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains(":Sender</") && refused.body().contains("<status>403</status>"));
        assertProblem(404, get("/customers/RO-" + RUN));
    }

    @Test
    public void theOperationNameIsTheSoapAction() throws Exception {
        String code = customer("A");
        for (String action : new String[] {"\"getCustomer\"", "getCustomer", "\"\"", ""}) {
            HttpResponse<String> ok = soap11(action, getCustomer(code));
            assertEquals(action + ": " + ok.body(), 200, ok.statusCode());
            assertTrue(ok.body(), ok.body().contains(code));
        }
        assertEquals(200, soap11(null, getCustomer(code)).statusCode());
        assertEquals(200, soap12("admin", adminPassword, "getCustomer", getCustomer(code)).statusCode());

        // Another operation's action with this body, or an action naming nothing, is the caller's error, and nothing runs.
        String save = "<c:saveCustomer xmlns:c='" + CUSTOMERS + "'><customer><code>SA-" + RUN + "</code><name>江西晨光新材料 "
                + RUN + "</name><status>ACTIVE</status><channel>WHOLESALE</channel></customer></c:saveCustomer>";
        for (String action : new String[] {"\"getCustomer\"", "deleteEverything"}) {
            HttpResponse<String> wrong = soap11(action, save);
            assertEquals(wrong.body(), 500, wrong.statusCode());
            assertTrue(wrong.body(), wrong.body().contains(":Client</faultcode>") && wrong.body().contains("<field>SOAPAction</field>"));
        }
        HttpResponse<String> wrong12 = soap12("admin", adminPassword, "getCustomer", save);
        assertEquals(wrong12.body(), 400, wrong12.statusCode());
        assertTrue(wrong12.body(), wrong12.body().contains(":Sender</") && wrong12.body().contains("<field>SOAPAction</field>"));
        assertProblem(404, get("/customers/SA-" + RUN));
        assertFalse(soap11("\"saveCustomer\"", save).body().contains("Fault"));
    }
}
