package org.titrate.platform.impl.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.Map;
import org.junit.Test;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

public class PermissionsTest {

    @Allowed({Roles.SALES, Roles.VIEWER})
    public static class Service {
        public String read(String code) {
            return code;
        }

        @Allowed(Roles.FINANCE)
        public void write(String code) {
        }

        public static void helper() {
        }
    }

    public static class Undeclared {
        public void write() {
        }
    }

    @Allowed(Roles.SALES)
    static class ApproveCommand {
    }

    static class ForgottenCommand {
    }

    @Test
    public void soapOperationsTakeTheMethodsDeclarationElseTheClasssAndAdminAlwaysMay() {
        assertEquals(Map.of("read", "admin sales viewer", "write", "admin finance"), Permissions.soapOperations(Service.class));
    }

    @Test
    public void anOperationNobodyDeclaredIsLeftToTheAdmin() {
        assertEquals(Map.of(), Permissions.soapOperations(Undeclared.class));
    }

    @Test
    public void shellCommandsGetAnAclLineOnlyWhenTheyDeclareOne() {
        assertEquals("admin, sales", Permissions.aclRoles(ApproveCommand.class));
        assertNull(Permissions.aclRoles(ForgottenCommand.class));
    }
}
