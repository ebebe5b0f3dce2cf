package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Modules, the OpenAPI document, the shell, demo data, and a module leaving and coming back at run time. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends TitrateTestSupport {

    private Map<String, Boolean> installedModules() {
        Map<String, Boolean> modules = new HashMap<>();
        get("/modules").json().path("items").forEach(m -> modules.put(m.path("name").asText(), m.path("installed").asBoolean()));
        return modules;
    }

    @Test
    public void listsModulesAndDescribesTheApi() {
        Map<String, Boolean> modules = installedModules();
        assertEquals(Boolean.TRUE, modules.get("platform"));
        assertEquals(Boolean.TRUE, modules.get("customers"));
        assertEquals(Boolean.TRUE, modules.get("products"));
        assertEquals(Boolean.TRUE, modules.get("purchasing"));
        assertEquals(Boolean.TRUE, modules.get("finance"));

        Reply openApi = http("GET", "/openapi.json", null, null, null, Map.of());
        assertEquals(200, openApi.status());
        JsonNode doc = openApi.json();
        assertTrue(doc.path("openapi").asText().startsWith("3."));
        for (String path : new String[] {"/customers", "/customers/{id}", "/customers/{id}/follow-ups", "/products",
                "/product-categories", "/modules", "/users", "/receivables", "/receivables/{code}", "/receipts", "/refunds/{id}",
                "/payables/balances", "/supplier-payments", "/supplier-refunds", "/finance-postings", "/suppliers",
                "/purchase-orders/{id}/receive"}) {
            assertTrue(path, doc.path("paths").has(path));
        }
        assertTrue(doc.path("components").path("schemas").path("Customer").path("properties").has("creditLimit"));
    }

    /** Karaf no longer tests OpenJPA upstream: show that the running entities are enhanced ones. */
    @Test
    public void entitiesRunEnhancedByOpenJpaInsideOsgi() throws Exception {
        org.osgi.framework.BundleContext context = org.osgi.framework.FrameworkUtil.getBundle(getClass()).getBundleContext();
        String[][] entities = {
                {"org.titrate.titrate-products-impl", "org.titrate.products.impl.entity.ProductEntity"},
                {"org.titrate.titrate-customers-impl", "org.titrate.customers.impl.entity.CustomerEntity"}};
        for (String[] e : entities) {
            org.osgi.framework.Bundle bundle = java.util.Arrays.stream(context.getBundles())
                    .filter(b -> b.getSymbolicName().equals(e[0])).findFirst().orElseThrow();
            Class<?> entity = bundle.loadClass(e[1]);
            assertTrue(e[1], java.util.Arrays.stream(entity.getInterfaces())
                    .anyMatch(i -> i.getName().equals("org.apache.openjpa.enhance.PersistenceCapable")));
        }
        // And they work: a write and a read through each persistence unit.
        assertEquals(201, post("/customers", map("code", "ENH-" + RUN, "name", "合肥安科生物试剂商行")).status());
        assertEquals("合肥安科生物试剂商行", get("/customers/ENH-" + RUN).json().path("name").asText());
    }

    @Test
    public void shellListsCustomersProductsAndModulesAndLoadsDemoData() throws Exception {
        String loaded = shell("admin", adminPassword, "titrate:demo-load");
        assertTrue(loaded, loaded.contains("products") && loaded.contains("customers"));
        // Loading twice adds nothing.
        String again = shell("admin", adminPassword, "titrate:demo-load");
        assertTrue(again, again.contains("0 products") && again.contains("0 customers"));
        // The demo orders shipped from the demo stock: caustic soda first from the lot that expires first.
        assertTrue(loaded, loaded.contains("2 warehouses"));
        // …and the first demo customer paid part of its shipped order: the receivable shows it.
        assertTrue(loaded, loaded.contains("2 receipts added"));
        String balance = shell("admin", adminPassword, "titrate:balance C000101");
        assertTrue(balance, balance.contains("4550.00") && balance.contains("SO-"));
        String stock = shell("admin", adminPassword, "titrate:stock NAOH-25");
        assertTrue(stock, stock.contains("ZT20251203") && stock.contains("ZT20260912") && stock.contains("Available 340.000"));
        // …after the purchase received from the producer with its own lot.
        assertTrue(stock, stock.contains("ZT20261115") && loaded.contains("2 suppliers and 2 purchase orders added"));

        String customers = shell("admin", adminPassword, "titrate:customer-list --status ACTIVE --channel WHOLESALE");
        assertTrue(customers, customers.contains("江苏恒瑞精细化工有限公司") && customers.contains("Credit limit"));
        String products = shell("admin", adminPassword, "titrate:product-list -q 1310-73-2");
        assertTrue(products, products.contains("NAOH-25") && products.contains("UN1823") && products.contains("氢氧化钠"));
        String modules = shell("admin", adminPassword, "titrate:module-list");
        assertTrue(modules, modules.contains("customers") && modules.contains("yes"));

        // Demo data are realistic: real CAS numbers, UN numbers and Chinese names over REST too.
        JsonNode h2o2 = get("/products/H2O2-30").json();
        assertEquals("7722-84-1", h2o2.path("casNumber").asText());
        assertEquals("5.1", h2o2.path("hazardClass").asText());
        assertTrue(get("/customers?status=PROSPECT").json().path("total").asInt() >= 2);
    }
}
