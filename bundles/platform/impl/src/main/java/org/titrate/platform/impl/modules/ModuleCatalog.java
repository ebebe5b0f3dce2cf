package org.titrate.platform.impl.modules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Titrate modules known to the container: every {@code titrate-*} feature of the installed
 * feature repositories. Until the licensing module exists every module counts as licensed.
 */
@Component(service = ModuleCatalog.class)
public class ModuleCatalog {
    static final String PREFIX = "titrate-";
    /** Database drivers ({@code titrate-db-postgresql}) are infrastructure, not licensed modules. */
    static final String DRIVER_PREFIX = "titrate-db-";

    @Reference
    private FeaturesService features;

    /** One module as {@code /modules} and {@code titrate:module-list} show it. */
    public record Module(String name, boolean installed, boolean licensed, String version, String description) {
    }

    public List<Module> modules() {
        try {
            List<Module> result = new ArrayList<>();
            for (Feature f : features.listFeatures()) {
                if (f.getName().startsWith(PREFIX) && !f.getName().startsWith(DRIVER_PREFIX)) {
                    result.add(new Module(f.getName().substring(PREFIX.length()), features.isInstalled(f), true,
                            f.getVersion(), f.getDescription()));
                }
            }
            result.sort(Comparator.comparing(Module::name));
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the feature repositories", e);
        }
    }
}
