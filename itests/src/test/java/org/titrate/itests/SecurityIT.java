package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Login without a well-known password, and the six roles on REST and in the shell. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT extends TitrateTestSupport {

    @Test
    public void adminPasswordIsGeneratedAndKarafsStockUserDoesNotExist() throws Exception {
        Path file = Path.of(System.getProperty("karaf.data"), "initial-admin-password");
        assertTrue(adminPassword.length() >= 16);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertProblem(401, http("GET", "/modules", "karaf", "karaf", null, Map.of()));
        assertProblem(401, http("GET", "/modules", "admin", "admin", null, Map.of()));
        Reply anonymous = assertProblem(401, http("GET", "/customers", null, null, null, Map.of()));
        assertTrue(anonymous.header("www-authenticate").startsWith("Basic"));
        String users = Files.readString(Path.of(System.getProperty("karaf.etc"), "users.properties"));
        assertFalse("passwords are stored hashed", users.contains(adminPassword));
        String stored = users.lines().filter(l -> l.startsWith("admin = {CRYPT}")).findFirst().orElseThrow()
                .replaceAll("^admin = \\{CRYPT\\}([0-9a-f]+)\\{CRYPT\\}.*$", "$1");
        String hash = new String(java.util.HexFormat.of().parseHex(stored), java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue("salted bcrypt, not a plain digest: " + hash, hash.startsWith("$2a$"));
        assertFalse(users.lines().anyMatch(l -> l.startsWith("karaf ")));
    }

    @Test
    public void rolesAreEnforcedOnRest() {
        String viewer = "viewer-" + RUN;
        String viewerPw = createUser(viewer, "viewer");
        String sales = "sales-" + RUN;
        String salesPw = createUser(sales, "sales");
        String buyer = "buyer-" + RUN;
        String buyerPw = createUser(buyer, "purchasing");

        assertEquals(200, http("GET", "/customers", viewer, viewerPw, null, Map.of()).status());
        assertEquals(200, http("GET", "/products", viewer, viewerPw, null, Map.of()).status());
        assertProblem(403, http("POST", "/customers", viewer, viewerPw, map("name", "看客公司"), Map.of()));
        assertProblem(403, http("POST", "/products", sales, salesPw, map("sku", "S-" + RUN, "name", "x", "unit", "kg",
                "listPrice", 1), Map.of()));
        assertProblem(403, http("POST", "/users", sales, salesPw, map("username", "x" + RUN, "password", "12345678",
                "roles", List.of("admin")), Map.of()));
        assertProblem(403, http("GET", "/users", viewer, viewerPw, null, Map.of()));

        Reply byCustomerSales = http("POST", "/customers", sales, salesPw, map("code", "SEC-" + RUN, "name", "上海华谊新材料有限公司"), Map.of());
        assertEquals(byCustomerSales.body(), 201, byCustomerSales.status());
        assertEquals(sales, byCustomerSales.json().path("createdBy").asText());
        assertEquals(201, http("POST", "/products", buyer, buyerPw, map("sku", "SEC-" + RUN, "name", "甲苯", "unit", "桶",
                "listPrice", 1260), Map.of()).status());
        assertProblem(401, http("GET", "/customers", sales, "wrong-password", null, Map.of()));
    }

    @Test
    public void usersAreValidatedAndUnique() {
        String name = "dup-" + RUN;
        createUser(name, "finance", "warehouse");
        assertEquals(List.of("finance", "warehouse"), List.of(get("/users/" + name).json().path("roles").get(0).asText(),
                get("/users/" + name).json().path("roles").get(1).asText()));
        assertProblem(409, post("/users", map("username", name, "password", "long-enough-1", "roles", List.of("viewer"))));
        Reply bad = assertProblem(400, post("/users", map("username", "bad name", "password", "short", "roles", List.of("god"))));
        assertTrue(bad.errorFields().containsAll(List.of("username", "password", "roles[0]")));
    }

    @Test
    public void shellCommandsObeyTheSameRoles() throws Exception {
        String viewer = "shellviewer-" + RUN;
        String viewerPw = createUser(viewer, "viewer");
        String out = shell(viewer, viewerPw, "titrate:module-list");
        assertTrue(out, out.contains("customers") && out.contains("products"));
        // Karaf's command ACL hides what a user may not run: for a viewer demo-load does not exist.
        try {
            shell(viewer, viewerPw, "titrate:demo-load");
            throw new AssertionError("a viewer must not load demo data");
        } catch (Exception expected) {
            assertTrue(expected.toString(), expected.getClass().getSimpleName().equals("CommandNotFoundException")
                    || expected instanceof SecurityException);
        }
        String customers = shell(viewer, viewerPw, "titrate:customer-list -n 1");
        assertTrue(customers, customers.contains("customers"));
    }
}
