package org.titrate.platform.api.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marker for JAX-RS root resources. A module registers its resources as OSGi services of this
 * type; the platform publishes all of them as one application under {@code /api/v1}, so that
 * error mapping, security and the OpenAPI document are shared, and resources leave with their
 * bundle when a module is uninstalled.
 */
@ConsumerType
public interface RestResource {
}
