package org.titrate.platform.impl.db;

import java.util.Dictionary;
import java.util.Hashtable;
import javax.sql.DataSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.db.SchemaMigrations;

/**
 * Migrates the tables of every bundle that names its module in the {@value SchemaMigrations#HEADER} header
 * (the platform's own included) when the bundle starts, then registers the {@code titrate} datasource on the
 * bundle's behalf with {@code titrate.schema=<module>}. The module's components reference that datasource, so
 * they start once their tables are in place and stop with the bundle or the datasource; no module carries a
 * migration component of its own. The tracker sees a bundle while it is starting (a synchronous bundle event),
 * before Declarative Services activates its components. A failed migration is logged and leaves the module's
 * components waiting; restarting the bundle tries again.
 */
@Component(immediate = true)
public class SchemaExtender {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaExtender.class);

    @Reference(target = "(osgi.jndi.service.name=titrate)")
    private DataSource dataSource;

    private BundleTracker<ServiceRegistration<DataSource>> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public ServiceRegistration<DataSource> addingBundle(Bundle bundle, BundleEvent event) {
                String module = bundle.getHeaders("").get(SchemaMigrations.HEADER);
                return module == null ? null : migrate(bundle, module.trim());
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<DataSource> registration) {
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<DataSource> registration) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the bundle stopped first, which unregistered it
                }
            }
        });
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    private ServiceRegistration<DataSource> migrate(Bundle bundle, String module) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        BundleContext context = bundle.getBundleContext();
        if (wiring == null || context == null) {
            return null;
        }
        try {
            int version = SchemaMigrations.migrate(dataSource, module, wiring.getClassLoader());
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(SchemaMigrations.PROPERTY, module);
            properties.put("titrate.schema.version", version);
            properties.put(Constants.SERVICE_DESCRIPTION, "The titrate datasource with the " + module + " tables at version " + version);
            return context.registerService(DataSource.class, dataSource, properties);
        } catch (RuntimeException e) {
            LOG.error("The tables of module {} (bundle {}) could not be migrated; its components wait until the bundle is restarted",
                    module, bundle.getSymbolicName(), e);
            return null;
        }
    }
}
