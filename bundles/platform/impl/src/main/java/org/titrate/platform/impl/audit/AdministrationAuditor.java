package org.titrate.platform.impl.audit;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.RepositoryEvent;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.SynchronousConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.framework.InvalidSyntaxException;
import org.titrate.platform.impl.security.MaskedConfigListing;

/**
 * Puts module installs and uninstalls (the {@code titrate-*} features) and changes of the {@code org.titrate.*}
 * configurations into the audit. The configuration listener is the synchronous kind, so it runs in the thread of
 * whoever changed the configuration ({@code config:property-set} in a shell session, a REST call) and the audit
 * knows who it was; an edit of the {@code .cfg} file reaches it through Karaf's file watcher, as {@code system}.
 * Values of keys that look secret are never recorded.
 */
@Component(service = {FeaturesListener.class, SynchronousConfigurationListener.class}, immediate = true)
public class AdministrationAuditor implements FeaturesListener, SynchronousConfigurationListener {
    static final String PID_PREFIX = "org.titrate.";
    private static final String MODULE_PREFIX = "titrate-";
    private static final Set<String> BOOKKEEPING = Set.of(Constants.SERVICE_PID, "felix.fileinstall.filename", "service.factoryPid");

    @Reference
    private AuditTrail audit;

    @Reference
    private ConfigurationAdmin configurations;

    /** The last values seen per PID, so a change records what changed rather than everything. */
    private final Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();

    @Activate
    void activate() throws IOException, InvalidSyntaxException {
        Configuration[] all = configurations.listConfigurations(null);
        if (all != null) {
            for (Configuration c : all) {
                if (c.getPid().startsWith(PID_PREFIX)) {
                    seen.put(c.getPid(), values(c.getProperties()));
                }
            }
        }
    }

    /** Who asked for the provisioning under way through the platform's module commands (Karaf provisions in its own thread). */
    private static volatile AuditTrail.Actor provisioner;

    /** Runs {@code work} (a call of Karaf's features service) so that the module events it causes name the current user. */
    public static synchronized void onBehalfOfCurrentUser(Runnable work) {
        provisioner = AuditTrail.currentActor();
        try {
            work.run();
        } finally {
            provisioner = null;
        }
    }

    @Override
    public void featureEvent(FeatureEvent event) {
        String name = event.getFeature().getName();
        if (event.isReplay() || !name.startsWith(MODULE_PREFIX)) {
            return;
        }
        boolean installed = event.getType() == FeatureEvent.EventType.FeatureInstalled;
        AuditTrail.Actor who = provisioner;
        audit.record(who == null ? AuditTrail.currentActor() : who, installed ? "MODULE_INSTALL" : "MODULE_UNINSTALL", name,
                "version " + event.getFeature().getVersion());
    }

    @Override
    public void repositoryEvent(RepositoryEvent event) {
        // Feature repositories come with the distribution; adding one installs nothing.
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        if (pid == null || !pid.startsWith(PID_PREFIX)) {
            return;
        }
        if (event.getType() == ConfigurationEvent.CM_DELETED) {
            seen.remove(pid);
            audit.record("CONFIG_DELETE", pid, "");
            return;
        }
        if (event.getType() != ConfigurationEvent.CM_UPDATED) {
            return;
        }
        Map<String, String> now;
        try {
            Configuration[] found = configurations.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
            now = found == null || found.length == 0 ? Map.of() : values(found[0].getProperties());
        } catch (IOException | InvalidSyntaxException e) {
            audit.record("CONFIG_UPDATE", pid, "(values unreadable: " + e.getMessage() + ")");
            return;
        }
        Map<String, String> before = seen.put(pid, now);
        String changes = changes(before == null ? Map.of() : before, now);
        if (!changes.isEmpty()) {
            audit.record("CONFIG_UPDATE", pid, changes);
        }
    }

    /** {@code key: old -> new} per changed key, secret-looking values masked; empty when nothing changed. */
    static String changes(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        StringBuilder b = new StringBuilder();
        for (String key : keys) {
            String old = before.get(key);
            String now = after.get(key);
            if (Objects.equals(old, now)) {
                continue;
            }
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(key).append(": ").append(shown(key, old)).append(" -> ").append(shown(key, now));
        }
        return b.toString();
    }

    private static String shown(String key, String value) {
        if (value == null) {
            return "(none)";
        }
        return MaskedConfigListing.isSecret(key) ? "********" : value;
    }

    private static Map<String, String> values(Dictionary<String, Object> properties) {
        Map<String, String> values = new TreeMap<>();
        if (properties != null) {
            for (String key : Collections.list(properties.keys())) {
                if (!BOOKKEEPING.contains(key)) {
                    Object v = properties.get(key);
                    values.put(key, v instanceof Object[] array ? java.util.Arrays.toString(array) : String.valueOf(v));
                }
            }
        }
        return values;
    }
}
