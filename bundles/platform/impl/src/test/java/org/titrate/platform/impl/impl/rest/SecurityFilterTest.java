package org.titrate.platform.impl.rest;

import static org.junit.Assert.assertEquals;

import java.util.Set;
import org.junit.Test;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

public class SecurityFilterTest {

    @Allowed(Roles.SALES)
    static class SalesResource {
        public void write() {
        }

        @Allowed(Roles.FINANCE)
        public void pay() {
        }
    }

    static class Unannotated {
        public void any() {
        }
    }

    @Test
    public void adminMayAlwaysAndAnnotationsNameTheOthers() throws Exception {
        assertEquals(Set.of("admin", "sales"), SecurityFilter.allowedRoles(SalesResource.class.getMethod("write"), SalesResource.class, "POST"));
        assertEquals(Set.of("admin", "finance"), SecurityFilter.allowedRoles(SalesResource.class.getMethod("pay"), SalesResource.class, "POST"));
    }

    @Test
    public void withoutAnnotationReadsAreOpenToAllRolesAndWritesToAdmin() throws Exception {
        assertEquals(Roles.ALL, SecurityFilter.allowedRoles(Unannotated.class.getMethod("any"), Unannotated.class, "GET"));
        assertEquals(Set.of("admin"), SecurityFilter.allowedRoles(Unannotated.class.getMethod("any"), Unannotated.class, "DELETE"));
    }
}
