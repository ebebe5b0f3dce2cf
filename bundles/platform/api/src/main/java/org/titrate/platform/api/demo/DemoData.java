package org.titrate.platform.api.demo;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's contribution to {@code titrate:demo-load}. Loaders run in ascending {@link #order()}
 * and must be idempotent: records that already exist are left as they are.
 */
@ConsumerType
public interface DemoData {

    /** The module name, e.g. {@code products}. */
    String module();

    /** Master data first (products 10, customers 20), documents later. */
    int order();

    /** Loads the data; returns a one-line summary such as "12 products, 4 categories". */
    String load();
}
