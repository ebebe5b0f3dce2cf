package org.titrate.platform.impl.modules;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.RepositoryEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the modules delivered as KAR files (docs/licensing.md, "Modules as KAR files"). A module's KAR holds a features
 * repository whose {@code titrate-*} feature is marked {@code install="manual"}, so Karaf's KAR deployer only adds the
 * repository; this listener then installs the feature as an <em>upgrade</em>: in one provisioning step any other
 * version of the same module is replaced, so a newer KAR swaps the module's bundles (its new schema migrations run as
 * the new bundle starts, on the data in place) instead of running two versions side by side. When the repository
 * leaves again ({@code kar:uninstall}), the module it delivered is uninstalled; its tables and data stay.
 *
 * <p>Repositories replayed when the listener registers (at every start) are left alone: a module an administrator
 * uninstalled stays uninstalled.
 */
@Component(service = FeaturesListener.class)
public class ModuleDeliveries implements FeaturesListener {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleDeliveries.class);
    /** How a KAR marks the features this listener installs (Karaf's deployer installs only {@code auto} ones itself). */
    static final String MANUAL = "manual";

    @Reference
    private FeaturesService features;

    /** Karaf calls listeners inside its own operations; provisioning from there would wait on itself. */
    private ExecutorService worker;

    @Activate
    void activate() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "titrate-module-deliveries");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(2, TimeUnit.MINUTES);
    }

    @Override
    public void featureEvent(FeatureEvent event) {
        // only repositories matter here
    }

    @Override
    public void repositoryEvent(RepositoryEvent event) {
        if (event.isReplay()) {
            return;
        }
        Set<String> delivered = delivered(event);
        if (delivered.isEmpty()) {
            return;
        }
        if (event.getType() == RepositoryEvent.EventType.RepositoryAdded) {
            worker.execute(() -> install(delivered));
        } else if (event.getType() == RepositoryEvent.EventType.RepositoryRemoved) {
            worker.execute(() -> uninstall(delivered));
        }
    }

    /** The delivered modules' features ({@code name/version}) of the event's repository. */
    private static Set<String> delivered(RepositoryEvent event) {
        Set<String> found = new LinkedHashSet<>();
        try {
            for (Feature f : event.getRepository().getFeatures()) {
                if (f.getName().startsWith(ModuleCatalog.PREFIX) && MANUAL.equals(f.getInstall())) {
                    found.add(f.getName() + "/" + f.getVersion());
                }
            }
        } catch (Exception e) {
            LOG.warn("Cannot read the features of repository {}", event.getRepository().getURI(), e);
        }
        return found;
    }

    private void install(Set<String> delivered) {
        try {
            LOG.info("Installing the delivered module(s) {}, replacing any other version", delivered);
            features.installFeatures(delivered, EnumSet.of(FeaturesService.Option.Upgrade));
        } catch (Exception e) {
            LOG.error("Cannot install the delivered module(s) {}", delivered, e);
        }
    }

    private void uninstall(Set<String> delivered) {
        for (String feature : delivered) {
            String[] nameVersion = feature.split("/", 2);
            try {
                Feature f = features.getFeature(nameVersion[0], nameVersion[1]);
                if (f != null && features.isInstalled(f)) {
                    LOG.info("Uninstalling {}: the KAR that delivered it was removed", feature);
                    features.uninstallFeature(nameVersion[0], nameVersion[1]);
                }
            } catch (Exception e) {
                LOG.error("Cannot uninstall {} after its KAR was removed", feature, e);
            }
        }
    }
}
