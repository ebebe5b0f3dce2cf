package org.titrate.platform.api.security;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The business roles of Titrate, as JAAS role principals in Karaf's {@code karaf} realm. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String SALES = "sales";
    public static final String WAREHOUSE = "warehouse";
    public static final String PURCHASING = "purchasing";
    public static final String FINANCE = "finance";
    public static final String VIEWER = "viewer";
    /**
     * Not a business role: it lets a user open the SSH shell, where the command ACLs then grant what
     * the user's business roles allow. Business users work over REST, SOAP and the browser; an admin
     * grants this on purpose, e.g. to a supervisor who approves returns from a terminal.
     */
    public static final String OPERATOR = "operator";

    /** The business roles: every one of them may read master data and documents over REST and SOAP. */
    public static final Set<String> ALL = Set.of(ADMIN, SALES, WAREHOUSE, PURCHASING, FINANCE, VIEWER);
    /** What an administrator may give a user: the business roles and shell access. */
    public static final Set<String> ASSIGNABLE = Stream.concat(ALL.stream(), Stream.of(OPERATOR)).collect(Collectors.toUnmodifiableSet());

    private Roles() {
    }
}
