package org.titrate.platform.impl.audit;

import java.security.AccessController;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.security.auth.Subject;
import javax.servlet.http.HttpServletRequest;
import javax.sql.DataSource;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.platform.impl.security.LoginThrottle;

/**
 * The audit of administration in {@code PLT_AUDIT}: who changed users, roles, passwords (never the password
 * itself), modules and configuration, and every login the login guard decides, with when and from where.
 *
 * <p>Entries are written by one background thread on their own autocommit connection, so an entry never joins
 * (or is rolled back with) the caller's transaction, and a login never waits on the database. Entries made before
 * the platform's tables are migrated wait in memory (up to {@link #PENDING_LIMIT}) and are written once the
 * datasource arrives.
 */
@Component(service = AuditTrail.class, immediate = true)
public class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    static final int PENDING_LIMIT = 10_000;
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private static final String COLUMNS = "OCCURRED_AT, ACTOR, ADDRESS, KIND, TARGET, DETAIL";

    /** The running trail, for the login guard, which Karaf's login modules reach without Declarative Services. */
    private static volatile AuditTrail running;

    /** One entry: {@code action} is what happened (USER_ADD, LOGIN_FAILED, ...), {@code target} to what. */
    public record Entry(Instant at, String actor, String address, String action, String target, String detail) {
    }

    private final LinkedBlockingQueue<Entry> pending = new LinkedBlockingQueue<>(PENDING_LIMIT);
    private volatile DataSource dataSource;
    private ExecutorService writer;

    @Reference(target = "(titrate.schema=platform)", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindDataSource(DataSource ds) {
        dataSource = ds;
        flushLater();
    }

    void unbindDataSource(DataSource ds) {
        if (dataSource == ds) {
            dataSource = null;
        }
    }

    @Activate
    synchronized void activate() {
        writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "titrate-audit");
            t.setDaemon(true);
            return t;
        });
        running = this;
        flushLater();
    }

    @Deactivate
    synchronized void deactivate() throws InterruptedException {
        if (running == this) {
            running = null;
        }
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
        writer = null;
    }

    /** Who acts and from where. */
    public record Actor(String name, String address) {
    }

    /** The current user (shell session, REST or SOAP request) and where they are. */
    public static Actor currentActor() {
        return new Actor(CurrentUser.name(), address());
    }

    /** Records an administrative change made by the current user, from where they are. */
    public void record(String action, String target, String detail) {
        record(currentActor(), action, target, detail);
    }

    public void record(Actor actor, String action, String target, String detail) {
        add(new Entry(BusinessClock.now(), actor.name(), actor.address(), action, target, detail));
    }

    /** Records what the login guard decided about a login (the user is the one who tried). */
    public static void login(String event, String username, String channel, String address, String detail) {
        AuditTrail trail = running;
        if (trail != null) {
            trail.add(new Entry(BusinessClock.now(), username == null ? "-" : username, address == null ? "-" : address,
                    event, channel == null ? "-" : channel, detail == null ? "" : detail));
        }
    }

    private void add(Entry entry) {
        if (!pending.offer(clean(entry))) {
            LOG.warn("Audit entries are waiting for the database; dropped: {} {} by {}", entry.action(), entry.target(), entry.actor());
            return;
        }
        flushLater();
    }

    private synchronized void flushLater() {
        if (writer != null && dataSource != null && !pending.isEmpty()) {
            writer.execute(this::flush);
        }
    }

    private void flush() {
        DataSource ds = dataSource;
        if (ds == null || pending.isEmpty()) {
            return;
        }
        List<Entry> batch = new ArrayList<>();
        pending.drainTo(batch);
        try (Connection c = ds.getConnection()) {
            for (Entry e : batch) {
                Sql.update(c, "INSERT INTO PLT_AUDIT (ID, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                        UUID.randomUUID().toString(), e.at(), e.actor(), e.address(), e.action(), e.target(), e.detail());
            }
        } catch (SQLException e) {
            LOG.warn("Cannot write {} audit entries: {}", batch.size(), e.toString());
        }
    }

    /** The entries from {@code from} (inclusive) to {@code to} (exclusive), of one actor if given, newest first. */
    public List<Entry> find(Instant from, Instant to, String actor, int limit) {
        DataSource ds = dataSource;
        if (ds == null) {
            throw new IllegalStateException("The audit store is not ready: the platform's tables are not migrated yet");
        }
        Sql filter = new Sql().and("OCCURRED_AT >= ?", from).and("OCCURRED_AT < ?", to).and("ACTOR = ?", actor);
        List<Object> params = new ArrayList<>(filter.params());
        params.add(limit);
        try (Connection c = ds.getConnection()) {
            return Sql.list(c, "SELECT " + COLUMNS + " FROM PLT_AUDIT" + filter.where() + " ORDER BY OCCURRED_AT DESC, ID FETCH FIRST ? ROWS ONLY",
                    params, rs -> new Entry(Sql.instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6)));
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the audit", e);
        }
    }

    /**
     * Where the current user acts from: the client of the shell session (Karaf puts it in the session's subject),
     * or the remote address of the REST or SOAP request being served.
     */
    @SuppressWarnings("removal") // Karaf's shell still propagates the session subject through the access-control context.
    static String address() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (ClientPrincipal p : subject.getPrincipals(ClientPrincipal.class)) {
                String host = LoginThrottle.host(p.getAddress());
                if (host != null && !host.isBlank()) {
                    return host;
                }
            }
        }
        Message message = PhaseInterceptorChain.getCurrentMessage();
        if (message != null && message.get(AbstractHTTPDestination.HTTP_REQUEST) instanceof HttpServletRequest request) {
            return request.getRemoteAddr();
        }
        return "local";
    }

    private static Entry clean(Entry e) {
        return new Entry(e.at(), cut(e.actor(), 100), cut(e.address(), 100), cut(e.action(), 40), cut(e.target(), 200), cut(e.detail(), 2000));
    }

    private static String cut(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() <= max ? v : v.substring(0, max - 1) + "…";
    }
}
