package org.titrate.platform.impl.security;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.karaf.shell.api.action.Command;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Karaf's command ACL of the {@code titrate} scope (PID {@code org.apache.karaf.command.acl.titrate})
 * from the {@code @Allowed} of the titrate commands of every bundle that is starting or running, so a module
 * installed later brings its lines and one uninstalled takes them away. A command that declares nothing gets
 * no line, and Karaf's compulsory roles ({@code karaf.secured.command.compulsory.roles = admin}) make it an
 * admin's: forgetting the declaration closes a command, it never opens one.
 */
@Component(immediate = true)
public class ShellCommandAcl {
    public static final String PID = "org.apache.karaf.command.acl.titrate";
    static final String SCOPE = "titrate";
    private static final String COMMANDS_HEADER = "Karaf-Commands";
    private static final Logger LOG = LoggerFactory.getLogger(ShellCommandAcl.class);

    @Reference
    private ConfigurationAdmin configAdmin;

    /** The ACL lines of each tracked bundle, by bundle id. */
    private final Map<Long, Map<String, String>> lines = new ConcurrentHashMap<>();
    private BundleTracker<Long> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = trackCommandBundles(context, bundle -> {
            lines.put(bundle.getBundleId(), commandLines(bundle));
            write();
        }, id -> {
            lines.remove(id);
            write();
        });
        tracker.open();
        write();
    }

    @Deactivate
    void deactivate() {
        // The ACL stays as it is: without the platform no titrate command runs anyway.
        tracker.close();
    }

    /**
     * Follows the bundles that bring shell commands (a {@code Karaf-Commands} header) while they are starting or active:
     * {@code added} when one arrives, {@code removed} with its id when it stops. Not opened yet.
     */
    public static BundleTracker<Long> trackCommandBundles(BundleContext context, java.util.function.Consumer<Bundle> added,
            java.util.function.LongConsumer removed) {
        return new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public Long addingBundle(Bundle bundle, BundleEvent event) {
                if (bundle.getHeaders("").get(COMMANDS_HEADER) == null) {
                    return null;
                }
                added.accept(bundle);
                return bundle.getBundleId();
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Long id) {
                // STARTING to ACTIVE: the same classes
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Long id) {
                removed.accept(id);
            }
        });
    }

    /** The titrate commands of a bundle with their ACL roles; commands that declare nothing are left out. */
    static Map<String, String> commandLines(Bundle bundle) {
        Map<String, String> found = new TreeMap<>();
        commands(bundle).forEach((name, type) -> {
            String roles = Permissions.aclRoles(type);
            if (roles != null) {
                found.put(name, roles);
            }
        });
        return found;
    }

    /**
     * The class names of each wiring's titrate commands, by command name, found once: the ACL, the fallback for absent
     * modules and the Chinese help all ask, and finding them loads every class of the bundle. A wiring's classes never
     * change (an updated bundle gets a new wiring). Names, not classes, are kept, so that nothing here holds a wiring
     * that is gone.
     */
    private static final Map<BundleWiring, Map<String, String>> SCANNED = Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The action classes of a bundle's commands of the titrate scope, by command name. */
    public static Map<String, Class<?>> commands(Bundle bundle) {
        Map<String, Class<?>> found = new TreeMap<>();
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return found;
        }
        SCANNED.computeIfAbsent(wiring, w -> scan(bundle, w)).forEach((command, type) -> {
            try {
                found.put(command, bundle.loadClass(type));
            } catch (ClassNotFoundException | LinkageError e) {
                // the bundle is going away
            }
        });
        return found;
    }

    private static Map<String, String> scan(Bundle bundle, BundleWiring wiring) {
        Map<String, String> found = new TreeMap<>();
        for (String resource : wiring.listResources("/", "*.class", BundleWiring.LISTRESOURCES_RECURSE | BundleWiring.LISTRESOURCES_LOCAL)) {
            String name = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
            if (name.contains("$")) {
                continue;
            }
            Class<?> type;
            try {
                type = bundle.loadClass(name);
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // a class needing an optional import is no command of ours
            }
            Command command = type.getAnnotation(Command.class);
            if (command != null && SCOPE.equals(command.scope())) {
                found.put(command.name(), name);
            }
        }
        return Collections.unmodifiableMap(found);
    }

    /** Stores the ACL when it differs from the stored one; Karaf's shell applies it at once. */
    private synchronized void write() {
        Map<String, String> acl = new TreeMap<>();
        lines.values().forEach(acl::putAll);
        try {
            Configuration config = configAdmin.getConfiguration(PID, "?");
            if (acl.equals(stored(config.getProperties()))) {
                return;
            }
            Dictionary<String, Object> props = new Hashtable<>(acl);
            config.update(props);
            LOG.debug("Command ACL of scope {}: {}", SCOPE, acl);
        } catch (IOException | IllegalStateException e) {
            LOG.warn("Could not store the command ACL {}: {}", PID, e.toString());
        }
    }

    private static Map<String, String> stored(Dictionary<String, Object> props) {
        if (props == null) {
            return Collections.emptyMap();
        }
        Map<String, String> acl = new TreeMap<>();
        for (Enumeration<String> keys = props.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!key.startsWith("service.") && !key.startsWith("felix.")) {
                acl.put(key, String.valueOf(props.get(key)));
            }
        }
        return acl;
    }
}
