package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.transform.Source;
import javax.xml.ws.BindingProvider;
import javax.xml.ws.Dispatch;
import javax.xml.ws.Holder;
import javax.xml.ws.WebServiceClient;
import javax.xml.ws.soap.SOAPFaultException;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.titrate.itests.wsdl.customer.CustomerService;
import org.titrate.itests.wsdl.customer.CustomerService_Service;
import org.titrate.itests.wsdl.finance.FinanceService;
import org.titrate.itests.wsdl.finance.FinanceService_Service;
import org.titrate.itests.wsdl.finance.MoneyDocument;
import org.titrate.itests.wsdl.finance.Posting;
import org.titrate.itests.wsdl.finance.Receipt;
import org.titrate.itests.wsdl.finance.RegisterQuery;

/**
 * What a finance integration needs over SOAP: payables (a supplier's balance and open items, supplier payments and refunds),
 * receivables (a customer's open items, refunds, the receipt and refund registers by date), feeds by sequence with a page
 * size (postings and orders), one posting by id; money sent again under a used {@code requestId} books once and any
 * difference is a fault naming it; the ledger is read by finance, viewer and admin only, over SOAP and REST alike. Also the
 * clients wsdl2java generates from the committed WSDLs: every customer and finance operation and one of every other service
 * through them, faults caught typed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FinanceSoapIT extends TitrateTestSupport {
    private static final String FINANCE = "urn:titrate:finance";
    private static final String SALES = "urn:titrate:sales";
    private static final String SKU = "FS-" + RUN;
    private static int parties;
    /** Instants on the wire: UTC to the millisecond, always, so that their text sorts as their time. */
    private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private String customer() {
        String code = "FSC" + (++parties) + "-" + RUN;
        assertEquals(201, post("/customers", map("code", code, "name", "浙江新安化工集团股份有限公司 " + code, "status", "ACTIVE",
                "channel", "WHOLESALE")).status());
        return code;
    }

    private String supplier() {
        String code = "FSS" + (++parties) + "-" + RUN;
        Reply r = post("/suppliers", map("code", code, "name", "山东华鲁恒升化工股份有限公司 " + code, "paymentTermDays", 30));
        assertEquals(r.body(), 201, r.status());
        return code;
    }

    private String shipped(String customer) {
        if (get("/products/" + SKU).status() == 404) {
            assertEquals(201, post("/products", map("sku", SKU, "name", "冰醋酸 工业级", "unit", "吨", "listPrice", 3100)).status());
        }
        ensureWarehouse("WH1", "Main warehouse", true, true);
        return shippedOrder(map("type", "ORDER", "customerCode", customer, "warehouseCode", "WH1", "lines", List.of(map("sku", SKU,
                "quantity", 2))));
    }

    private Dispatch<Source> admin() throws Exception {
        return soapClient("FinanceService", FINANCE, "admin", adminPassword);
    }

    private static String call(Dispatch<Source> d, String operation, String body) throws Exception {
        return soapCall(d, "<f:" + operation + " xmlns:f='" + FINANCE + "'>" + body + "</f:" + operation + ">");
    }

    /** The fault's message and detail; a client fault. */
    private static String fault(Dispatch<Source> d, String operation, String body) throws Exception {
        try {
            String answer = call(d, operation, body);
            throw new AssertionError("no fault for " + operation + " " + body + ": " + answer);
        } catch (SOAPFaultException e) {
            assertEquals(e.getMessage(), "Client", e.getFault().getFaultCodeAsQName().getLocalPart());
            return e.getMessage() + " | " + (e.getFault().getDetail() == null ? "" : e.getFault().getDetail().getTextContent());
        }
    }

    private static String first(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        assertTrue(element + " in " + xml, m.find());
        return m.group(1);
    }

    private static int count(String xml, String element) {
        return xml.split("<" + element + ">", -1).length - 1;
    }

    private static String money(String element, String partyField, String party, String amount, String method, String reference,
            String requestId) {
        return "<" + element + "><" + partyField + ">" + party + "</" + partyField + "><amount>" + amount + "</amount><method>" + method
                + "</method><date>" + LocalDate.now() + "</date><reference>" + reference + "</reference><comment>网银 退款 " + reference
                + "</comment><requestId>" + requestId + "</requestId></" + element + ">";
    }

    private static String range(String party) {
        return "<query>" + (party == null ? "" : "<partyCode>" + party + "</partyCode>") + "<from>" + LocalDate.now().minusDays(3)
                + "</from><to>" + LocalDate.now().plusDays(3) + "</to></query>";
    }

    @Test
    public void receivablesOpenItemsRefundsWithRequestIdAndRegistersByDate() throws Exception {
        String c = customer();
        String order = shipped(c);
        Dispatch<Source> d = admin();
        String open = call(d, "listOpenItems", "<customerCode>" + c + "</customerCode>");
        assertEquals(open, 1, count(open, "item"));
        assertEquals(order, first(open, "documentNumber"));
        assertTrue(open, first(open, "dueDate").matches("\\d{4}-\\d{2}-\\d{2}"));
        assertTrue(fault(d, "listOpenItems", "<customerCode>NOPE-" + RUN + "</customerCode>").contains("NOPE-" + RUN));

        // a receipt above the debt leaves a credit, which a refund pays back
        call(d, "registerReceipt", "<receipt><customerCode>" + c + "</customerCode><amount>10000.00</amount><method>BANK_TRANSFER</method>"
                + "<salesOrderNumber>" + order + "</salesOrderNumber></receipt>");
        String id = "FSR-" + RUN;
        String refund = call(d, "registerRefund", money("refund", "customerCode", c, "300.00", "BANK_TRANSFER", "ICBC-1", id));
        String number = first(refund, "number");
        assertTrue(refund, number.startsWith("RF-") && first(refund, "kind").equals("REFUND"));
        assertEquals(LocalDate.now().toString(), first(refund, "date"));
        assertTrue(refund, first(refund, "postedAt").matches(INSTANT));
        assertEquals(number, first(call(d, "registerRefund", money("refund", "customerCode", c, "300.00", "BANK_TRANSFER", "ICBC-1", id)),
                "number"));
        for (String other : List.of(money("refund", "customerCode", c, "301.00", "BANK_TRANSFER", "ICBC-1", id),
                money("refund", "customerCode", c, "300.00", "CASH", "ICBC-1", id),
                money("refund", "customerCode", c, "300.00", "BANK_TRANSFER", "ICBC-2", id))) {
            String refused = fault(d, "registerRefund", other);
            assertTrue(refused, refused.contains("requestId") && refused.contains(number));
        }
        String wrongSide = fault(d, "registerRefund", money("refund", "supplierCode", c, "1.00", "CASH", "X", "FSX-" + RUN));
        assertTrue(wrongSide, wrongSide.contains("supplierCode"));

        String receipts = call(d, "listReceipts", range(c));
        assertEquals(receipts, "1", first(receipts, "total"));
        String refunds = call(d, "listRefunds", range(c));
        assertEquals(refunds, "1", first(refunds, "total"));
        assertEquals(number, first(refunds, "number"));
        assertEquals("网银 退款 ICBC-1", first(refunds, "comment"));
        String backwards = fault(d, "listReceipts", "<query><from>" + LocalDate.now() + "</from><to>" + LocalDate.now().minusDays(1)
                + "</to></query>");
        assertTrue(backwards, backwards.contains("query.to"));
        assertTrue(fault(d, "listReceipts", "<query><from>" + LocalDate.now() + "</from></query>").contains("query.to"));
        assertTrue(fault(d, "listReceipts", "<query><from>2026-02-30</from><to>2026-03-01</to></query>").contains("from"));
    }

    @Test
    public void payablesBalanceOpenItemsSupplierPaymentsAndRefundsWithRequestId() throws Exception {
        String s = supplier();
        Dispatch<Source> d = admin();
        String none = call(d, "getPayableBalance", "<supplierCode>" + s + "</supplierCode>");
        assertFalse(none, none.contains("<balance>"));
        String unknown = fault(d, "getPayableBalance", "<supplierCode>NOPE-" + RUN + "</supplierCode>");
        assertTrue(unknown, unknown.contains("NOPE-" + RUN) && unknown.contains("404"));

        String id = "FSP-" + RUN;
        String payment = call(d, "registerSupplierPayment", money("payment", "supplierCode", s, "500.00", "BANK_ACCEPTANCE", "BA-1", id));
        String number = first(payment, "number");
        assertTrue(payment, number.startsWith("PY-"));
        assertEquals(number, first(call(d, "registerSupplierPayment", money("payment", "supplierCode", s, "500.00", "BANK_ACCEPTANCE",
                "BA-1", id)), "number"));
        String other = supplier();
        for (String differs : List.of(money("payment", "supplierCode", other, "500.00", "BANK_ACCEPTANCE", "BA-1", id),
                money("payment", "supplierCode", s, "500.00", "BANK_ACCEPTANCE", "BA-9", id))) {
            String refused = fault(d, "registerSupplierPayment", differs);
            assertTrue(refused, refused.contains("requestId") && refused.contains(number));
        }
        String refundId = "FSQ-" + RUN;
        String refund = call(d, "registerSupplierRefund", money("refund", "supplierCode", s, "200.00", "BANK_TRANSFER", "SR-1", refundId));
        String refundNumber = first(refund, "number");
        assertTrue(refund, refundNumber.startsWith("SR-"));
        assertEquals(refundNumber, first(call(d, "registerSupplierRefund", money("refund", "supplierCode", s, "200.00", "BANK_TRANSFER",
                "SR-1", refundId)), "number"));
        assertTrue(fault(d, "registerSupplierRefund", money("refund", "supplierCode", s, "200.01", "BANK_TRANSFER", "SR-1", refundId))
                .contains("requestId"));
        assertTrue(fault(d, "registerSupplierPayment", money("payment", "customerCode", s, "1.00", "CASH", "X", "FSY-" + RUN))
                .contains("customerCode"));

        String balance = call(d, "getPayableBalance", "<supplierCode>" + s + "</supplierCode>");
        assertEquals(balance, "-300.00", first(balance, "balance"));
        assertEquals("SUPPLIER", first(balance, "partyType"));
        assertTrue(balance, first(balance, "lastPostedAt").matches(INSTANT));
        String open = call(d, "listSupplierOpenItems", "<supplierCode>" + s + "</supplierCode>");
        assertTrue(open, count(open, "item") >= 1 && open.contains(number));
        assertEquals("1", first(call(d, "listSupplierPayments", range(s)), "total"));
        assertEquals(refundNumber, first(call(d, "listSupplierRefunds", range(s)), "number"));
        // REST shows the same single payment
        assertEquals(1, get("/supplier-payments?supplierCode=" + s).json().path("total").asInt());
    }

    @Test
    public void feedsBySequenceHonourTheirPageSizeAndAPostingIsReadById() throws Exception {
        String c = customer();
        shipped(c);
        shipped(c);
        Dispatch<Source> d = admin();
        String one = call(d, "listPostingsAfter", "<afterSeq>0</afterSeq><limit>1</limit>");
        assertEquals(one, 1, count(one, "posting"));
        long seq = Long.parseLong(first(one, "seq"));
        String next = call(d, "listPostingsAfter", "<afterSeq>" + seq + "</afterSeq><limit>2</limit>");
        assertEquals(next, 2, count(next, "posting"));
        assertTrue(next, Long.parseLong(first(next, "seq")) > seq);
        // the operation as it was, without a limit, still answers
        assertTrue(call(d, "listPostingsAfter", "<afterSeq>" + seq + "</afterSeq>").contains("<seq>"));
        assertTrue(fault(d, "listPostingsAfter", "<afterSeq>0</afterSeq><limit>0</limit>").contains("limit"));
        // far more than the cap asked: at most the cap (1 000) answered
        assertTrue(count(call(d, "listPostingsAfter", "<afterSeq>0</afterSeq><limit>100000</limit>"), "posting") <= 1000);

        String id = first(one, "id");
        String posting = call(d, "getPosting", "<id>" + id + "</id>");
        assertEquals(id, first(posting, "id"));
        assertTrue(posting, first(posting, "documentDate").matches("\\d{4}-\\d{2}-\\d{2}") && first(posting, "postedAt").matches(INSTANT));
        assertTrue(fault(d, "getPosting", "<id>NOPE-" + RUN + "</id>").contains("NOPE-" + RUN));

        Dispatch<Source> sales = soapClient("SalesOrderService", SALES, "admin", adminPassword);
        String orders = soapCall(sales, "<s:listOrdersAfter xmlns:s='" + SALES + "'><afterSeq>0</afterSeq><limit>1</limit></s:listOrdersAfter>");
        assertEquals(orders, 1, count(orders, "number"));
        long orderSeq = Long.parseLong(first(orders, "eventSeq"));
        String more = soapCall(sales, "<s:listOrdersAfter xmlns:s='" + SALES + "'><afterSeq>" + orderSeq + "</afterSeq><limit>3</limit>"
                + "</s:listOrdersAfter>");
        assertTrue(more, count(more, "number") >= 1 && count(more, "number") <= 3 && Long.parseLong(first(more, "eventSeq")) > orderSeq);
        try {
            soapCall(sales, "<s:listOrdersAfter xmlns:s='" + SALES + "'><afterSeq>0</afterSeq><limit>-1</limit></s:listOrdersAfter>");
            throw new AssertionError("limit -1 answered");
        } catch (SOAPFaultException e) {
            assertTrue(e.getMessage() + e.getFault().getDetail().getTextContent(), (e.getMessage() + e.getFault().getDetail()
                    .getTextContent()).contains("limit"));
        }
    }

    @Test
    public void everyWsdlTypesItsDaysAndInstantsAndDeclaresItsFault() {
        String wsdl = http("GET", "/soap/FinanceService?wsdl", null, null, null, Map.of()).body();
        for (String[] typed : new String[][] {{"openItem", "dueDate", "date"}, {"moneyDocument", "date", "date"},
                {"moneyDocument", "postedAt", "dateTime"}, {"registerQuery", "from", "date"}, {"ledgerEntry", "postedAt", "dateTime"},
                {"account", "lastPostedAt", "dateTime"}, {"posting", "documentDate", "date"}, {"posting", "postedAt", "dateTime"},
                {"receipt", "date", "date"}, {"balance", "lastPostedAt", "dateTime"}, {"listPostingsSince", "since", "dateTime"}}) {
            Matcher type = Pattern.compile("(?s)<xs:complexType name=\"" + typed[0] + "\">(.*?)</xs:complexType>").matcher(wsdl);
            assertTrue(typed[0] + " in " + wsdl, type.find());
            assertTrue(typed[0] + "." + typed[1] + ": " + type.group(1), Pattern.compile("name=\"" + typed[1] + "\"[^>]*type=\"xs:"
                    + typed[2] + "\"").matcher(type.group(1)).find());
        }
        // no service leaves a day or an instant as text or as anySimpleType (a generated client's Object)
        Pattern untyped = Pattern.compile("name=\"(\\w*(?i:date|at|since|from|to|asOf))\" type=\"xs:(string|anySimpleType)\"");
        for (String service : SERVICES) {
            String text = http("GET", "/soap/" + service + "?wsdl", null, null, null, Map.of()).body();
            assertTrue(service + " " + text, text.contains("wsdl:definitions"));
            Matcher m = untyped.matcher(text);
            assertFalse(service + ": " + (m.find() ? m.group() : ""), untyped.matcher(text).find() || text.contains("anySimpleType"));
            // every operation declares the typed fault (in the port type and the binding), its detail {urn:titrate:fault}problem
            Matcher faults = Pattern.compile("<wsdl:fault [^>]*name=\"ProblemFault\"").matcher(text);
            assertEquals(service, text.split("<wsdl:operation name=", -1).length - 1, faults.results().count());
            assertTrue(service, text.contains("targetNamespace=\"urn:titrate:fault\"") && text.contains("<xs:element name=\"problem\""));
        }
    }

    // ---- Clients generated by wsdl2java from the committed WSDLs (itests/pom.xml, cxf-codegen-plugin with -validate) ----

    private static final String[] SERVICES = {"CustomerService", "ProductService", "SalesOrderService", "InventoryService",
        "FinanceService", "PurchasingService", "ReportService", "InvoiceService"};

    /** A generated port sent to this container's SOAP 1.1 endpoint (the committed WSDLs say 8181) as the given user. */
    private static <T> T port(T port, String service, String user, String password) {
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, baseUrl() + "/soap/" + service);
        context.put(BindingProvider.USERNAME_PROPERTY, user);
        context.put(BindingProvider.PASSWORD_PROPERTY, password);
        return port;
    }

    private static XMLGregorianCalendar day(LocalDate date) throws Exception {
        return DatatypeFactory.newInstance().newXMLGregorianCalendar(date.toString());
    }

    private static RegisterQuery query(String party) throws Exception {
        RegisterQuery q = new RegisterQuery();
        q.setPartyCode(party);
        q.setFrom(day(LocalDate.now().minusDays(3)));
        q.setTo(day(LocalDate.now().plusDays(3)));
        return q;
    }

    private static MoneyDocument document(String customer, String supplier, String amount, String method, String reference,
            String requestId) throws Exception {
        MoneyDocument m = new MoneyDocument();
        m.setCustomerCode(customer);
        m.setSupplierCode(supplier);
        m.setAmount(new BigDecimal(amount));
        m.setMethod(method);
        m.setDate(day(LocalDate.now()));
        m.setReference(reference);
        m.setComment("网银 回单 " + reference);
        m.setRequestId(requestId);
        return m;
    }

    /** Whether a typed fault's problem names the field (alone or as the last step of its path). */
    private static boolean names(List<String> fields, String field) {
        return fields.stream().anyMatch(f -> f.equals(field) || f.endsWith("." + field));
    }

    @Test
    public void generatedClientsCallEveryOperationOfEveryServiceAndCatchTypedFaults() throws Exception {
        CustomerService customers = port(new CustomerService_Service().getCustomerServicePort(), "CustomerService", "admin",
                adminPassword);
        org.titrate.itests.wsdl.customer.Customer created = new org.titrate.itests.wsdl.customer.Customer();
        String c = "WG-" + RUN;
        created.setCode(c);
        created.setName("江苏扬农化工集团有限公司 " + c);
        created.setStatus(org.titrate.itests.wsdl.customer.CustomerStatus.ACTIVE);
        created.setChannel(org.titrate.itests.wsdl.customer.Channel.WHOLESALE);
        created.setContactName("王建国");
        Holder<org.titrate.itests.wsdl.customer.Customer> saved = new Holder<>(created);
        customers.saveCustomer(saved);
        assertEquals(c, saved.value.getCode());
        assertEquals("江苏扬农化工集团有限公司 " + c, customers.getCustomer(c).getName());
        assertEquals("王建国", customers.getCustomer(c).getContactName());
        org.titrate.itests.wsdl.customer.CustomerPage found = customers.findCustomers(c, 0, 10);
        assertEquals(1, found.getTotal());
        assertEquals(c, found.getItem().get(0).getCode());
        org.titrate.itests.wsdl.customer.Customer bad = new org.titrate.itests.wsdl.customer.Customer();
        bad.setCode("WGBAD-" + RUN);
        bad.setEmail("nope");
        try {
            customers.saveCustomer(new Holder<>(bad));
            throw new AssertionError("a customer without a name and with a bad email was saved");
        } catch (org.titrate.itests.wsdl.customer.ProblemFault e) {
            List<String> fields = new ArrayList<>();
            e.getFaultInfo().getError().forEach(f -> fields.add(f.getField()));
            assertEquals(fields.toString(), 400, e.getFaultInfo().getStatus());
            assertTrue(fields.toString(), names(fields, "email") && names(fields, "name"));
        }
        try {
            customers.getCustomer("NOPE-" + RUN);
            throw new AssertionError("an unknown customer was answered");
        } catch (org.titrate.itests.wsdl.customer.ProblemFault e) {
            assertEquals(404, e.getFaultInfo().getStatus());
            assertTrue(e.getMessage(), (e.getMessage() + " " + e.getFaultInfo().getDetail()).contains("NOPE-" + RUN));
        }

        // receivables: every finance operation, through the generated client
        String order = shipped(c);
        FinanceService finance = port(new FinanceService_Service().getFinanceServicePort(), "FinanceService", "admin", adminPassword);
        assertTrue(finance.getBalance(c).get(0).getBalance().signum() > 0);
        org.titrate.itests.wsdl.finance.OpenItemPage open = finance.listOpenItems(c, 0, 10);
        assertEquals(1, open.getTotal());
        assertEquals(order, open.getItem().get(0).getDocumentNumber());
        Receipt receipt = new Receipt();
        receipt.setCustomerCode(c);
        receipt.setAmount(new BigDecimal("10000.00"));
        receipt.setMethod("BANK_TRANSFER");
        receipt.setSalesOrderNumber(order);
        receipt.setComment("工商银行 电汇");
        Holder<Receipt> paid = new Holder<>(receipt);
        finance.registerReceipt(paid);
        assertTrue(paid.value.getNumber(), paid.value.getNumber() != null && paid.value.getPostedAt() != null);
        Holder<MoneyDocument> refund = new Holder<>(document(c, null, "300.00", "BANK_TRANSFER", "ICBC-G1", "WGR-" + RUN));
        finance.registerRefund(refund);
        String refundNumber = refund.value.getNumber();
        assertTrue(refundNumber, refundNumber.startsWith("RF-") && "REFUND".equals(refund.value.getKind()));
        assertEquals(1, finance.listReceipts(query(c)).getTotal());
        org.titrate.itests.wsdl.finance.MoneyPage refunds = finance.listRefunds(query(c));
        assertEquals(1, refunds.getTotal());
        assertEquals("网银 回单 ICBC-G1", refunds.getItem().get(0).getComment());
        try {
            finance.registerRefund(new Holder<>(document(null, c, "1.00", "CASH", "X", "WGX-" + RUN)));
            throw new AssertionError("a customer refund naming a supplier was booked");
        } catch (org.titrate.itests.wsdl.finance.ProblemFault e) {
            List<String> fields = new ArrayList<>();
            e.getFaultInfo().getError().forEach(f -> fields.add(f.getField()));
            assertTrue(fields + " " + e.getFaultInfo().getDetail(), names(fields, "supplierCode"));
        }
        RegisterQuery backwards = query(c);
        backwards.setTo(day(LocalDate.now().minusDays(4)));
        try {
            finance.listReceipts(backwards);
            throw new AssertionError("a date range ending before it starts was answered");
        } catch (org.titrate.itests.wsdl.finance.ProblemFault e) {
            List<String> fields = new ArrayList<>();
            e.getFaultInfo().getError().forEach(f -> fields.add(f.getField()));
            assertTrue(fields + " " + e.getFaultInfo().getDetail(), names(fields, "to"));
        }

        // payables
        String s = supplier();
        Holder<MoneyDocument> payment = new Holder<>(document(null, s, "500.00", "BANK_ACCEPTANCE", "BA-G1", "WGP-" + RUN));
        finance.registerSupplierPayment(payment);
        String paymentNumber = payment.value.getNumber();
        assertTrue(paymentNumber, paymentNumber.startsWith("PY-"));
        Holder<MoneyDocument> back = new Holder<>(document(null, s, "200.00", "BANK_TRANSFER", "SR-G1", "WGQ-" + RUN));
        finance.registerSupplierRefund(back);
        assertTrue(back.value.getNumber(), back.value.getNumber().startsWith("SR-"));
        assertEquals(0, new BigDecimal("-300.00").compareTo(finance.getPayableBalance(s).get(0).getBalance()));
        assertTrue(finance.listSupplierOpenItems(s, 0, 10).getItem().stream().anyMatch(i -> paymentNumber.equals(i.getDocumentNumber())));
        assertEquals(paymentNumber, finance.listSupplierPayments(query(s)).getItem().get(0).getNumber());
        assertEquals(back.value.getNumber(), finance.listSupplierRefunds(query(s)).getItem().get(0).getNumber());

        // feeds and one posting
        List<Posting> first = finance.listPostingsAfter(0L, 1);
        assertEquals(1, first.size());
        assertEquals(first.get(0).getId(), finance.getPosting(first.get(0).getId()).getId());
        assertTrue(finance.listPostingsSince(refund.value.getPostedAt()).stream()
                .anyMatch(p -> refundNumber.equals(p.getDocumentNumber())));

        // one operation of every other service
        assertEquals("冰醋酸 工业级", port(new org.titrate.itests.wsdl.product.ProductService_Service().getProductServicePort(),
                "ProductService", "admin", adminPassword).getProduct(SKU).getName());
        assertEquals(c, port(new org.titrate.itests.wsdl.sales.SalesOrderService_Service().getSalesOrderServicePort(),
                "SalesOrderService", "admin", adminPassword).getOrder(order).getCustomerCode());
        port(new org.titrate.itests.wsdl.inventory.InventoryService_Service().getInventoryServicePort(), "InventoryService", "admin",
                adminPassword).getStock(SKU, "WH1").forEach(stock -> assertEquals(SKU, stock.getSku()));
        assertTrue(port(new org.titrate.itests.wsdl.invoice.InvoiceService_Service().getInvoiceServicePort(), "InvoiceService",
                "admin", adminPassword).listInvoicesChangedAfter(0L, 1).size() <= 1);
        assertEquals("山东华鲁恒升化工股份有限公司 " + s, port(new org.titrate.itests.wsdl.purchasing.PurchasingService_Service()
                .getPurchasingServicePort(), "PurchasingService", "admin", adminPassword).getSupplier(s).getName());
        org.titrate.itests.wsdl.report.Report statement = port(new org.titrate.itests.wsdl.report.ReportService_Service()
                .getReportServicePort(), "ReportService", "admin", adminPassword).getStatementOfAccount(c,
                day(LocalDate.now().minusDays(3)), day(LocalDate.now().plusDays(3)));
        assertTrue(statement.getName(), !statement.getColumn().isEmpty() && !statement.getRow().isEmpty());

        // and every remaining operation of those services: the reads answer, the bad writes and unknown numbers are typed faults
        org.titrate.itests.wsdl.product.ProductService products = port(new org.titrate.itests.wsdl.product.ProductService_Service()
                .getProductServicePort(), "ProductService", "admin", adminPassword);
        assertTrue(products.findProducts(SKU, 0, 5).getItem().stream().anyMatch(p -> SKU.equals(p.getSku())));
        try {
            products.saveProduct(new javax.xml.ws.Holder<>(new org.titrate.itests.wsdl.product.Product()));
            throw new AssertionError("a product without SKU or name was saved");
        } catch (org.titrate.itests.wsdl.product.ProblemFault e) {
            assertEquals(400, e.getFaultInfo().getStatus());
            assertFalse(e.getFaultInfo().getError().isEmpty());
        }
        org.titrate.itests.wsdl.sales.SalesOrderService sales = port(new org.titrate.itests.wsdl.sales.SalesOrderService_Service()
                .getSalesOrderServicePort(), "SalesOrderService", "admin", adminPassword);
        assertFalse(sales.listOrdersAfter(0L, 5).isEmpty());
        assertFalse(sales.listOrdersChangedAfter(0L).isEmpty());
        // an hour ago in Shanghai's offset: read as the instant it names, so this test's own order is in it
        assertFalse(sales.listOrdersChangedSince(DatatypeFactory.newInstance().newXMLGregorianCalendar(java.time.OffsetDateTime
                .now(java.time.ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString())).isEmpty());
        try {
            sales.createOrder(new javax.xml.ws.Holder<>(new org.titrate.itests.wsdl.sales.Order()));
            throw new AssertionError("an order without customer or lines was created");
        } catch (org.titrate.itests.wsdl.sales.ProblemFault e) {
            assertEquals(400, e.getFaultInfo().getStatus());
            assertFalse(e.getFaultInfo().getError().isEmpty());
        }
        try {
            port(new org.titrate.itests.wsdl.purchasing.PurchasingService_Service().getPurchasingServicePort(), "PurchasingService",
                    "admin", adminPassword).getPurchaseOrder("PO-NONE-" + RUN);
            throw new AssertionError("an unknown purchase order was found");
        } catch (org.titrate.itests.wsdl.purchasing.ProblemFault e) {
            assertEquals(404, e.getFaultInfo().getStatus());
        }
        org.titrate.itests.wsdl.report.ReportService reports = port(new org.titrate.itests.wsdl.report.ReportService_Service()
                .getReportServicePort(), "ReportService", "admin", adminPassword);
        assertFalse(reports.getReceivablesAgeing(day(LocalDate.now())).getColumn().isEmpty());
        assertFalse(reports.getSalesSummary(day(LocalDate.now().minusDays(3)), day(LocalDate.now().plusDays(3)), "customer")
                .getColumn().isEmpty());
        try {
            port(new org.titrate.itests.wsdl.invoice.InvoiceService_Service().getInvoiceServicePort(), "InvoiceService", "admin",
                    adminPassword).getInvoice("IV-NONE-" + RUN);
            throw new AssertionError("an unknown invoice was found");
        } catch (org.titrate.itests.wsdl.invoice.ProblemFault e) {
            assertEquals(404, e.getFaultInfo().getStatus());
        }
    }

    /**
     * The figure of the WSDL check: the build ran every committed WSDL through wsdl2java -validate (a failure stops it
     * before this test compiles); here each generated service interface is counted against its WSDL's operations, and
     * the result written to target/wsdl-check.txt.
     */
    @Test
    public void everyCommittedWsdlValidatedAndGeneratedWithAllItsOperations() throws Exception {
        StringBuilder report = new StringBuilder("WSDL check: wsdl2java -validate (cxf-codegen-plugin) over itests/src/test/resources/wsdl\n");
        int total = 0;
        for (String service : SERVICES) {
            String pkg = Map.of("CustomerService", "customer", "ProductService", "product", "SalesOrderService", "sales",
                    "InventoryService", "inventory", "FinanceService", "finance", "PurchasingService", "purchasing",
                    "ReportService", "report", "InvoiceService", "invoice").get(service);
            Class<?> client = Class.forName("org.titrate.itests.wsdl." + pkg + "." + service + "_Service");
            Class<?> sei = Class.forName("org.titrate.itests.wsdl." + pkg + "." + service);
            assertEquals(service, "classpath:wsdl/" + service + ".wsdl", client.getAnnotation(WebServiceClient.class).wsdlLocation());
            String wsdl;
            try (java.io.InputStream in = client.getClassLoader().getResourceAsStream("wsdl/" + service + ".wsdl")) {
                wsdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher portType = Pattern.compile("(?s)<wsdl:portType [^>]*>(.*?)</wsdl:portType>").matcher(wsdl);
            assertTrue(service, portType.find());
            long declared = Pattern.compile("<wsdl:operation name=").matcher(portType.group(1)).results().count();
            long generated = java.util.Arrays.stream(sei.getMethods()).filter(m -> m.isAnnotationPresent(javax.jws.WebMethod.class)).count();
            long typedFaults = java.util.Arrays.stream(sei.getMethods()).filter(m -> m.getExceptionTypes().length == 1
                    && m.getExceptionTypes()[0].getSimpleName().equals("ProblemFault")).count();
            assertEquals(service, declared, generated);
            assertEquals(service, declared, typedFaults);
            total += declared;
            report.append(String.format("%-22s validated and generated ok, %2d operations, each throwing ProblemFault (%s)%n",
                    service + ".wsdl", declared, sei.getName()));
        }
        report.append(String.format("%d WSDLs, %d operations%n", SERVICES.length, total));
        // karaf.home is itests/target/exam/<run>
        Path out = Path.of(System.getProperty("karaf.home")).toAbsolutePath().getParent().getParent().resolve("wsdl-check.txt");
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
    }

    /**
     * The WSDLs the server publishes are the ones committed under itests/src/test/resources/wsdl (the contract clients are
     * generated from), so that no change to a service's types goes unnoticed. After an intended change, regenerate them
     * with {@code TITRATE_WSDL_UPDATE=1 mvn -B -ntp verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
     * -Dit.test=FinanceSoapIT} and commit the difference.
     */
    @Test
    public void thePublishedWsdlsAreTheCommittedOnes() throws Exception {
        // karaf.home is itests/target/exam/<run>
        Path committed = Path.of(System.getProperty("karaf.home")).toAbsolutePath().getParent().getParent().getParent()
                .resolve("src/test/resources/wsdl");
        boolean update = "1".equals(System.getenv("TITRATE_WSDL_UPDATE"));
        StringBuilder drifted = new StringBuilder();
        for (String service : SERVICES) {
            Reply reply = http("GET", "/soap/" + service + "?wsdl", null, null, null, Map.of());
            assertEquals(service, 200, reply.status());
            // the address names the port this test runs on; the committed one says 8181, the default
            String served = comparable(reply.body().replaceAll("location=\"http://[^\"/]*/soap/", "location=\"http://localhost:8181/soap/"));
            Path file = committed.resolve(service + ".wsdl");
            if (update) {
                Files.createDirectories(committed);
                Files.writeString(file, served, StandardCharsets.UTF_8);
            } else if (!Files.isRegularFile(file) || !served.equals(comparable(Files.readString(file, StandardCharsets.UTF_8)))) {
                Path actual = committed.getParent().getParent().getParent().getParent().resolve("target/wsdl-served/" + service + ".wsdl");
                Files.createDirectories(actual.getParent());
                Files.writeString(actual, served, StandardCharsets.UTF_8);
                drifted.append(' ').append(service);
            }
        }
        assertEquals("published WSDLs differ from src/test/resources/wsdl (served ones in target/wsdl-served; see this test's"
                + " comment to regenerate):" + drifted, "", drifted.toString());
    }

    /**
     * A WSDL as text to compare: the StAX writer the container happens to use decides the XML declaration and whether an
     * empty element is written {@code <a></a>} or {@code <a/>}; neither changes the contract.
     */
    private static String comparable(String wsdl) {
        return wsdl.replace("\r\n", "\n").strip().replaceFirst("^<\\?xml[^>]*\\?>", "")
                .replaceAll("<([\\w:]+)([^<>]*)></\\1>", "<$1$2/>").strip() + "\n";
    }

    @Test
    public void theLedgerIsReadByFinanceViewerAndAdminOnlyOverSoapAndRest() throws Exception {
        String c = customer();
        shipped(c);
        String seller = "fssales-" + RUN.toLowerCase();
        String sellerPw = createUser(seller, "sales");
        String viewer = "fsview-" + RUN.toLowerCase();
        String viewerPw = createUser(viewer, "viewer");
        String clerk = "fsfin-" + RUN.toLowerCase();
        String clerkPw = createUser(clerk, "finance");
        String buyer = "fsbuy-" + RUN.toLowerCase();
        String buyerPw = createUser(buyer, "purchasing");
        String s = supplier();

        List<String> reads = List.of("/receivables?customerCode=" + c, "/receivables/" + c, "/receivables/balances", "/payables/" + s,
                "/finance-postings?partyCode=" + c, "/receipts?customerCode=" + c, "/refunds", "/supplier-payments", "/supplier-refunds");
        for (String path : reads) {
            assertProblem(403, http("GET", path, seller, sellerPw, null, Map.of()));
            assertProblem(403, http("GET", path, buyer, buyerPw, null, Map.of()));
            assertEquals(path, 200, http("GET", path, viewer, viewerPw, null, Map.of()).status());
            assertEquals(path, 200, http("GET", path, clerk, clerkPw, null, Map.of()).status());
        }
        // sales still reads what is theirs
        assertEquals(200, http("GET", "/sales-orders?customerCode=" + c, seller, sellerPw, null, Map.of()).status());

        Map<String, String> soapReads = Map.of("getBalance", "<customerCode>" + c + "</customerCode>", "listOpenItems",
                "<customerCode>" + c + "</customerCode>", "getPayableBalance", "<supplierCode>" + s + "</supplierCode>", "listReceipts",
                range(c), "listPostingsAfter", "<afterSeq>0</afterSeq><limit>1</limit>");
        Dispatch<Source> sales = soapClient("FinanceService", FINANCE, seller, sellerPw);
        Dispatch<Source> view = soapClient("FinanceService", FINANCE, viewer, viewerPw);
        for (Map.Entry<String, String> op : soapReads.entrySet()) {
            try {
                call(sales, op.getKey(), op.getValue());
                throw new AssertionError(op.getKey() + " answered a sales user");
            } catch (SOAPFaultException e) {
                assertTrue(op.getKey() + ": " + e.getMessage(), e.getMessage().startsWith("Forbidden"));
            }
            call(view, op.getKey(), op.getValue());
        }
        // the viewer reads but books nothing; finance books
        try {
            call(view, "registerRefund", money("refund", "customerCode", c, "1.00", "CASH", "V", "FSV-" + RUN));
            throw new AssertionError("a viewer registered a refund");
        } catch (SOAPFaultException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("Forbidden"));
        }
        Dispatch<Source> fin = soapClient("FinanceService", FINANCE, clerk, clerkPw);
        String paid = call(fin, "registerSupplierPayment", money("payment", "supplierCode", s, "10.00", "CASH", "F", "FSF-" + RUN));
        assertEquals(clerk, first(paid, "postedBy"));
    }
}
