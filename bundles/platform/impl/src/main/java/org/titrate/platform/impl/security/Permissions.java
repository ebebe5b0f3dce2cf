package org.titrate.platform.impl.security;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

/**
 * Reads {@link Allowed}, the one declaration of who may do what, for the channels that need it written
 * in their own terms: CXF's map of SOAP operations to roles and Karaf's command ACL. A missing
 * declaration is never an opening: such an operation or command is for {@code admin} only.
 */
public final class Permissions {

    private Permissions() {
    }

    /** The roles a method's (or else its class's) declaration allows, admin first; null when neither declares any. */
    public static Set<String> declared(Method method, Class<?> type) {
        Allowed allowed = method == null ? null : method.getAnnotation(Allowed.class);
        if (allowed == null && type != null) {
            allowed = type.getAnnotation(Allowed.class);
        }
        if (allowed == null) {
            return null;
        }
        Set<String> roles = new LinkedHashSet<>();
        roles.add(Roles.ADMIN);
        roles.addAll(Arrays.asList(allowed.value()));
        return roles;
    }

    /**
     * The operations of a SOAP implementation (its public methods; CXF names an operation by its Java method)
     * to the roles, separated by blanks as CXF's authorising interceptor reads them. Operations left out
     * fall to the interceptor's global roles, {@code admin}.
     */
    public static Map<String, String> soapOperations(Class<?> implementation) {
        Map<String, String> roles = new TreeMap<>();
        for (Method m : implementation.getMethods()) {
            if (m.getDeclaringClass() == Object.class || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Set<String> allowed = declared(m, implementation);
            if (allowed != null) {
                roles.put(m.getName(), String.join(" ", allowed));
            }
        }
        return roles;
    }

    /**
     * One line of Karaf's command ACL ({@code name = role, role}) for a shell command class, or null when
     * the class declares nothing: Karaf then applies its compulsory roles, {@code admin}.
     */
    public static String aclRoles(Class<?> action) {
        Set<String> allowed = declared(null, action);
        return allowed == null ? null : String.join(", ", allowed);
    }
}
