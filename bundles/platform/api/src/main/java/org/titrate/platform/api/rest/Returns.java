package org.titrate.platform.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource method that answers a {@code javax.ws.rs.core.Response} sends as JSON, for the OpenAPI document (which
 * otherwise knows only "OK"), and what its answer means ({@code description}). The method's {@code @Produces} types other
 * than JSON are listed as files.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Returns {
    Class<?> value();

    String description() default "";
}
