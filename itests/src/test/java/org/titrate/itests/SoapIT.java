package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import javax.xml.transform.Source;
import javax.xml.ws.Dispatch;
import javax.xml.ws.soap.SOAPFaultException;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** CustomerService and ProductService through a JAX-WS client built from the served WSDL. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SoapIT extends TitrateTestSupport {
    private static final String CUSTOMERS = "urn:titrate:customers";
    private static final String PRODUCTS = "urn:titrate:products";

    @Test
    public void savesGetsAndFindsCustomersWithChineseNames() throws Exception {
        Dispatch<Source> d = soapClient("CustomerService", CUSTOMERS, "admin", adminPassword);
        String code = "SOAP-" + RUN;
        String saved = soapCall(d, "<c:saveCustomer xmlns:c='" + CUSTOMERS + "'><customer><code>" + code + "</code>"
                + "<name>浙江龙盛化工贸易有限公司 " + RUN + "</name><status>ACTIVE</status><channel>WHOLESALE</channel>"
                + "<contactName>陈晓燕</contactName><paymentTermDays>45</paymentTermDays><creditLimit>800000</creditLimit>"
                + "</customer></c:saveCustomer>");
        assertTrue(saved, saved.contains("<code>" + code + "</code>") && saved.contains("<creditLimit>800000.00</creditLimit>"));

        String got = soapCall(d, "<c:getCustomer xmlns:c='" + CUSTOMERS + "'><code>" + code + "</code></c:getCustomer>");
        assertTrue(got, got.contains("浙江龙盛化工贸易有限公司 " + RUN) && got.contains("陈晓燕"));
        // REST sees what SOAP stored, and the other way round.
        assertEquals("陈晓燕", get("/customers/" + code).json().path("contactName").asText());

        String found = soapCall(d, "<c:findCustomers xmlns:c='" + CUSTOMERS + "'><query>龙盛化工贸易有限公司 " + RUN
                + "</query><offset>0</offset><limit>10</limit></c:findCustomers>");
        assertTrue(found, found.contains("<total>1</total>"));

        // Saving again updates the same customer.
        String updated = soapCall(d, "<c:saveCustomer xmlns:c='" + CUSTOMERS + "'><customer><code>" + code + "</code>"
                + "<name>浙江龙盛化工贸易有限公司 " + RUN + "</name><status>ACTIVE</status><channel>WHOLESALE</channel>"
                + "<paymentTermDays>60</paymentTermDays></customer></c:saveCustomer>");
        assertTrue(updated, updated.contains("<paymentTermDays>60</paymentTermDays>"));
        assertEquals(60, get("/customers/" + code).json().path("paymentTermDays").asInt());
    }

    @Test
    public void faultsNameTheProblemAndRolesApply() throws Exception {
        Dispatch<Source> d = soapClient("CustomerService", CUSTOMERS, "admin", adminPassword);
        try {
            soapCall(d, "<c:getCustomer xmlns:c='" + CUSTOMERS + "'><code>NOPE-" + RUN + "</code></c:getCustomer>");
            throw new AssertionError("unknown customer must fault");
        } catch (SOAPFaultException e) {
            assertEquals("Client", e.getFault().getFaultCodeAsQName().getLocalPart());
            assertTrue(e.getMessage(), e.getMessage().contains("NOPE-" + RUN));
            assertTrue(e.getFault().getDetail().getTextContent().contains("404"));
        }
        try {
            soapCall(d, "<c:saveCustomer xmlns:c='" + CUSTOMERS + "'><customer><code>BAD-" + RUN + "</code>"
                    + "<email>nope</email></customer></c:saveCustomer>");
            throw new AssertionError("invalid customer must fault");
        } catch (SOAPFaultException e) {
            String detail = e.getFault().getDetail().getTextContent();
            assertTrue(detail, detail.contains("name") && detail.contains("email"));
        }
        assertProblem(404, get("/customers/BAD-" + RUN));

        String viewer = "soapviewer-" + RUN;
        String pw = createUser(viewer, "viewer");
        Dispatch<Source> readOnly = soapClient("CustomerService", CUSTOMERS, viewer, pw);
        String found = soapCall(readOnly, "<c:findCustomers xmlns:c='" + CUSTOMERS + "'><query>" + RUN + "</query></c:findCustomers>");
        assertTrue(found, found.contains("<total>"));
        try {
            soapCall(readOnly, "<c:saveCustomer xmlns:c='" + CUSTOMERS + "'><customer><code>RO-" + RUN + "</code><name>x</name>"
                    + "</customer></c:saveCustomer>");
            throw new AssertionError("a viewer must not save");
        } catch (SOAPFaultException expected) {
            assertEquals("Client", expected.getFault().getFaultCodeAsQName().getLocalPart());
            assertTrue(expected.getMessage(), expected.getMessage().startsWith("Forbidden"));
            assertProblem(404, get("/customers/RO-" + RUN));
        }
        try {
            soapCall(soapClient("CustomerService", CUSTOMERS, viewer, "wrong"), "<c:findCustomers xmlns:c='" + CUSTOMERS + "'/>");
            throw new AssertionError("wrong password must fail");
        } catch (javax.xml.ws.WebServiceException expected) {
            // CXF reports the HTTP 401 as the cause of "Could not send Message".
            StringBuilder chain = new StringBuilder();
            for (Throwable t = expected; t != null; t = t.getCause()) {
                chain.append(t.getMessage()).append(" / ");
            }
            assertTrue(chain.toString(), chain.toString().contains("401"));
        }
    }

    @Test
    public void productServiceAndWsdlsAreServed() throws Exception {
        for (String service : new String[] {"CustomerService", "ProductService"}) {
            Reply wsdl = http("GET", "/soap/" + service + "?wsdl", null, null, null, Map.of());
            assertEquals(200, wsdl.status());
            assertTrue(wsdl.body().contains("wsdl:definitions"));
        }
        Dispatch<Source> d = soapClient("ProductService", PRODUCTS, "admin", adminPassword);
        String sku = "SOAPP-" + RUN;
        String saved = soapCall(d, "<p:saveProduct xmlns:p='" + PRODUCTS + "'><product><sku>" + sku + "</sku>"
                + "<name>过氧化氢(双氧水) 30%</name><unit>桶</unit><casNumber>7722-84-1</casNumber><unNumber>UN2014</unNumber>"
                + "<hazardClass>5.1</hazardClass><listPrice>85</listPrice><lotTracked>true</lotTracked></product></p:saveProduct>");
        assertTrue(saved, saved.contains("<listPrice>85.00</listPrice>"));
        String got = soapCall(d, "<p:getProduct xmlns:p='" + PRODUCTS + "'><sku>" + sku + "</sku></p:getProduct>");
        assertTrue(got, got.contains("过氧化氢(双氧水) 30%"));
    }

    @Test
    public void xmlEntityTricksAreRejected() {
        String envelope = "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
                + "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Body>"
                + "<c:getCustomer xmlns:c='" + CUSTOMERS + "'><code>&e;</code></c:getCustomer></s:Body></s:Envelope>";
        Reply xxe = postXml("/soap/CustomerService", envelope);
        assertEquals(500, xxe.status());
        assertTrue(xxe.body(), xxe.body().contains("soap:Fault"));
        assertFalse(xxe.body(), xxe.body().contains("root:"));
    }

    private Reply postXml(String path, String xml) {
        try {
            java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
                    .header("Content-Type", "text/xml; charset=UTF-8")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            ("admin:" + adminPassword).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(xml)).build();
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(req,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), Map.of(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
