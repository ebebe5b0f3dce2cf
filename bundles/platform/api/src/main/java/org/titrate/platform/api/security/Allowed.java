package org.titrate.platform.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Roles that may call a REST resource method (or every method of a class). {@code admin} may
 * always. Without the annotation, reads (GET) are open to every Titrate role and writes to
 * {@code admin} only.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allowed {
    String[] value();
}
