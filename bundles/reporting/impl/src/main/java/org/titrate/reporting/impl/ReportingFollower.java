package org.titrate.reporting.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.finance.api.FinanceService;
import org.titrate.inventory.api.StockService;
import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.events.LoggedEvent;
import org.titrate.platform.api.licensing.Entitlements;
import org.titrate.platform.api.licensing.LicenceWatch;
import org.titrate.products.api.Product;
import org.titrate.products.api.ProductService;
import org.titrate.purchasing.api.PurchaseOrderService;
import org.titrate.sales.api.SalesOrderService;

/**
 * Keeps reporting's read models in step with the platform's event log: one durable cursor per source module
 * ({@code reporting.sales}, {@code reporting.inventory}, {@code reporting.finance}, {@code reporting.purchasing}), registered at the log's
 * start, so a reporting module installed late first replays the whole history, then follows. Each page of events
 * is loaded through the source module's API service outside any transaction, then written and the cursor moved in
 * one transaction: after a crash the page is simply done again, and since every document's rows are replaced, doing
 * it twice changes nothing. A source module that is not installed holds its own cursor (its events wait for it);
 * the others go on. Every commit that appended wakes the follower within half a second; a poll every five seconds
 * is the fallback.
 *
 * <p>The source services are optional, dynamic references: reporting installs alone, and a module that leaves
 * takes nothing of reporting with it.
 */
@Component(service = ReportingFollower.class, immediate = true)
public class ReportingFollower {
    private static final Logger LOG = LoggerFactory.getLogger(ReportingFollower.class);
    static final int PAGE = 200;

    @Reference
    private EventLog log;

    @Reference
    private TransactionManager transactions;

    @Reference(target = "(titrate.schema=reporting)")
    private DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SalesOrderService sales;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile StockService stock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile FinanceService finance;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ProductService products;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile PurchaseOrderService purchasing;

    private final LicenceWatch licence = new LicenceWatch("reporting");
    private AutoCloseable licenceChanges;
    private final Map<String, String> categories = new ConcurrentHashMap<>();
    private final AtomicBoolean due = new AtomicBoolean();
    private List<Feed> feeds;
    private ScheduledThreadPoolExecutor follower;
    private AutoCloseable wakeUps;
    /** Whether the daily totals (sales and stock, V4) hold every line and movement; until then the reports add those up. */
    private volatile boolean totalsReady;

