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

    /**
     * A second persistence unit joining another module's transaction broke the pooled XA connections under load
     * (docs/persistence.md). Every component that implements an SPI called inside the caller's transaction
     * ({@code @InCallersTransaction}) must reach the database through JDBC only: walk its references, and those of the
     * components of its own bundle it references, and fail on any entity manager, template or factory. The walk is
     * shown to find one where there is one (inventory's return checks read by JPA, after the sales transaction).
     */
    @Test
    public void noModuleJoinsASecondPersistenceUnitToAnotherModulesTransaction() throws Exception {
        org.osgi.framework.BundleContext context = org.osgi.framework.FrameworkUtil.getBundle(getClass()).getBundleContext();
        org.osgi.framework.ServiceReference<org.osgi.service.component.runtime.ServiceComponentRuntime> ref =
                context.getServiceReference(org.osgi.service.component.runtime.ServiceComponentRuntime.class);
        org.osgi.service.component.runtime.ServiceComponentRuntime scr = context.getService(ref);
        try {
            java.util.List<org.osgi.service.component.runtime.dto.ComponentDescriptionDTO> titrate = scr.getComponentDescriptionDTOs().stream()
                    .filter(d -> d.bundle.symbolicName.startsWith("org.titrate.")).toList();
            java.util.List<String> checked = new java.util.ArrayList<>();
            java.util.List<String> violations = new java.util.ArrayList<>();
            for (org.osgi.service.component.runtime.dto.ComponentDescriptionDTO d : titrate) {
                org.osgi.framework.Bundle bundle = context.getBundle(d.bundle.id);
                for (String service : d.serviceInterfaces) {
                    if (inCallersTransaction(bundle.loadClass(service))) {
                        checked.add(d.name + " (" + service + ")");
                        String path = persistenceUnitReached(d, titrate, new java.util.HashSet<>());
                        if (path != null) {
                            violations.add(d.name + " implements " + service + " but reaches " + path);
                        }
                    }
                }
            }
            assertTrue("no violations: " + violations, violations.isEmpty());
            // Stock and finance bookings of sales and purchase postings, the lot-tracking guard, the warehouse check.
            for (String name : new String[] {"org.titrate.inventory.impl.SalesStockPosting", "org.titrate.inventory.impl.PurchaseStockPosting",
                    "org.titrate.finance.impl.SalesFinancePosting", "org.titrate.finance.impl.PurchaseFinancePosting",
                    "org.titrate.inventory.impl.LotTrackingGuard", "org.titrate.inventory.impl.InventoryWarehouseCheck"}) {
                assertTrue(name + " among " + checked, checked.stream().anyMatch(c -> c.startsWith(name + " ")));
            }
            org.osgi.service.component.runtime.dto.ComponentDescriptionDTO returnChecks = titrate.stream()
                    .filter(d -> d.name.equals("org.titrate.inventory.impl.InventoryReturnChecks")).findFirst().orElseThrow();
            String found = persistenceUnitReached(returnChecks, titrate, new java.util.HashSet<>());
            assertTrue(String.valueOf(found), found != null && found.endsWith("org.apache.aries.jpa.template.JpaTemplate"));
        } finally {
            context.ungetService(ref);
        }
    }

    private static final java.util.Set<String> PERSISTENCE_UNIT = java.util.Set.of("org.apache.aries.jpa.template.JpaTemplate",
            "javax.persistence.EntityManager", "javax.persistence.EntityManagerFactory", "org.apache.aries.jpa.supplier.EmSupplier");

    private static boolean inCallersTransaction(Class<?> type) {
        return java.util.Arrays.stream(type.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals("org.titrate.platform.api.db.InCallersTransaction"));
    }

    /** The first reference path from the component to a persistence unit, through components of its own bundle; null if none. */
    private static String persistenceUnitReached(org.osgi.service.component.runtime.dto.ComponentDescriptionDTO d,
            java.util.List<org.osgi.service.component.runtime.dto.ComponentDescriptionDTO> all, java.util.Set<String> visited) {
        if (!visited.add(d.name)) {
            return null;
        }
        for (org.osgi.service.component.runtime.dto.ReferenceDTO r : d.references) {
            if (PERSISTENCE_UNIT.contains(r.interfaceName)) {
                return d.name + "." + r.name + " " + r.interfaceName;
            }
            for (org.osgi.service.component.runtime.dto.ComponentDescriptionDTO provider : all) {
                if (provider.bundle.id == d.bundle.id && java.util.Arrays.asList(provider.serviceInterfaces).contains(r.interfaceName)) {
                    String path = persistenceUnitReached(provider, all, visited);
                    if (path != null) {
                        return d.name + "." + r.name + " -> " + path;
                    }
                }
            }
        }
        return null;
    }
}
