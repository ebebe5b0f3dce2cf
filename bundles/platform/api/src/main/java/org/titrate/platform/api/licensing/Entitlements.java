package org.titrate.platform.api.licensing;

import java.util.OptionalInt;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The licence in force, as the platform and the modules ask it on every request and posting: answers come from memory
 * (a snapshot made when a licence is installed and once a minute), never from a file or the database. Registered by
 * the licensing module; while none is registered only the free core serves ({@link #standing}).
 */
@ProviderType
public interface Entitlements {
    /** Modules that never need a licence: the platform, its master data, the licensing module itself and the browser application. */
    Set<String> FREE = Set.of("platform", "customers", "products", "licensing", "web");

    /** The module's standing now. */
    Entitlement entitlement(String module);

    /** How many named users the licence allows; empty for no limit. */
    OptionalInt maxUsers();

    /** Calls {@code listener} after every change of the licence in force (or of a module's standing); close to stop. */
    AutoCloseable onChange(Runnable listener);

    /** A module's standing with whatever is registered: the free core always serves, other modules need the service. */
    static Entitlement standing(Entitlements entitlements, String module) {
        if (FREE.contains(module)) {
            return Entitlement.free(module);
        }
        if (entitlements == null) {
            return new Entitlement(module, Access.NONE, null, "the licensing module is not running");
        }
        return entitlements.entitlement(module);
    }

    /**
     * For a module's shell commands, which Karaf runs outside the platform's REST and SOAP dispatch: refuses (403, "module …
     * not licensed") unless the module may serve now, and a change unless it may change.
     */
    static void require(Entitlements entitlements, String module, boolean change) {
        standing(entitlements, module).require(change);
    }

    /**
     * The module a class belongs to, from its bundle's symbolic name ({@code org.titrate.titrate-finance-impl} is
     * {@code finance}); null for a class outside Titrate's bundles.
     */
    static String moduleOf(String bundleSymbolicName) {
        String prefix = "org.titrate.titrate-";
        if (bundleSymbolicName == null || !bundleSymbolicName.startsWith(prefix)) {
            return null;
        }
        String name = bundleSymbolicName.substring(prefix.length());
        for (String suffix : new String[] {"-impl", "-api"}) {
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
