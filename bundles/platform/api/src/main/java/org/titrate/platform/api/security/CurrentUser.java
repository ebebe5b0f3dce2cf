package org.titrate.platform.api.security;

import java.security.AccessController;
import java.security.Principal;
import javax.security.auth.Subject;

/**
 * Who is acting, for the audit trail. REST and SOAP requests bind the authenticated user to the
 * request thread; shell commands run inside the session's JAAS subject.
 */
public final class CurrentUser {
    private static final ThreadLocal<String> BOUND = new ThreadLocal<>();
    private static final String USER_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.UserPrincipal";

    private CurrentUser() {
    }

    public static void bind(String username) {
        BOUND.set(username);
    }

    public static void unbind() {
        BOUND.remove();
    }

    @SuppressWarnings("removal") // Karaf's shell still propagates the session subject through the access-control context.
    public static String name() {
        String bound = BOUND.get();
        if (bound != null) {
            return bound;
        }
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal p : subject.getPrincipals()) {
                if (p.getClass().getName().equals(USER_PRINCIPAL)) {
                    return p.getName();
                }
            }
        }
        return "system";
    }
}
