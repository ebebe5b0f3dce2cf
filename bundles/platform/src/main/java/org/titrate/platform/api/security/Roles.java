package org.titrate.platform.api.security;

import java.util.Set;

/** The business roles of Titrate, as JAAS role principals in Karaf's {@code karaf} realm. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String SALES = "sales";
    public static final String WAREHOUSE = "warehouse";
    public static final String PURCHASING = "purchasing";
    public static final String FINANCE = "finance";
    public static final String VIEWER = "viewer";

    public static final Set<String> ALL = Set.of(ADMIN, SALES, WAREHOUSE, PURCHASING, FINANCE, VIEWER);

    /** Every role but admin (who may always): the readers of master data. */
    public static String[] readers() {
        return new String[] {SALES, WAREHOUSE, PURCHASING, FINANCE, VIEWER};
    }

    private Roles() {
    }
}
