package org.titrate.platform.impl.licensing;

import java.util.OptionalInt;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.licensing.Entitlement;
import org.titrate.platform.api.licensing.Entitlements;

/**
 * Where the platform asks the licence in force: by module name, or by a class of the module (a REST resource, a SOAP
 * implementor), whose module is the bundle it came from, worked out once per class. The licensing module's
 * {@link Entitlements} answers from memory; without it only the free core serves.
 */
@Component(service = ModuleLicences.class)
public class ModuleLicences {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Entitlements entitlements;

    private static final ClassValue<String> MODULES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            Bundle bundle = FrameworkUtil.getBundle(type);
            String module = Entitlements.moduleOf(bundle == null ? null : bundle.getSymbolicName());
            return module == null ? "" : module;
        }
    };

    /** The module a class belongs to; null outside Titrate's bundles. */
    public static String moduleOf(Class<?> type) {
        String module = MODULES.get(type);
        return module.isEmpty() ? null : module;
    }

    public Entitlement of(String module) {
        return Entitlements.standing(entitlements, module);
    }

    /** The standing of the module a class belongs to; classes outside Titrate's modules count as free. */
    public Entitlement of(Class<?> type) {
        String module = moduleOf(type);
        return module == null ? Entitlement.free("") : of(module);
    }

    /**
     * Refuses (403) what the module may not do now: anything when it is not licensed, a change when it is read-only.
     * Returns quietly otherwise.
     */
    public static void check(Entitlement e, boolean change) {
        e.require(change);
    }

    /** Refuses (409) one more user beyond the licence's named users. */
    public void checkUserCount(int existing) {
        Entitlements e = entitlements;
        OptionalInt max = e == null ? OptionalInt.empty() : e.maxUsers();
        if (max.isPresent() && existing >= max.getAsInt()) {
            throw new ConflictException("username", "the licence allows " + max.getAsInt() + " named users and "
                    + existing + " exist; delete a user or install a licence with more users");
        }
    }
}
