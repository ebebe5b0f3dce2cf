package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.inject.Inject;
import javax.security.auth.Subject;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.ws.Dispatch;
import javax.xml.ws.soap.SOAPFaultException;
import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.Session;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.titrate.platform.api.soap.SoapEndpoints;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * One declaration of who may do what ({@code @Allowed}) rules REST, SOAP and the shell alike: every operation that
 * changes something, found the way a client finds it (the OpenAPI document, each published service's WSDL, the
 * shell's command registry), refuses the read-only {@code viewer}, who can still read through all three.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RolesIT extends TitrateTestSupport {
    private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    /** Reads over REST that only an administrator may see. */
    private static final Set<String> ADMIN_ONLY_READS = Set.of("/events", "/events/status", "/users", "/users/{username}", "/status", "/audit",
            "/notification-deliveries", "/notification-deliveries/{id}", "/notification-deliveries/{id}/log", "/licence");
    /** Writes every signed-in user makes on their own behalf: signing in and out, marking their own inbox read. */
    private static final Set<String> EVERYONES_WRITES = Set.of("POST /session", "DELETE /session", "POST /notifications/{id}/read");

    @Inject
    @Filter(timeout = 300_000)
    protected SoapEndpoints soapEndpoints;

    private static String viewer;
    private static String viewerPw;

    private void viewer() {
        if (viewer == null) {
            viewer = "rolesviewer-" + RUN;
            // operator only opens the shell; what runs there is what the viewer role allows
            viewerPw = createUser(viewer, "viewer", "operator");
        }
    }

    @Test
    public void everyRestWriteRefusesTheViewerWhoStillReads() {
        viewer();
        JsonNode paths = http("GET", "/openapi.json", null, null, null, Map.of()).json().path("paths");
        List<String> writes = new ArrayList<>();
        List<String> notRefused = new ArrayList<>();
        List<String> readsRefused = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "NOPE-" + RUN);
            for (Iterator<String> verbs = path.getValue().fieldNames(); verbs.hasNext();) {
                String verb = verbs.next().toUpperCase();
                if (verb.equals("GET")) {
                    Reply r = http("GET", concrete, viewer, viewerPw, null, Map.of());
                    boolean refused = r.status() == 403;
                    if (refused != ADMIN_ONLY_READS.contains(path.getKey())) {
                        readsRefused.add("GET " + path.getKey() + " -> " + r.status());
                    }
                    assertTrue("GET " + concrete + ": " + r.body(), r.status() < 500);
                    continue;
                }
                if (EVERYONES_WRITES.contains(verb + " " + path.getKey())) {
                    continue;
                }
                writes.add(verb + " " + path.getKey());
                Reply r = http(verb, concrete, viewer, viewerPw, "{}", Map.of());
                if (r.status() != 403 || !r.header("content-type").startsWith("application/problem+json")) {
                    notRefused.add(verb + " " + path.getKey() + " -> " + r.status() + " " + r.body());
                }
            }
        }
        assertTrue("writes found in the OpenAPI document: " + writes, writes.size() > 30
                && writes.contains("POST /sales-orders/{id}/confirm") && writes.contains("POST /purchase-orders"));
        assertEquals("REST writes a viewer was not refused", List.of(), notRefused);
        assertEquals("REST reads refused to a viewer, or admin-only reads open to one", List.of(), readsRefused);
        figure("roles-figures.txt", "REST: " + writes.size() + " writes refused to viewer, reads open");
    }

    /** The finance ledger over REST: receivables, payables, postings and the money registers. */
    private static final List<String> LEDGER = List.of("/receivables", "/payables", "/finance-postings", "/receipts", "/refunds",
            "/supplier-payments", "/supplier-refunds");

    /**
     * The finance ledger is read by finance, viewer and admin only: every read of it in the OpenAPI document and every
     * operation of FinanceService refuse a sales user, who still reads the rest.
     */
    @Test
    public void theFinanceLedgerRefusesSalesOverRestAndSoap() throws Exception {
        String seller = "rolessales-" + RUN;
        String sellerPw = createUser(seller, "sales");
        JsonNode paths = http("GET", "/openapi.json", null, null, null, Map.of()).json().path("paths");
        List<String> ledgerReads = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getValue().has("get") || ADMIN_ONLY_READS.contains(path.getKey())) {
                continue;
            }
            boolean ledger = LEDGER.stream().anyMatch(p -> path.getKey().equals(p) || path.getKey().startsWith(p + "/"));
            if (!ledger && !Set.of("/customers", "/sales-orders", "/products").contains(path.getKey())) {
                continue;
            }
            Reply r = http("GET", path.getKey().replaceAll("\\{[^}]+}", "NOPE-" + RUN), seller, sellerPw, null, Map.of());
            if (ledger) {
                ledgerReads.add(path.getKey());
            }
            if ((r.status() == 403) != ledger) {
                wrong.add("GET " + path.getKey() + " -> " + r.status());
            }
        }
        assertTrue(ledgerReads.toString(), ledgerReads.containsAll(List.of("/receivables", "/payables/{code}", "/finance-postings",
                "/receipts", "/supplier-refunds/{id}")));
        assertEquals("ledger reads open to sales, or other reads refused to sales", List.of(), wrong);
        Dispatch<Source> client = soapClient("FinanceService", "urn:titrate:finance", seller, sellerPw);
        for (String operation : List.of("getBalance", "getPayableBalance", "listOpenItems", "listSupplierOpenItems", "listReceipts",
                "listRefunds", "listPostingsSince", "listPostingsAfter", "getPosting")) {
            try {
                soapCall(client, "<t:" + operation + " xmlns:t='urn:titrate:finance'/>");
                wrong.add("FinanceService." + operation + " answered sales");
            } catch (SOAPFaultException e) {
                if (!e.getMessage().startsWith("Forbidden")) {
                    wrong.add("FinanceService." + operation + ": " + e.getMessage());
                }
            }
        }
        assertEquals("FinanceService reads a sales user was not refused", List.of(), wrong);
        figure("roles-figures.txt", "Ledger: " + ledgerReads.size() + " REST reads and FinanceService refused to sales");
    }

    /** A SOAP operation reads when its name says so; every other one changes something. */
    private static boolean reads(String operation) {
        return operation.startsWith("get") || operation.startsWith("find") || operation.startsWith("list");
    }

    @Test
    public void everySoapWriteRefusesTheViewerWhoStillReads() throws Exception {
        viewer();
        Set<String> services = soapEndpoints.published();
        assertTrue(services.toString(), services.containsAll(Set.of("CustomerService", "ProductService", "SalesOrderService",
                "InventoryService", "FinanceService", "PurchasingService")));
        List<String> writes = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String service : services) {
            String wsdl = http("GET", "/soap/" + service + "?wsdl", null, null, null, Map.of()).body();
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Element definitions = f.newDocumentBuilder().parse(new InputSource(new StringReader(wsdl))).getDocumentElement();
            String ns = definitions.getAttribute("targetNamespace");
            Set<String> operations = new TreeSet<>();
            NodeList portTypes = definitions.getElementsByTagNameNS(WSDL, "portType");
            for (int p = 0; p < portTypes.getLength(); p++) {
                NodeList ops = ((Element) portTypes.item(p)).getElementsByTagNameNS(WSDL, "operation");
                for (int i = 0; i < ops.getLength(); i++) {
                    operations.add(((Element) ops.item(i)).getAttribute("name"));
                }
            }
            assertFalse(service + " has no operations in its WSDL", operations.isEmpty());
            Dispatch<Source> client = soapClient(service, ns, viewer, viewerPw);
            for (String operation : operations) {
                String answer;
                try {
                    soapCall(client, "<t:" + operation + " xmlns:t='" + ns + "'/>");
                    answer = "answered";
                } catch (SOAPFaultException e) {
                    answer = e.getMessage();
                }
                boolean refused = answer != null && answer.startsWith("Forbidden");
                if (!reads(operation)) {
                    writes.add(service + "." + operation);
                }
                if (refused == reads(operation)) {
                    wrong.add(service + "." + operation + ": " + answer);
                }
            }
        }
        assertTrue("SOAP writes found: " + writes, writes.containsAll(List.of("CustomerService.saveCustomer",
                "ProductService.saveProduct", "SalesOrderService.createOrder", "FinanceService.registerReceipt")));
        assertEquals("SOAP writes a viewer was not refused, or reads refused to one", List.of(), wrong);
        figure("roles-figures.txt", "SOAP: " + writes.size() + " writes refused to viewer " + writes + ", reads open");
    }

    /** A shell command reads when its name says so ({@code -list}, {@code -show}, or one of the nouns that show a record). */
    private static boolean shellReads(String name) {
        return name.endsWith("-list") || name.endsWith("-show")
                || Set.of("stock", "balance", "status", "report", "receivables-overdue", "counter-summary").contains(name);
    }

    @Test
    public void everyShellWriteRefusesTheViewerWhoStillReads() throws Exception {
        viewer();
        Set<String> titrate = titrateCommands();
        assertTrue(titrate.toString(), titrate.containsAll(Set.of("demo-load", "return-approve", "payment-reminders", "customer-list")));
        Map<String, String> wrong = new TreeMap<>();
        List<String> writes = new ArrayList<>();
        onFreshThread(() -> {
            Subject subject = subjectOf(viewer, viewerPw);
            Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
            try {
                for (String name : titrate) {
                    boolean refused;
                    try {
                        Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute("titrate:" + name + " --help"));
                        refused = false;
                    } catch (Exception e) {
                        refused = refusedByShell(e);
                    }
                    if (!shellReads(name)) {
                        writes.add(name);
                        if (!refused) {
                            wrong.put(name, "ran for a viewer");
                        }
                    }
                }
            } finally {
                session.close();
            }
            return null;
        });
        assertEquals("shell commands that change something and ran for a viewer", Map.of(), wrong);
        // and the viewer reads, with real answers
        String customers = shell(viewer, viewerPw, "titrate:customer-list -n 1");
        assertTrue(customers, customers.contains("customers"));
        assertTrue(shell(viewer, viewerPw, "titrate:product-list -n 1").contains("products"));
        assertTrue(shell(viewer, viewerPw, "titrate:order-list -n 1").contains("documents"));
        figure("roles-figures.txt", "shell: " + writes.size() + " commands that change something refused to viewer " + writes);
    }

    /** The command ACL of the titrate scope is the commands' {@code @Allowed}, and follows modules that come and go. */
    @Test
    public void theShellAclIsDerivedFromTheCommandsAndFollowsModules() throws Exception {
        Map<String, String> acl = titrateAcl();
        assertEquals(acl.toString(), "admin, sales, finance, viewer", acl.get("balance"));
        assertEquals(acl.toString(), "admin, sales", acl.get("return-approve"));
        assertEquals(acl.toString(), "admin", acl.get("demo-load"));
        shell("admin", adminPassword, "feature:uninstall titrate-finance");
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !titrateAcl().containsKey("balance") && titrateAcl().containsKey("order-show"));
        } finally {
            shell("admin", adminPassword, "feature:install titrate-finance");
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> "admin, sales, finance, viewer".equals(titrateAcl().get("balance")));
        assertNotEquals(null, titrateAcl().get("payment-reminders"));
    }


    /** Every command of the titrate scope, as an admin's session lists them. */
    private Set<String> titrateCommands() throws Exception {
        Set<String> names = new TreeSet<>();
        onFreshThread(() -> Subject.doAs(subjectOf("admin", adminPassword), (PrivilegedExceptionAction<Object>) () -> {
            Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), System.out, System.err);
            try {
                for (Command c : session.getRegistry().getCommands()) {
                    if ("titrate".equals(c.getScope())) {
                        names.add(c.getName());
                    }
                }
            } finally {
                session.close();
            }
            return null;
        }));
        return names;
    }

    @Test
    public void adminCommandsRefuseOtherShellUsers() throws Exception {
        viewer();
        // event-list is declared for admins: the viewer, who may open the shell, is refused; the admin is not
        try {
            shell(viewer, viewerPw, "titrate:event-list --limit 1");
            fail("event-list ran for a viewer");
        } catch (Exception e) {
            assertTrue(e.toString(), refusedByShell(e));
        }
        assertTrue(shell("admin", adminPassword, "titrate:event-list --limit 1").contains("events kept"));
    }
}
