package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Product categories and products over REST: the contract of docs/api.md, Chinese text, bad input. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProductsIT extends TitrateTestSupport {

    private Map<String, Object> product(String sku, String category) {
        return map("sku", sku, "name", "氢氧化钠 99% 片碱 " + RUN, "categoryCode", category, "unit", "袋",
                "casNumber", "1310-73-2", "unNumber", "un 1823", "hazardClass", "8", "packingGroup", "II",
                "listPrice", 120.5, "lotTracked", true, "shelfLifeDays", 730);
    }

    private String category(String code, String parent) {
        Reply r = post("/product-categories", map("code", code, "name", "碱类 " + RUN, "parentCode", parent));
        assertEquals(r.body(), 201, r.status());
        return code;
    }

    @Test
    public void createsReadsSearchesAndUpdatesProductsWithChineseNames() {
        String root = category("INORG-" + RUN, null);
        String cat = category("ALK-" + RUN, root);
        String sku = "NAOH-" + RUN;

        Reply created = post("/products", product(sku, cat));
        assertEquals(created.body(), 201, created.status());
        assertTrue(created.header("location"), created.header("location").endsWith("/api/v1/products/" + sku));
        JsonNode p = created.json();
        assertEquals("氢氧化钠 99% 片碱 " + RUN, p.path("name").asText());
        assertEquals("UN1823", p.path("unNumber").asText());
        assertEquals("120.50", p.path("listPrice").decimalValue().toPlainString());
        assertEquals("CNY", p.path("currency").asText());
        assertEquals("admin", p.path("createdBy").asText());

        // The code and the opaque id both address the record.
        assertEquals(sku, get("/products/" + sku).json().path("sku").asText());
        assertEquals(sku, get("/products/" + p.path("id").asText()).json().path("sku").asText());

        // q finds Chinese names; filters and paging follow the list convention.
        JsonNode found = get("/products?q=" + encode("片碱 " + RUN)).json();
        assertEquals(1, found.path("total").asInt());
        assertEquals(sku, found.path("items").get(0).path("sku").asText());
        JsonNode byCategory = get("/products?categoryCode=" + cat + "&limit=1&offset=0").json();
        assertEquals(1, byCategory.path("total").asInt());
        assertEquals(1, byCategory.path("limit").asInt());

        Map<String, Object> change = product(sku, cat);
        change.put("name", "氢氧化钠 工业级 " + RUN);
        change.put("listPrice", 118);
        change.put("version", p.path("version").asLong());
        Reply updated = put("/products/" + sku, change);
        assertEquals(updated.body(), 200, updated.status());
        assertEquals("118.00", updated.json().path("listPrice").decimalValue().toPlainString());
        assertEquals(p.path("version").asLong() + 1, updated.json().path("version").asLong());

        // The same stale version again is a conflict, and the record keeps the first change.
        assertProblem(409, put("/products/" + sku, change));
        assertEquals("氢氧化钠 工业级 " + RUN, get("/products/" + sku).json().path("name").asText());

        // Deactivating needs a reason; the history lists the changed fields of every update.
        Map<String, Object> retire = product(sku, cat);
        retire.put("name", "氢氧化钠 工业级 " + RUN);
        retire.put("listPrice", 118);
        retire.put("active", false);
        retire.put("version", updated.json().path("version").asLong());
        assertEquals(List.of("changeReason"), assertProblem(400, put("/products/" + sku, retire)).errorFields());
        retire.put("changeReason", "供应商停产");
        assertEquals(false, put("/products/" + sku, retire).json().path("active").asBoolean());
        JsonNode history = get("/products/" + sku + "/history").json();
        assertEquals(3, history.path("total").asInt());
        assertEquals(List.of("active"), JSON.convertValue(history.path("items").get(0).path("fields"), List.class));
        assertEquals("供应商停产", history.path("items").get(0).path("reason").asText());
        assertEquals(List.of("name", "listPrice"), JSON.convertValue(history.path("items").get(1).path("fields"), List.class));
        assertEquals(0, get("/products?active=true&q=" + sku).json().path("total").asInt());

        JsonNode tree = get("/product-categories/" + cat).json();
        assertEquals(root, tree.path("parentCode").asText());
    }

    @Test
    public void rejectsBadProductsNamingEveryFieldAndStoresNothing() {
        String sku = "BAD-" + RUN;
        Map<String, Object> bad = map("sku", sku, "name", " ", "unit", "袋", "casNumber", "1310-73-3", "unNumber", "12",
                "hazardClass", "11", "listPrice", -1, "shelfLifeDays", 0, "currency", "XYZ");
        Reply r = assertProblem(400, post("/products", bad));
        assertTrue(r.errorFields().containsAll(List.of("name", "casNumber", "unNumber", "hazardClass", "listPrice",
                "shelfLifeDays", "currency")));
        assertProblem(404, get("/products/" + sku));

        // Wrong types, broken JSON, absurd numbers, over-long text, unknown categories.
        assertEquals(List.of("listPrice"), assertProblem(400, post("/products", map("sku", sku, "name", "x", "unit", "kg",
                "listPrice", "abc"))).errorFields());
        assertEquals(List.of("lotTracked"), assertProblem(400, post("/products", map("sku", sku, "name", "x", "unit", "kg",
                "listPrice", 1, "lotTracked", "maybe"))).errorFields());
        assertEquals(List.of("body"), assertProblem(400, post("/products", "{\"sku\": \"" + sku + "\",")).errorFields());
        assertEquals(List.of("listPrice"), assertProblem(400, post("/products", map("sku", sku, "name", "x", "unit", "kg",
                "listPrice", new java.math.BigDecimal("1e400")))).errorFields());
        assertEquals(List.of("listPrice"), assertProblem(400, post("/products", map("sku", sku, "name", "x", "unit", "kg",
                "listPrice", new java.math.BigDecimal("0.001")))).errorFields());
        assertEquals(List.of("name"), assertProblem(400, post("/products", map("sku", sku, "name", "氢".repeat(201), "unit", "kg",
                "listPrice", 1))).errorFields());
        // Characters outside the basic plane take two UTF-16 units: 150 of them do not fit in 200.
        assertEquals(List.of("name"), assertProblem(400, post("/products", map("sku", sku, "name", "\uD840\uDC00".repeat(150),
                "unit", "kg", "listPrice", 1))).errorFields());
        assertEquals(List.of("categoryCode"), assertProblem(400, get("/products?categoryCode=" + encode("no such code!")))
                .errorFields());
        assertEquals(List.of("categoryCode"), assertProblem(400, post("/products", map("sku", sku, "name", "x", "unit", "kg",
                "listPrice", 1, "categoryCode", "NOPE-" + RUN))).errorFields());
        assertEquals(List.of("hazardClass"), assertProblem(400, post("/products", map("sku", sku, "name", "x", "unit", "kg",
                "listPrice", 1, "unNumber", "UN1823"))).errorFields());
        assertEquals(List.of("body"), assertProblem(400, post("/products", "")).errorFields());
        // No body and no Content-Type is read as an empty JSON body: the missing body is named.
        assertEquals(List.of("body"), assertProblem(400, http("POST", "/products", "admin", adminPassword, null, Map.of())).errorFields());
        assertProblem(415, http("POST", "/products", "admin", adminPassword, "sku=x", Map.of("Content-Type", "text/plain")));
        assertProblem(404, get("/products/" + sku));

        // Paging parameters are validated, not silently clamped.
        assertEquals(List.of("limit"), assertProblem(400, get("/products?limit=501")).errorFields());
        assertEquals(List.of("offset"), assertProblem(400, get("/products?offset=-1")).errorFields());
        assertEquals(List.of("active"), assertProblem(400, get("/products?active=perhaps")).errorFields());
    }

    @Test
    public void duplicateSkusAndUnknownIdsAreRefused() {
        String sku = "DUP-" + RUN;
        assertEquals(201, post("/products", map("sku", sku, "name", "乙醇 95%", "unit", "桶", "listPrice", 1150)).status());
        assertProblem(409, post("/products", map("sku", sku, "name", "乙醇 99%", "unit", "桶", "listPrice", 1200)));
        assertEquals("乙醇 95%", get("/products/" + sku).json().path("name").asText());
        assertProblem(404, get("/products/NOPE-" + RUN));
        assertProblem(404, put("/products/NOPE-" + RUN, map("sku", "NOPE-" + RUN, "name", "x", "unit", "kg", "listPrice", 1,
                "version", 1)));
        assertProblem(404, get("/no-such-resource"));
        assertProblem(400, put("/products/" + sku, map("sku", sku, "name", "x", "unit", "kg", "listPrice", 1)));
    }

    @Test
    public void idempotencyKeyReturnsTheFirstResultInsteadOfACopy() {
        String sku = "IDEM-" + RUN;
        Map<String, Object> body = map("sku", sku, "name", "丙酮 99.5%", "unit", "桶", "listPrice", 980);
        Map<String, String> key = Map.of("Idempotency-Key", "key-" + RUN);
        Reply first = http("POST", "/products", "admin", adminPassword, body, key);
        Reply retry = http("POST", "/products", "admin", adminPassword, body, key);
        assertEquals(201, first.status());
        assertEquals(201, retry.status());
        assertEquals(first.json().path("id").asText(), retry.json().path("id").asText());
        assertEquals(first.header("location"), retry.header("location"));
        assertEquals("true", retry.header("idempotent-replayed"));
        assertEquals(1, get("/products?q=" + sku).json().path("total").asInt());

        // The same key for another request is refused rather than replayed.
        Reply other = http("POST", "/products", "admin", adminPassword, map("sku", sku + "X", "name", "x", "unit", "kg",
                "listPrice", 1), key);
        assertProblem(422, other);
        assertProblem(404, get("/products/" + sku + "X"));
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
