package org.titrate.platform.impl.modules;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.events.CursorPosition;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.events.LogSize;

/**
 * What an administrator checks first: which modules run, the database, each module's schema version, how far each
 * event-log consumer is behind, and the scheduled jobs. {@code titrate:status} and {@code GET /api/v1/status} show it;
 * {@link #healthy()} is the load balancer's question.
 */
@Component(service = SystemStatus.class)
public class SystemStatus {
    /** The table {@code SchemaMigrations} records each module's applied versions in. */
    private static final String SCHEMA_HISTORY = "TITRATE_SCHEMA_VERSION";

    @Reference
    private ModuleCatalog catalog;

    @Reference
    private FeaturesService features;

    /** The datasource once the platform's tables are migrated (SchemaExtender). */
    @Reference(target = "(titrate.schema=platform)")
    private DataSource dataSource;

    @Reference
    private EventLog log;

    @Reference
    private ScheduledJobRuns runs;

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    /** One module: installed as a feature, every bundle of it running, licensed, and its schema version (null: none). */
    public record ModuleStatus(String name, boolean installed, boolean active, boolean licensed, String version, Integer schemaVersion) {
    }

    /** The database product and version, and the space its tables take (bytes; null where the product cannot tell). */
    public record Database(String product, String version, Long sizeBytes) {
    }

    public record Consumer(String name, long position, long behind, Instant updatedAt) {
    }

    public record EventLogStatus(long events, long lastSeq, List<Consumer> consumers) {
    }

    /**
     * A periodic job on Karaf's scheduler: its name, its period in seconds (or cron expression), and what it reported of
     * its last run since the container started (all null before the first); {@code nextRun} is the last start plus the
     * period.
     */
    public record Job(String name, String schedule, Instant lastStart, Instant lastEnd, Long lastMillis, String lastOutcome,
            Instant nextRun) {
    }

    public record Status(List<ModuleStatus> modules, Database database, EventLogStatus eventLog, List<Job> jobs) {
    }

    public Status status() {
        Map<String, Integer> schemas = new HashMap<>();
        Database database;
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            database = new Database(md.getDatabaseProductName(), md.getDatabaseProductVersion(), size(c, md.getDatabaseProductName()));
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT MODULE, MAX(VERSION) FROM " + SCHEMA_HISTORY + " GROUP BY MODULE")) {
                while (rs.next()) {
                    schemas.put(rs.getString(1), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            database = new Database("unreachable: " + e.getMessage(), null, null);
        }
        List<ModuleStatus> modules = new ArrayList<>();
        modules.add(new ModuleStatus("platform", true, true, true, context.getBundle().getVersion().toString(), schemas.get("platform")));
        for (ModuleCatalog.Module m : catalog.modules()) {
            modules.add(new ModuleStatus(m.name(), m.installed(), m.installed() && running(m.name(), m.version()), m.licensed(),
                    m.version(), schemas.get(m.name())));
        }
        LogSize size = log.size();
        List<Consumer> consumers = size.cursors().stream()
                .sorted(Comparator.comparing(CursorPosition::name))
                .map(c -> new Consumer(c.name(), c.position(), Math.max(0, size.lastSeq() - c.position()), c.updatedAt()))
                .toList();
        return new Status(modules, database, new EventLogStatus(size.events(), size.lastSeq(), consumers), jobs());
    }

    /** Whether every bundle of the module's feature is running. */
    private boolean running(String module, String version) {
        try {
            Feature f = features.getFeature(ModuleCatalog.PREFIX + module, version);
            if (f == null) {
                return false;
            }
            for (BundleInfo b : f.getBundles()) {
                Bundle bundle = context.getBundle(b.getLocation());
                boolean fragment = bundle != null && bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
                if (bundle == null || (!fragment && bundle.getState() != Bundle.ACTIVE)) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(Runnable.class.getName(),
                    "(|(scheduler.period=*)(scheduler.expression=*))");
            if (refs != null) {
                for (ServiceReference<?> r : refs) {
                    Object name = r.getProperty("scheduler.name");
                    if (name == null) {
                        name = r.getProperty("component.name");
                    }
                    Object period = r.getProperty("scheduler.period");
                    ScheduledJobRuns.LastRun last = runs.last(String.valueOf(name));
                    Long seconds = seconds(period);
                    Instant next = last == null || seconds == null ? null : last.lastStart().plusSeconds(seconds);
                    jobs.add(new Job(String.valueOf(name), period != null ? "every " + period + " s" : String.valueOf(r.getProperty("scheduler.expression")),
                            last == null ? null : last.lastStart(), last == null ? null : last.lastEnd(), last == null ? null : last.lastMillis(),
                            last == null ? null : last.outcome(), next));
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        jobs.sort(Comparator.comparing(Job::name));
        return jobs;
    }

    /**
     * The space the database takes: PostgreSQL says it for the database, Derby per table (its diagnostic table
     * function); another product is not asked.
     */
    private static Long size(Connection c, String product) {
        String sql;
        if (product.startsWith("PostgreSQL")) {
            sql = "SELECT pg_database_size(current_database())";
        } else if (product.startsWith("Apache Derby")) {
            sql = "SELECT SUM(CAST(d.NUMALLOCATEDPAGES AS BIGINT) * d.PAGESIZE) FROM SYS.SYSSCHEMAS s, SYS.SYSTABLES t,"
                    + " TABLE(SYSCS_DIAG.SPACE_TABLE(s.SCHEMANAME, t.TABLENAME)) d WHERE s.SCHEMAID = t.SCHEMAID";
        } else {
            return null;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : null;
        } catch (SQLException e) {
            return null; // a user without the right to ask still sees the rest of the status
        }
    }

    /** A period as the service carries it: a number from code, text from a {@code .cfg} file. */
    private static Long seconds(Object period) {
        if (period instanceof Number n) {
            return n.longValue();
        }
        try {
            return period == null ? null : Long.valueOf(period.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The database answers and the event log can be read: what a load balancer needs to send requests here. */
    public boolean healthy() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) {
                return false;
            }
            log.size();
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
