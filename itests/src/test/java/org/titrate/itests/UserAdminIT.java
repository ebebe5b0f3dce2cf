package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.Source;
import javax.xml.ws.Dispatch;
import javax.xml.ws.WebServiceException;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Administering users from the shell ({@code titrate:user-*}) and over REST ({@code PUT}/{@code DELETE /users/{name}}):
 * role names checked, a disabled user shut out of REST, SOAP and the shell's login, the last admin kept.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UserAdminIT extends TitrateTestSupport {
    private static final String CUSTOMERS = "urn:titrate:customers";
    private static final Pattern PASSWORD = Pattern.compile("\\(shown once\\): (\\S+)");

    private static String password(String shellOutput) {
        Matcher m = PASSWORD.matcher(shellOutput);
        assertTrue(shellOutput, m.find());
        return m.group(1);
    }

    private String shellFailure(String command) {
        try {
            String out = shell("admin", adminPassword, command);
            throw new AssertionError(command + " succeeded: " + out);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            StringBuilder messages = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append(" / ");
            }
            return messages.toString();
        }
    }

    private static boolean canLogIn(String user, String password) {
        try {
            subjectOf(user, password);
            return true;
        } catch (Exception refused) {
            return false;
        }
    }

    private static boolean soapAnswers(String user, String password) throws Exception {
        Dispatch<Source> client = soapClient("CustomerService", CUSTOMERS, user, password);
        try {
            soapCall(client, "<c:findCustomers xmlns:c='" + CUSTOMERS + "'/>");
            return true;
        } catch (WebServiceException refused) {
            return false;
        }
    }

    @Test
    public void theShellAddsChangesDisablesAndDeletesUsers() throws Exception {
        String name = "shelluser-" + RUN;
        String pw = password(shell("admin", adminPassword, "titrate:user-add " + name + " sales viewer"));
        assertEquals(200, http("GET", "/customers?limit=1", name, pw, null, Map.of()).status());
        assertTrue(shell("admin", adminPassword, "titrate:user-list").lines().anyMatch(l -> l.contains(name) && l.contains("sales, viewer")));

        assertTrue(shellFailure("titrate:user-roles " + name + " finance god").contains("roles[1]"));
        assertTrue(shellFailure("titrate:user-add bad-" + RUN + " operator").contains("roles"));
        shell("admin", adminPassword, "titrate:user-roles " + name + " finance");
        assertEquals("[\"finance\"]", get("/users/" + name).json().path("roles").toString());

        shell("admin", adminPassword, "titrate:user-disable " + name);
        assertProblem(401, http("GET", "/customers?limit=1", name, pw, null, Map.of()));
        assertFalse("a disabled user gets no shell (SSH) login", canLogIn(name, pw));
        assertFalse("a disabled user gets no SOAP answer", soapAnswers(name, pw));
        assertTrue(shell("admin", adminPassword, "titrate:user-list").lines().anyMatch(l -> l.contains(name) && l.contains("disabled")));
        assertFalse(get("/users/" + name).json().path("active").asBoolean());

        shell("admin", adminPassword, "titrate:user-disable --enable " + name);
        assertEquals(200, http("GET", "/customers?limit=1", name, pw, null, Map.of()).status());
        assertTrue(canLogIn(name, pw) && soapAnswers(name, pw));

        String newPw = password(shell("admin", adminPassword, "titrate:user-passwd " + name));
        assertProblem(401, http("GET", "/customers?limit=1", name, pw, null, Map.of()));
        assertEquals(200, http("GET", "/customers?limit=1", name, newPw, null, Map.of()).status());

        shell("admin", adminPassword, "titrate:user-delete " + name);
        assertProblem(404, get("/users/" + name));
        assertProblem(401, http("GET", "/customers?limit=1", name, newPw, null, Map.of()));
        assertTrue(shellFailure("titrate:user-delete " + name).contains("does not exist"));
    }

    @Test
    public void restChangesRolesAndActiveAndDeletes() throws Exception {
        String name = "restuser-" + RUN;
        String pw = createUser(name, "warehouse");
        Reply changed = put("/users/" + name, map("roles", List.of("purchasing", "viewer")));
        assertEquals(changed.body(), 200, changed.status());
        assertEquals("[\"purchasing\",\"viewer\"]", changed.json().path("roles").toString());
        assertTrue(changed.json().path("active").asBoolean());

        assertEquals(List.of("roles[0]"), assertProblem(400, put("/users/" + name, map("roles", List.of("superuser")))).errorFields());
        assertEquals(List.of("roles"), assertProblem(400, put("/users/" + name, map())).errorFields());
        assertProblem(404, put("/users/nobody-" + RUN, map("active", false)));

        Reply disabled = put("/users/" + name, map("active", false));
        assertEquals(disabled.body(), 200, disabled.status());
        assertFalse(disabled.json().path("active").asBoolean());
        assertEquals("roles stay while disabled", "[\"purchasing\",\"viewer\"]", disabled.json().path("roles").toString());
        assertProblem(401, http("GET", "/modules", name, pw, null, Map.of()));
        assertFalse(soapAnswers(name, pw));
        assertEquals(200, put("/users/" + name, map("active", true)).status());
        assertEquals(200, http("GET", "/modules", name, pw, null, Map.of()).status());

        // others may not administer users
        assertProblem(403, http("DELETE", "/users/" + name, name, pw, null, Map.of()));
        assertEquals(204, http("DELETE", "/users/" + name, "admin", adminPassword, null, Map.of()).status());
        assertProblem(401, http("GET", "/modules", name, pw, null, Map.of()));
        assertProblem(404, http("DELETE", "/users/" + name, "admin", adminPassword, null, Map.of()));
    }

    @Test
    public void theLastActiveAdminStaysAndNobodyRemovesThemselves() throws Exception {
        assertEquals(List.of("active"), assertProblem(409, put("/users/admin", map("active", false))).errorFields());
        assertEquals(List.of("roles"), assertProblem(409, put("/users/admin", map("roles", List.of("viewer")))).errorFields());
        assertProblem(409, http("DELETE", "/users/admin", "admin", adminPassword, null, Map.of()));
        assertEquals("the admin still works", 200, get("/modules").status());
        String deputy = "deputy-" + RUN;
        String deputyPw = createUser(deputy, "admin");
        // with a second admin the first could go, but never by their own hand
        assertProblem(409, http("DELETE", "/users/" + deputy, deputy, deputyPw, null, Map.of()));
        assertEquals(204, http("DELETE", "/users/" + deputy, "admin", adminPassword, null, Map.of()).status());
        try {
            shell("admin", adminPassword, "titrate:user-disable admin");
            fail("the last admin was disabled from the shell");
        } catch (Exception expected) {
            assertEquals(200, get("/modules").status());
        }
    }
}
