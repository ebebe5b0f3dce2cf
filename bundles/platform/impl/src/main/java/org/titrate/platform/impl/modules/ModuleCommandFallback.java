package org.titrate.platform.impl.modules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * instead of Karaf's "Command not found".
 *
 * <p>The platform learns each module's commands while the module runs (from its bundles' {@code Karaf-Commands}) and
 * keeps them in {@code data/titrate/module-commands.properties} across restarts. It answers through the shell's
 * fallback command ({@code *:default}, which the Gogo runtime calls with the typed name when no command has that name),
 * not by registering a stand-in under each command's own name: Karaf removes a command from the shell by its name, so
 * a stand-in registered while the module's real command was leaving (or withdrawn while it was arriving) would take the
 * other one's place away.
 */
@Component(immediate = true)
public class ModuleCommandFallback {
    static final String SCOPE = "titrate";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleCommandFallback.class);

    @Reference
    private SessionFactory sessions;

    @Reference
    private FeaturesService features;

    /** Known commands by module, as remembered. */
    private final Map<String, Set<String>> known = new TreeMap<>();
    private final Fallback fallback = new Fallback();
    private BundleTracker<Long> tracker;
    private Path store;

    @Activate
    void activate(BundleContext context) {
        store = Path.of(System.getProperty("karaf.data", "data"), "titrate", "module-commands.properties");
        load();
        tracker = ShellCommandAcl.trackCommandBundles(context, this::arrived, id -> { });
        tracker.open();
        sessions.getRegistry().register(fallback);
    }

    @Deactivate
    void deactivate() {
        sessions.getRegistry().unregister(fallback);
        tracker.close();
    }

    private void arrived(Bundle bundle) {
        Set<String> commands = ShellCommandAcl.commands(bundle).keySet();
        String module = moduleOf(bundle);
        if (module == null || commands.isEmpty()) {
            return;
        }
        synchronized (this) {
            Set<String> remembered = known.computeIfAbsent(module, m -> new TreeSet<>());
            if (remembered.addAll(commands)) {
                save();
            }
        }
    }

    /** The module a command (typed with or without its scope, any case) belongs to, or null. */
    synchronized String moduleOfCommand(String typed) {
        String name = typed.toLowerCase(Locale.ROOT);
        if (name.startsWith(SCOPE + ":")) {
            name = name.substring(SCOPE.length() + 1);
        } else if (name.contains(":")) {
            return null;
        }
        for (Map.Entry<String, Set<String>> e : known.entrySet()) {
            if (e.getValue().contains(name)) {
                return e.getKey();
            }
        }
        return null;
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

    /**
     * Karaf's own "Command not found", so that a name no module brought reads as before. Its class lives in the shell's
     * private copy of the Gogo runtime, reached through the session factory's class loader as the help does.
     */
    private Exception notFound(String typed) {
        try {
            return (Exception) sessions.getClass().getClassLoader().loadClass("org.apache.felix.gogo.runtime.CommandNotFoundException")
                    .getConstructor(String.class).newInstance(typed);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return new IllegalArgumentException("Command not found: " + typed);
        }
    }

    /** The shell's fallback: called with the typed name first when no command has that name. */
    final class Fallback implements Command {
        @Override
        public String getScope() {
            return "*";
        }

        @Override
        public String getName() {
            return "default";
        }

        @Override
        public String getDescription() {
            return "Says which Titrate module a command belongs to when that module is not installed";
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
        public Object execute(Session session, List<Object> arguments) throws Exception {
            String typed = arguments.isEmpty() ? "" : String.valueOf(arguments.get(0));
            String module = moduleOfCommand(typed);
            if (module == null) {
                throw notFound(typed);
            }
            boolean installed;
            try {
                installed = features.isInstalled(features.getFeature(ModuleCatalog.PREFIX + module));
            } catch (Exception e) {
                installed = false;
            }
            if (installed) {
                // the module is there and the command is not: refused to this user, or its bundle is not running
                throw notFound(typed);
            }
            throw new ConflictException("module " + module + " is not installed; titrate:module-install " + module + " installs it");
        }
    }
}
