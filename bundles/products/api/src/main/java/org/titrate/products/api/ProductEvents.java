package org.titrate.products.api;

/**
 * What products appends to the platform's event log (and so announces on EventAdmin under the same
 * topic), in the change's transaction, keyed by the SKU: {@code CREATE} and {@code UPDATE} (only when a
 * field changed), with whether it is active, the changed fields and the reason.
 */
public final class ProductEvents {
    public static final String CREATED = "org/titrate/products/product/CREATE";
    public static final String UPDATED = "org/titrate/products/product/UPDATE";

    public static final String ACTIVE = "active";
    /** The changed fields, comma-separated. */
    public static final String FIELDS = "fields";
    public static final String REASON = "reason";

    private ProductEvents() {
    }
}
