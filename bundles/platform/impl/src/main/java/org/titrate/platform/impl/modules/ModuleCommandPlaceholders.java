package org.titrate.platform.impl.modules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Parser;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.impl.security.ShellCommandAcl;

/**
 * A {@code titrate:} command of a module that is not installed answers "module finance is not installed" (exit 1)
 * instead of Karaf's "Command not found". The platform learns each module's commands while the module runs (from its
 * bundles' {@code Karaf-Commands}), keeps them in {@code data/titrate/module-commands.properties} across restarts, and
 * registers a placeholder for each command whose module's bundles are gone; the placeholder is withdrawn as soon as a
 * bundle of the module brings the real command again.
 */
@Component(immediate = true)
public class ModuleCommandPlaceholders {
    static final String SCOPE = "titrate";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleCommandPlaceholders.class);

    @Reference
    private SessionFactory sessions;

    @Reference
    private FeaturesService features;

    /** Known commands by module, as remembered. */
    private final Map<String, Set<String>> known = new TreeMap<>();
    /** Commands brought by running bundles, by bundle id. */
    private final Map<Long, Set<String>> running = new ConcurrentHashMap<>();
    /** Placeholders registered now, by command name. */
    private final Map<String, Placeholder> placeholders = new TreeMap<>();
    private BundleTracker<Long> tracker;
    private Path store;

    @Activate
    void activate(BundleContext context) {
        store = Path.of(System.getProperty("karaf.data", "data"), "titrate", "module-commands.properties");
        load();
        tracker = ShellCommandAcl.trackCommandBundles(context, this::arrived, id -> {
            running.remove(id);
            refresh();
        });
        tracker.open();
        refresh();
    }

    @Deactivate
    synchronized void deactivate() {
        tracker.close();
        placeholders.values().forEach(p -> sessions.getRegistry().unregister(p));
        placeholders.clear();
    }

    private void arrived(Bundle bundle) {
        Set<String> commands = new TreeSet<>(ShellCommandAcl.commands(bundle).keySet());
        running.put(bundle.getBundleId(), commands);
        String module = moduleOf(bundle);
        if (module != null && !commands.isEmpty()) {
            synchronized (this) {
                if (!commands.equals(known.get(module))) {
                    known.computeIfAbsent(module, m -> new TreeSet<>()).addAll(commands);
                    save();
                }
            }
        }
        refresh();
    }

    /** Registers a placeholder for each known command no running bundle brings, withdraws those that one brings now. */
    private synchronized void refresh() {
        Set<String> present = new TreeSet<>();
        running.values().forEach(present::addAll);
        known.forEach((module, commands) -> {
            for (String command : commands) {
                Placeholder p = placeholders.get(command);
                if (present.contains(command)) {
                    if (p != null) {
                        sessions.getRegistry().unregister(p);
                        placeholders.remove(command);
                    }
                } else if (p == null) {
                    p = new Placeholder(module, command);
                    sessions.getRegistry().register(p);
                    placeholders.put(command, p);
                }
            }
        });
    }

    /** The module whose feature installs this bundle, or null. */
    private String moduleOf(Bundle bundle) {
        try {
            for (Feature f : features.listFeatures()) {
                String module = ModuleCatalog.moduleName(f.getName());
                if (module == null) {
                    continue;
                }
                for (BundleInfo b : f.getBundles()) {
                    if (b.getLocation().strip().equals(bundle.getLocation())) {
                        return module;
                    }
                }
            }
        } catch (Exception e) {
            LOG.info("Cannot tell which module bundle {} belongs to: {}", bundle.getSymbolicName(), e.toString());
        }
        return null;
    }

    private void load() {
        if (!Files.exists(store)) {
            return;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(store)) {
            p.load(in);
        } catch (IOException e) {
            LOG.info("Cannot read {}: {}", store, e.toString());
            return;
        }
        for (String module : p.stringPropertyNames()) {
            known.put(module, new TreeSet<>(Arrays.stream(p.getProperty(module).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
        }
    }

    private void save() {
        Properties p = new Properties();
        known.forEach((module, commands) -> p.setProperty(module, String.join(",", commands)));
        try {
            Files.createDirectories(store.getParent());
            try (OutputStream out = Files.newOutputStream(store)) {
                p.store(out, "titrate commands of each module, as the platform last saw them; rebuilt when modules start");
            }
        } catch (IOException e) {
            LOG.info("Cannot write {}: {}", store, e.toString());
        }
    }

    /** What runs in place of a command of a module that is not there. */
    final class Placeholder implements Command {
        private final String module;
        private final String name;

        Placeholder(String module, String name) {
            this.module = module;
            this.name = name;
        }

        @Override
        public String getScope() {
            return SCOPE;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return "(module " + module + " is not installed)";
        }

        @Override
        public Completer getCompleter(boolean scoped) {
            return null;
        }

        @Override
        public Parser getParser() {
            return null;
        }

        @Override
        public Object execute(Session session, List<Object> arguments) {
            boolean installed;
            try {
                installed = features.isInstalled(features.getFeature(ModuleCatalog.PREFIX + module));
            } catch (Exception e) {
                installed = false;
            }
            throw new ConflictException(installed
                    ? "module " + module + " is installed but not running; see bundle:list and scr:list"
                    : "module " + module + " is not installed; titrate:module-install " + module + " installs it");
        }
    }
}