    @Activate
    void activate() {
        feeds = List.of(new SalesFeed(() -> sales, this::category), new StockFeed(() -> stock, this::category, log::payload),
                new FinanceFeed(() -> finance), new PurchaseFeed(() -> purchasing));
        replaySalesForHeaders();
        try (Connection c = dataSource.getConnection()) {
            totalsReady = !SalesTotals.missing(c) && !StockTotals.missing(c);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the reporting read models", e);
        }
        feeds.forEach(f -> log.register(f.cursor(), 0));
        follower = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "titrate-reporting-follower");
            t.setDaemon(true);
            return t;
        });
        follower.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        follower.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        wakeUps = log.onCommit(this::wake);
        licenceChanges = licence.onChange(this::wake);
        follower.scheduleWithFixedDelay(this::pass, 0, 5, TimeUnit.SECONDS);
    }

    /**
     * A database whose sales lines were read before the document headers existed (migration V2) has no headers: the
     * sales cursor starts again from the log's start once, and since a document's rows are replaced, only the headers
     * change.
     */
    private void replaySalesForHeaders() {
        try (Connection c = dataSource.getConnection()) {
            boolean lines = !org.titrate.platform.api.db.Sql.list(c, "SELECT ORDER_NUMBER FROM RPT_SALES_LINE FETCH FIRST 1 ROWS ONLY",
                    List.of(), rs -> rs.getString(1)).isEmpty();
            boolean headers = !org.titrate.platform.api.db.Sql.list(c, "SELECT ORDER_NUMBER FROM RPT_SALES_ORDER FETCH FIRST 1 ROWS ONLY",
                    List.of(), rs -> rs.getString(1)).isEmpty();
            if (lines && !headers) {
                LOG.info("Reporting reads the sales history again for the document headers it did not keep before");
                log.unregister("reporting.sales");
            }
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the reporting read models", e);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindEntitlements(Entitlements e) {
        licence.bind(e);
    }

    void unbindEntitlements(Entitlements e) {
        licence.unbind(e);
    }

    @Deactivate
    void deactivate() {
        try {
            licenceChanges.close();
            wakeUps.close();
        } catch (Exception e) {
            LOG.warn("Cannot stop following the event log", e);
        }
        follower.shutdown();
        try {
            follower.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The cursors' positions, for the status endpoint and tests waiting for the read models to catch up. */
    Map<String, Long> positions() {
        Map<String, Long> p = new LinkedHashMap<>();
        feeds.forEach(f -> p.put(f.cursor(), log.position(f.cursor())));
        return p;
    }

    long visibleUpTo() {
        return log.visibleUpTo();
    }

    private void wake() {
        if (due.compareAndSet(false, true)) {
            try {
                follower.schedule(() -> {
                    due.set(false);
                    pass();
                }, 300, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                due.set(false); // stopping
            }
        }
    }

    /**
     * Every feed, from its cursor to what is readable now; nothing while reporting is not licensed: the cursors hold, and
     * a licence that turns reporting on wakes the follower, which reads what happened meanwhile. A read-only reporting
     * module keeps its read models current, since showing reports is all it does.
     */
    synchronized void pass() {
        if (!totalsReady) {
            rebuildTotals();
        }
        if (!licence.reads()) {
            return;
        }
        for (Feed f : feeds) {
            try {
                follow(f);
            } catch (RuntimeException e) {
                LOG.warn("Reporting could not follow {}; it tries again", f.cursor(), e);
            }
        }
    }

    boolean totalsReady() {
        return totalsReady;
    }

    /**
     * Fills the daily sales and stock totals from every line and movement in one local transaction (no JTA timeout cuts a large one short, and
     * a crash leaves the table empty, so the next start does it again); reports add up the lines until it committed.
     */
    private void rebuildTotals() {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                SalesTotals.rebuild(c);
                StockTotals.rebuild(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            totalsReady = true;
            LOG.info("Reporting's daily totals rebuilt from the sales lines and stock movements in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Reporting could not rebuild its daily totals; it tries again", e);
        }
    }

    private void follow(Feed feed) {
        while (true) {
            long from = log.position(feed.cursor());
            long visible = log.visibleUpTo();
            List<LoggedEvent> events = log.read(from, PAGE, feed.typePrefix());
            if (events.isEmpty()) {
                // nothing of this module up to what is visible: move past the others' events, so the log can be pruned
                if (visible > from) {
                    inTransaction(c -> log.advance(feed.cursor(), from, visible));
                }
                return;
            }
            Object loaded = feed.load(events);
            if (loaded == null) {
                return; // the module is not installed: its events wait for it
            }
            long to = events.size() < PAGE ? Math.max(visible, events.get(events.size() - 1).seq()) : events.get(events.size() - 1).seq();
            inTransaction(c -> {
                feed.store(c, loaded);
                log.advance(feed.cursor(), from, to);
            });
            if (events.size() < PAGE) {
                return;
            }
        }
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(Work work) {
        Transactions.required(transactions, () -> {
            try (Connection c = dataSource.getConnection()) {
                work.run(c);
                return null;
            } catch (SQLException e) {
                throw Transactions.failure("Cannot update the reporting read models", e);
            }
        });
    }

    /** A product's category, remembered once known (a product's category is master data that rarely changes). */
    private String category(String sku) {
        String known = categories.get(sku);
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        ProductService p = products;
        if (p == null) {
            return null;
        }
        String found = p.findBySku(sku).map(Product::categoryCode).orElse(null);
        categories.put(sku, found == null ? "" : found);
        return found;
    }
}
