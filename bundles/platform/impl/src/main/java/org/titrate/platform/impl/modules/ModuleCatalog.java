package org.titrate.platform.impl.modules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.licensing.Access;
import org.titrate.platform.api.licensing.Entitlement;
import org.titrate.platform.impl.audit.AdministrationAuditor;
import org.titrate.platform.impl.licensing.ModuleLicences;

/**
 * The Titrate modules known to the container: every {@code titrate-*} feature of the installed
 * feature repositories, with what each needs and what needs it (the features' dependencies on each other).
 * Whether each is licensed, until when and what an administrator should know comes from the licence in force
 * ({@link ModuleLicences}).
 */
@Component(service = ModuleCatalog.class)
public class ModuleCatalog {
    static final String PREFIX = "titrate-";
    /** Database drivers ({@code titrate-db-postgresql}) are infrastructure, not licensed modules. */
    static final String DRIVER_PREFIX = "titrate-db-";
    /** The platform is the suite itself: never installed or uninstalled as a module. */
    static final String PLATFORM = "platform";

    @Reference
    private FeaturesService features;

    @Reference
    private ModuleLicences licences;

    /**
     * One module as {@code /modules} and {@code titrate:module-list} show it: {@code needs} are the modules it depends
     * on directly, {@code neededBy} the modules that depend on it directly. {@code licensed}: the licence in force
     * grants it (or it is free); {@code active}: installed and licensed, so it serves; {@code access}: FULL, READ_ONLY
     * (licence ended, grace over) or NONE; {@code licensedUntil}: its last licensed day (null: free or not licensed);
     * {@code warning}: what an administrator should know about its licence.
     */
    public record Module(String name, boolean installed, boolean licensed, String version, String description, List<String> needs,
            List<String> neededBy, boolean active, Access access, LocalDate licensedUntil, String warning) {
    }

    public List<Module> modules() {
        Map<String, Feature> byName = moduleFeatures();
        Map<String, TreeSet<String>> needs = new LinkedHashMap<>();
        Map<String, TreeSet<String>> neededBy = new LinkedHashMap<>();
        byName.keySet().forEach(n -> {
            needs.put(n, new TreeSet<>());
            neededBy.put(n, new TreeSet<>());
        });
        byName.forEach((name, f) -> {
            for (Dependency d : f.getDependencies()) {
                String other = moduleName(d.getName());
                if (other != null && byName.containsKey(other) && !other.equals(name)) {
                    needs.get(name).add(other);
                    neededBy.get(other).add(name);
                }
            }
        });
        List<Module> result = new ArrayList<>();
        byName.forEach((name, f) -> {
            Entitlement e = licences.of(name);
            boolean installed = installed(f);
            result.add(new Module(name, installed, e.access().reads(), f.getVersion(), f.getDescription(),
                    List.copyOf(needs.get(name)), List.copyOf(neededBy.get(name)), installed && e.access().reads(), e.access(),
                    e.licensedUntil(), e.warning()));
        });
        result.sort(Comparator.comparing(Module::name));
        return result;
    }

    /** A module by the name an administrator types ({@code finance} or {@code titrate-finance}, any case); 404 naming the known ones. */
    public Module module(String typed) {
        String name = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith(PREFIX)) {
            name = name.substring(PREFIX.length());
        }
        for (Module m : modules()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new ValidationException("name", "no module '" + typed + "'; the modules are "
                + String.join(", ", modules().stream().map(Module::name).toList()));
    }

    /**
     * Uninstalls a module. Refused (409) when it is not installed, when it is the platform, or while an installed module
     * needs it, directly or through others: Karaf would otherwise keep it installed for them and report nothing.
     */
    public Module uninstall(String typed) {
        Module m = module(typed);
        if (PLATFORM.equals(m.name())) {
            throw new ConflictException("name", "the platform is the suite itself and cannot be uninstalled");
        }
        if (!m.installed()) {
            throw new ConflictException("name", "module " + m.name() + " is not installed");
        }
        List<String> users = installedDependents(m.name());
        if (!users.isEmpty()) {
            throw new ConflictException("name", "module " + m.name() + " is needed by " + String.join(", ", users)
                    + "; uninstall " + (users.size() == 1 ? "it" : "them") + " first");
        }
        provision(() -> features.uninstallFeature(PREFIX + m.name(), m.version(), EnumSet.noneOf(FeaturesService.Option.class)));
        Module after = module(m.name());
        if (after.installed()) {
            throw new ConflictException("name", "module " + m.name() + " is still installed: another installed feature requires "
                    + PREFIX + m.name());
        }
        return after;
    }

    /** Installs a module and what it needs; 409 when it is installed already. */
    public Module install(String typed) {
        Module m = module(typed);
        if (m.installed()) {
            throw new ConflictException("name", "module " + m.name() + " is installed already");
        }
        provision(() -> features.installFeature(PREFIX + m.name(), m.version(), EnumSet.noneOf(FeaturesService.Option.class)));
        return module(m.name());
    }

    /** Installed modules that need {@code name}, directly or through other modules. */
    List<String> installedDependents(String name) {
        Map<String, Module> all = new LinkedHashMap<>();
        modules().forEach(m -> all.put(m.name(), m));
        TreeSet<String> found = new TreeSet<>();
        List<String> todo = new ArrayList<>(all.get(name).neededBy());
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            Module m = all.get(next);
            if (m != null && found.add(next)) {
                todo.addAll(m.neededBy());
            }
        }
        found.removeIf(n -> !all.get(n).installed());
        return List.copyOf(found);
    }

    private interface Provisioning {
        void run() throws Exception;
    }

    /** Karaf provisions in a thread of its own; the audit learns who asked from here. */
    private static void provision(Provisioning work) {
        AdministrationAuditor.onBehalfOfCurrentUser(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Karaf could not provision: " + e.getMessage(), e);
            }
        });
    }

    private Map<String, Feature> moduleFeatures() {
        try {
            Map<String, Feature> byName = new LinkedHashMap<>();
            for (Feature f : features.listFeatures()) {
                String name = moduleName(f.getName());
                if (name != null) {
                    // two versions are known while a module delivered as a KAR is being upgraded: the installed one counts
                    byName.merge(name, f, (a, b) -> installed(a) != installed(b) ? (installed(a) ? a : b)
                            : compareVersions(a, b) >= 0 ? a : b);
                }
            }
            return byName;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the feature repositories", e);
        }
    }

    private boolean installed(Feature f) {
        return features.isInstalled(f);
    }

    private static int compareVersions(Feature a, Feature b) {
        return org.osgi.framework.Version.parseVersion(a.getVersion().replace("-SNAPSHOT", ".SNAPSHOT"))
                .compareTo(org.osgi.framework.Version.parseVersion(b.getVersion().replace("-SNAPSHOT", ".SNAPSHOT")));
    }

    /** The module a feature is ({@code titrate-finance}: {@code finance}), or null for other features and database drivers. */
    static String moduleName(String feature) {
        return feature.startsWith(PREFIX) && !feature.startsWith(DRIVER_PREFIX) ? feature.substring(PREFIX.length()) : null;
    }
}
