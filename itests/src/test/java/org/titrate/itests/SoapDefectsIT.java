package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import javax.xml.transform.Source;
import javax.xml.ws.Dispatch;
import javax.xml.ws.soap.SOAPFaultException;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The SOAP defects a legacy finance integrator found, each reproduced first: an instant's offset ignored, a body without a
 * charset read as ISO-8859-1, a {@code requestId} that protected only amount and currency, an unknown customer's balance
 * read as zero, and unreadable values answered without their field.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SoapDefectsIT extends TitrateTestSupport {
    private static final String SALES = "urn:titrate:sales";
    private static final String FINANCE = "urn:titrate:finance";
    private static final String CUSTOMERS = "urn:titrate:customers";
    private static final HttpClient RAW = HttpClient.newHttpClient();

    private String customer(String suffix) {
        String code = "SD" + suffix + "-" + RUN;
        assertEquals(201, post("/customers", map("code", code, "name", "江苏扬农化工集团有限公司 " + suffix + RUN, "status", "ACTIVE",
                "channel", "WHOLESALE")).status());
        return code;
    }

    private String draftOrder(String customer) {
        String sku = "SD-" + RUN;
        if (get("/products/" + sku).status() == 404) {
            assertEquals(201, post("/products", map("sku", sku, "name", "甲醇 99.9%", "unit", "吨", "listPrice", 2600)).status());
        }
        ensureWarehouse("WH1", "Main warehouse", true, true);
        Reply r = post("/sales-orders", map("type", "ORDER", "customerCode", customer, "warehouseCode", "WH1",
                "lines", List.of(map("sku", sku, "quantity", 1))));
        assertEquals(r.body(), 201, r.status());
        return r.json().path("number").asText();
    }

    private static String fault(Dispatch<Source> d, String payload) throws Exception {
        try {
            String answer = soapCall(d, payload);
            throw new AssertionError("no fault for " + payload + ": " + answer);
        } catch (SOAPFaultException e) {
            assertEquals(e.getMessage(), "Client", e.getFault().getFaultCodeAsQName().getLocalPart());
            return e.getMessage() + " | " + e.getFault().getDetail().getTextContent();
        }
    }

    @Test
    public void ordersChangedSinceAnInstantHonourItsOffset() throws Exception {
        String order = draftOrder(customer("T"));
        Instant changed = Instant.parse(get("/sales-orders/" + order).json().path("updatedAt").asText());
        Instant since = changed.minusSeconds(2);
        Dispatch<Source> d = soapClient("SalesOrderService", SALES, "admin", adminPassword);
        for (ZoneOffset offset : List.of(ZoneOffset.UTC, ZoneOffset.ofHours(8), ZoneOffset.ofHours(-8))) {
            String typed = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(since.atOffset(offset));
            String answer = soapCall(d, "<s:listOrdersChangedSince xmlns:s='" + SALES + "'><since>" + typed + "</since></s:listOrdersChangedSince>");
            assertTrue(typed + ": " + answer, answer.contains("<number>" + order + "</number>"));
            // the same instant an hour later, in the same offset, is after the change
            String later = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(changed.plusSeconds(3600).atOffset(offset));
            String none = soapCall(d, "<s:listOrdersChangedSince xmlns:s='" + SALES + "'><since>" + later + "</since></s:listOrdersChangedSince>");
            assertFalse(later + ": " + none, none.contains("<number>" + order + "</number>"));
        }
        String local = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(since.atOffset(ZoneOffset.ofHours(8)).toLocalDateTime());
        String refused = fault(d, "<s:listOrdersChangedSince xmlns:s='" + SALES + "'><since>" + local + "</since></s:listOrdersChangedSince>");
        assertTrue(refused, refused.contains("since") && refused.contains("offset"));
    }

    private HttpResponse<String> rawSoap(String service, String contentType, byte[] body) throws Exception {
        String token = Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/soap/" + service)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + token).header("Content-Type", contentType).header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return RAW.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] saveCustomer(String encoding, String code, String name) {
        String xml = "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>"
                + "<soap:Envelope xmlns:soap='http://schemas.xmlsoap.org/soap/envelope/'><soap:Body>"
                + "<c:saveCustomer xmlns:c='" + CUSTOMERS + "'><customer><code>" + code + "</code><name>" + name + "</name>"
                + "<status>ACTIVE</status><channel>WHOLESALE</channel></customer></c:saveCustomer></soap:Body></soap:Envelope>";
        return xml.getBytes(Charset.forName(encoding));
    }

    @Test
    public void aBodyWithoutACharsetIsReadInTheEncodingItsXmlDeclarationNames() throws Exception {
        for (String encoding : List.of("UTF-8", "GBK", "GB18030")) {
            String code = "SDC-" + encoding + "-" + RUN;
            String name = "中化国际（控股）股份有限公司 " + encoding;
            HttpResponse<String> answer = rawSoap("CustomerService", "text/xml", saveCustomer(encoding, code, name));
            assertEquals(encoding + ": " + answer.body(), 200, answer.statusCode());
            assertTrue(answer.headers().firstValue("Content-Type").orElse(""), answer.headers().firstValue("Content-Type").orElse("")
                    .toUpperCase().contains("UTF-8"));
            assertEquals(encoding, name, get("/customers/" + code).json().path("name").asText());
        }
        // a charset in the header still decides
        String code = "SDC-HDR-" + RUN;
        HttpResponse<String> answer = rawSoap("CustomerService", "text/xml; charset=GBK", saveCustomer("GBK", code, "万华化学集团股份有限公司"));
        assertEquals(answer.body(), 200, answer.statusCode());
        assertEquals("万华化学集团股份有限公司", get("/customers/" + code).json().path("name").asText());
    }

    private static String receipt(String customer, String amount, String method, String reference, String requestId) {
        return "<f:registerReceipt xmlns:f='" + FINANCE + "'><receipt><customerCode>" + customer + "</customerCode><amount>" + amount
                + "</amount><method>" + method + "</method><reference>" + reference + "</reference><comment>电汇 预收货款</comment>"
                + "<requestId>" + requestId + "</requestId></receipt></f:registerReceipt>";
    }

    @Test
    public void aRequestIdNamesOneReceiptWhateverTheCustomer() throws Exception {
        String a = customer("A");
        String b = customer("B");
        String id = "GL-" + RUN + "-7";
        Dispatch<Source> d = soapClient("FinanceService", FINANCE, "admin", adminPassword);
        String first = soapCall(d, receipt(a, "100.00", "BANK_TRANSFER", "HSBC-1", id));
        String number = first.replaceAll("(?s).*<number>(RC-[0-9-]+)</number>.*", "$1");
        assertTrue(first, number.startsWith("RC-"));

        for (String other : List.of(receipt(b, "100.00", "BANK_TRANSFER", "HSBC-1", id), receipt(a, "100.00", "CASH", "HSBC-1", id),
                receipt(a, "100.00", "BANK_TRANSFER", "HSBC-2", id))) {
            String refused = fault(d, other);
            assertTrue(refused, refused.contains("requestId") && refused.contains(number));
        }
        assertEquals(0, get("/receipts?customerCode=" + b).json().path("total").asInt());
        assertEquals(1, get("/receipts?customerCode=" + a).json().path("total").asInt());
        // the true retry answers the first receipt
        assertTrue(soapCall(d, receipt(a, "100.00", "BANK_TRANSFER", "HSBC-1", id)).contains("<number>" + number + "</number>"));
        assertEquals(1, get("/receipts?customerCode=" + a).json().path("total").asInt());
    }

    @Test
    public void unknownCodesAndUnreadableValuesAreFaultsNamingTheField() throws Exception {
        Dispatch<Source> finance = soapClient("FinanceService", FINANCE, "admin", adminPassword);
        String unknown = fault(finance, "<f:getBalance xmlns:f='" + FINANCE + "'><customerCode>NOPE-" + RUN + "</customerCode></f:getBalance>");
        assertTrue(unknown, unknown.contains("NOPE-" + RUN) && unknown.contains("404"));

        Dispatch<Source> sales = soapClient("SalesOrderService", SALES, "admin", adminPassword);
        String customer = customer("F");
        draftOrder(customer);
        String order = "<s:createOrder xmlns:s='" + SALES + "'><order><type>ORDER</type><customerCode>" + customer + "</customerCode>"
                + "<warehouseCode>%s</warehouseCode><lines><line><sku>SD-" + RUN + "</sku><quantity>%s</quantity>"
                + "<deliveryDate>%s</deliveryDate></line><line><sku>SD-" + RUN + "</sku><quantity>%s</quantity></line></lines></order></s:createOrder>";
        String warehouse = fault(sales, String.format(order, "NOPE-" + RUN, "1", "2027-01-05", "2"));
        assertTrue(warehouse, warehouse.contains("warehouseCode"));
        String date = fault(sales, String.format(order, "WH1", "1", "2027-02-30", "2"));
        assertTrue(date, date.contains("lines[0].deliveryDate"));
        String quantity = fault(sales, String.format(order, "WH1", "1", "2027-01-05", "many"));
        assertTrue(quantity, quantity.contains("lines[1].quantity"));
        assertFalse(quantity, quantity.contains("Unmarshalling Error"));

        Dispatch<Source> customers = soapClient("CustomerService", CUSTOMERS, "admin", adminPassword);
        String term = fault(customers, "<c:saveCustomer xmlns:c='" + CUSTOMERS + "'><customer><code>SDX-" + RUN + "</code><name>测试</name>"
                + "<status>ACTIVE</status><channel>WHOLESALE</channel><paymentTermDays>abc</paymentTermDays></customer></c:saveCustomer>");
        assertTrue(term, term.contains("paymentTermDays"));
        assertEquals(404, get("/customers/SDX-" + RUN).status());
        String after = fault(sales, "<s:listOrdersChangedAfter xmlns:s='" + SALES + "'><afterSeq>soon</afterSeq></s:listOrdersChangedAfter>");
        assertTrue(after, after.contains("afterSeq"));
        JsonNode none = get("/sales-orders?customerCode=" + customer).json();
        assertEquals(none.toString(), 1, none.path("total").asInt());
    }
}
