package org.titrate.platform.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may do what, declared once per operation: the roles (besides {@code admin}, who always may) that may
 * <ul>
 * <li>call a REST resource method (or every method of the class it annotates); without it, reads (GET) are
 * open to every Titrate role and writes are for {@code admin} only;</li>
 * <li>call a SOAP operation, on the method of the {@code @WebService} implementation (or its class) given to
 * {@link org.titrate.platform.api.soap.SoapEndpoints}; without it, the operation is for {@code admin} only;</li>
 * <li>run a shell command, on its {@code Action} class: the platform writes Karaf's command ACL of the
 * {@code titrate} scope from these, for every module as it comes and goes; without it, the command is for
 * {@code admin} only.</li>
 * </ul>
 * Role names must be constants ({@link Roles}), so an annotation cannot name a role that does not exist.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allowed {
    String[] value();
}
