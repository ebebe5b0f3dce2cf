package org.titrate.platform.impl.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import javax.transaction.RollbackException;
import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.SystemException;
import javax.transaction.Transaction;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.events.CursorPosition;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.events.LogSize;
import org.titrate.platform.api.events.LogStatus;
import org.titrate.platform.api.events.LoggedEvent;
import org.titrate.platform.impl.rest.Json;
import org.titrate.platform.impl.rest.RequestKeys;

/**
 * The event log on {@code PLT_EVENT}, written with plain JDBC on the caller's transaction connection (so
 * appending never joins a second persistence unit to another module's transaction).
 *
 * <p><b>How out-of-order commits are handled, on Derby and PostgreSQL alike.</b> Sequence numbers come
 * from a counter in this service, taken when an event is appended; the number stays "in flight" until
 * its transaction completes (a JTA synchronization's {@code afterCompletion}, which runs once the
 * database has committed or rolled back). Readers see only up to {@link #visibleUpTo()}, one below the
 * lowest number in flight. So when seq 7 commits before seq 6, neither is readable until 6 has ended
 * too; when 6 rolls back, its number is a gap that nothing will ever fill, and 7 becomes readable. No
 * database feature is involved (no identity column or sequence, which contend on Derby, no
 * PostgreSQL-only snapshot function), no lock is shared between writers, and there is no fixed waiting
 * window: an event is readable the moment the last earlier append has ended. Because every number
 * below the horizon has ended, a read never waits on an uncommitted row either (Derby would block on
 * one, PostgreSQL would skip it: both are avoided). The cost per append is one INSERT, which also carries the
 * {@code Idempotency-Key} of the REST request whose transaction appends it ({@link RequestKeys}).
 *
 * <p>This relies on every append going through this one service, in one container per database: the
 * deployment Titrate supports (Derby is embedded; PostgreSQL serves one container). After a restart
 * nothing is in flight: the counter continues after the highest number stored, so a number taken by a
 * transaction that never committed may be handed out again, which is harmless because nobody could
 * have read it. {@link #prune} therefore always keeps the newest event.
 */
@Component(service = EventLog.class)
public class JdbcEventLog implements EventLog {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcEventLog.class);
    static final int MAX_PAYLOAD = 4000;
    private static final java.util.regex.Pattern TOPIC = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");
    private static final String COLUMNS = "SEQ, TYPE, DOC_KEY, ACTOR, OCCURRED_AT, PAYLOAD";

    @Reference
    private TransactionManager transactions;

    /** The datasource once the platform's tables are migrated (SchemaExtender). */
    @Reference(target = "(titrate.schema=platform)")
    private DataSource dataSource;

    private final Object counter = new Object();
    /**
     * Guarded by {@link #counter}: the next number to hand out, the time of the last append (each append is stamped at
     * least a microsecond after it, so times order the log as numbers do) and the numbers whose transaction has not ended.
     */
    private long next;
    private Instant lastAt = Instant.EPOCH;
    private final TreeSet<Long> inFlight = new TreeSet<>();

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public JdbcEventLog() {
    }

    /** Outside OSGi, for tests on a plain database whose platform scripts have run. */
    JdbcEventLog(DataSource dataSource, TransactionManager transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        activate();
    }

    @Activate
    void activate() {
        try (Connection c = dataSource().getConnection()) {
            // A cursor never passes a stored event, but it is read too, in case the events it passed were pruned.
            long last = Math.max(Sql.list(c, "SELECT MAX(SEQ) FROM PLT_EVENT", List.of(), rs -> rs.getLong(1)).get(0),
                    Sql.list(c, "SELECT MAX(POSITION) FROM PLT_EVENT_CURSOR", List.of(), rs -> rs.getLong(1)).get(0));
            List<Instant> at = Sql.list(c, "SELECT OCCURRED_AT FROM PLT_EVENT WHERE SEQ = ?", List.of(last), rs -> Sql.instant(rs, 1));
            synchronized (counter) {
                next = last + 1;
                lastAt = at.isEmpty() ? Instant.EPOCH : at.get(0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the event log's head: " + e.getMessage(), e);
        }
    }

    private DataSource dataSource() {
        return dataSource;
    }

    @Override
    public long append(String type, String key, String actor, Map<String, ?> payload) {
        String json = payload(payload);
        check("type", type);
        if (!TOPIC.matcher(type).matches()) {
            throw new IllegalArgumentException("An event's type is announced as an EventAdmin topic and must read like one: " + type);
        }
        check("key", key);
        Transaction tx = activeTransaction();
        long seq;
        Instant at;
        synchronized (counter) {
            seq = next++;
            inFlight.add(seq);
            Instant now = Instant.now();
            at = now.isAfter(lastAt) ? now : lastAt.plus(1, java.time.temporal.ChronoUnit.MICROS);
            lastAt = at;
        }
        boolean tracked = false;
        try {
            if (tx != null) {
                tx.registerSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        ended(seq);
                    }
                });
                tracked = true;
            }
            // The request's key is written only on an append in its transaction: one outside commits whatever the work does.
            String requestKey = tx == null ? null : RequestKeys.forAppend();
            try (Connection c = dataSource().getConnection();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO PLT_EVENT (" + COLUMNS + ", REQUEST_KEY) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                Sql.bind(insert, List.of(seq, type, key, actor == null ? "system" : actor, at, json));
                insert.setString(7, requestKey);
                insert.executeUpdate();
            }
            return seq;
        } catch (SQLException e) {
            throw Transactions.failure("Cannot append " + type + " of " + key + " to the event log", e);
        } catch (RollbackException | SystemException e) {
            throw new IllegalStateException("Cannot append " + type + " of " + key + " to the event log: " + e.getMessage(), e);
        } finally {
            if (!tracked) {
                ended(seq); // committed on its own (no transaction), or never written
            }
        }
    }

    private Transaction activeTransaction() {
        try {
            Transaction tx = transactions.getTransaction();
            if (tx == null) {
                return null;
            }
            if (tx.getStatus() != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("The transaction is marked for rollback; nothing is appended");
            }
            return tx;
        } catch (SystemException e) {
            throw new IllegalStateException("Cannot see the caller's transaction", e);
        }
    }

    private void ended(long seq) {
        synchronized (counter) {
            inFlight.remove(seq);
        }
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.warn("An event log follower failed to wake", e);
            }
        }
    }

    private static void check(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 100) {
            throw new IllegalArgumentException("An event's " + field + " needs 1 to 100 characters: " + value);
        }
    }

    static String payload(Map<String, ?> payload) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (payload != null) {
            payload.forEach((k, v) -> {
                if (v != null) {
                    facts.put(k, v instanceof Enum<?> e ? e.name() : v instanceof Instant t ? t.toString() : v);
                }
            });
        }
        try {
            String json = Json.MAPPER.writeValueAsString(facts);
            if (json.length() > MAX_PAYLOAD) {
                throw new IllegalArgumentException("An event's payload is " + json.length() + " characters, at most " + MAX_PAYLOAD);
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An event's payload is not JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public long visibleUpTo() {
        synchronized (counter) {
            return inFlight.isEmpty() ? next - 1 : inFlight.first() - 1;
        }
    }

    /**
     * Times strictly increase with the numbers, so this searches the primary key by halves (about twenty reads of one
     * row for a million events) instead of keeping an index on the time that every append would have to write.
     */
    @Override
    public long lastSeqAtOrBefore(Instant at) {
        try (Connection c = dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT SEQ, OCCURRED_AT FROM PLT_EVENT WHERE SEQ >= ? ORDER BY SEQ FETCH FIRST 1 ROWS ONLY")) {
            long low = 0; // the answer is at least this: 0, or a stored event's number at or before `at`
            long high = visibleUpTo(); // and at most this
            while (low < high) {
                long mid = low + (high - low + 1) / 2;
                q.setLong(1, mid);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next() && rs.getLong(1) <= high && !Sql.instant(rs, 2).isAfter(at)) {
                        low = rs.getLong(1); // the first stored event from mid on is not after `at`
                    } else {
                        high = mid - 1;
                    }
                }
            }
            return low;
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the event log", e);
        }
    }

    @Override
    public Map<String, Object> payload(LoggedEvent event) {
        try {
            return Json.MAPPER.readValue(event.payload(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Event " + event.seq() + " has a payload that is not a JSON object", e);
        }
    }

    @Override
    public List<LoggedEvent> read(long afterSeq, int limit) {
        return read(afterSeq, limit, null);
    }

    @Override
    public List<LoggedEvent> read(long afterSeq, int limit, String typePrefix) {
        long upTo = visibleUpTo();
        if (upTo <= afterSeq || limit < 1) {
            return List.of();
        }
        Sql filter = new Sql().and("SEQ > ?", afterSeq).and("SEQ <= ?", upTo);
        if (typePrefix != null && !typePrefix.isEmpty()) {
            filter.and("TYPE LIKE ? ESCAPE '!'", typePrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        List<Object> params = new ArrayList<>(filter.params());
        params.add(limit);
        try (Connection c = dataSource().getConnection()) {
            return Sql.list(c, "SELECT " + COLUMNS + " FROM PLT_EVENT" + filter.where() + " ORDER BY SEQ FETCH FIRST ? ROWS ONLY",
                    params, JdbcEventLog::event);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the event log", e);
        }
    }

    private static LoggedEvent event(ResultSet rs) throws SQLException {
        return new LoggedEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Sql.instant(rs, 5), rs.getString(6));
    }

    @Override
    public long register(String cursor, long startAfter) {
        check("cursor", cursor);
        try (Connection c = dataSource().getConnection()) {
            List<Long> at = positionOf(c, cursor);
            if (!at.isEmpty()) {
                return at.get(0);
            }
            try {
                Sql.update(c, "INSERT INTO PLT_EVENT_CURSOR (NAME, POSITION, UPDATED_AT) VALUES (?, ?, ?)", cursor, startAfter, Instant.now());
                return startAfter;
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                return positionOf(c, cursor).get(0); // registered by a racing caller
            }
        } catch (SQLException e) {
            throw Transactions.failure("Cannot register the event cursor " + cursor, e);
        }
    }

    private static List<Long> positionOf(Connection c, String cursor) throws SQLException {
        return Sql.list(c, "SELECT POSITION FROM PLT_EVENT_CURSOR WHERE NAME = ?", List.of(cursor), rs -> rs.getLong(1));
    }

    @Override
    public long position(String cursor) {
        try (Connection c = dataSource().getConnection()) {
            List<Long> at = positionOf(c, cursor);
            if (at.isEmpty()) {
                throw new IllegalArgumentException("No event cursor " + cursor + " is registered");
            }
            return at.get(0);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the event cursor " + cursor, e);
        }
    }

    @Override
    public List<LoggedEvent> next(String cursor, int limit) {
        return read(position(cursor), limit);
    }

    @Override
    public void advance(String cursor, long from, long to) {
        if (to < from || to > visibleUpTo()) {
            throw new IllegalArgumentException("Cursor " + cursor + " cannot move from " + from + " to " + to
                    + " (readable up to " + visibleUpTo() + ")");
        }
        try (Connection c = dataSource().getConnection()) {
            int moved = Sql.update(c, "UPDATE PLT_EVENT_CURSOR SET POSITION = ?, UPDATED_AT = ? WHERE NAME = ? AND POSITION = ?",
                    to, Instant.now(), cursor, from);
            if (moved != 1) {
                throw new ConflictException(null, "Event cursor " + cursor + " is no longer at " + from + ": another consumer moved it");
            }
        } catch (SQLException e) {
            throw Transactions.failure("Cannot move the event cursor " + cursor, e);
        }
    }

    @Override
    public void unregister(String cursor) {
        try (Connection c = dataSource().getConnection()) {
            Sql.update(c, "DELETE FROM PLT_EVENT_CURSOR WHERE NAME = ?", cursor);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot drop the event cursor " + cursor, e);
        }
    }

    @Override
    public LogSize size() {
        try (Connection c = dataSource().getConnection()) {
            long[] counts = Sql.list(c, "SELECT COUNT(*), MIN(SEQ) FROM PLT_EVENT", List.of(),
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}).get(0);
            List<CursorPosition> cursors = Sql.list(c, "SELECT NAME, POSITION, UPDATED_AT FROM PLT_EVENT_CURSOR ORDER BY NAME", List.of(),
                    rs -> new CursorPosition(rs.getString(1), rs.getLong(2), Sql.instant(rs, 3)));
            return new LogSize(counts[0], counts[1], visibleUpTo(), cursors);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot measure the event log", e);
        }
    }

    @Override
    public LogStatus status() {
        try (Connection c = dataSource().getConnection()) {
            long last = visibleUpTo();
            Object[] span = Sql.list(c, "SELECT COUNT(*), MIN(SEQ), MAX(SEQ) FROM PLT_EVENT WHERE SEQ <= ?", List.of(last),
                    rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).get(0);
            long events = (Long) span[0];
            long first = (Long) span[1];
            Instant oldest = events == 0 ? null : at(c, first);
            Instant newest = events == 0 ? null : at(c, (Long) span[2]);
            Map<String, Long> byType = new TreeMap<>();
            Sql.list(c, "SELECT TYPE, COUNT(*) FROM PLT_EVENT WHERE SEQ <= ? GROUP BY TYPE", List.of(last), rs -> byType.put(rs.getString(1), rs.getLong(2)));
            List<LogStatus.CursorLag> cursors = new ArrayList<>();
            for (CursorPosition p : Sql.list(c, "SELECT NAME, POSITION, UPDATED_AT FROM PLT_EVENT_CURSOR ORDER BY NAME", List.of(),
                    rs -> new CursorPosition(rs.getString(1), rs.getLong(2), Sql.instant(rs, 3)))) {
                long behind = Sql.list(c, "SELECT COUNT(*) FROM PLT_EVENT WHERE SEQ > ? AND SEQ <= ?", List.of(p.position(), last),
                        rs -> rs.getLong(1)).get(0);
                cursors.add(new LogStatus.CursorLag(p.name(), p.position(), behind, p.updatedAt()));
            }
            return new LogStatus(events, first, last, oldest, newest, byType, cursors);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot report on the event log", e);
        }
    }

    private static Instant at(Connection c, long seq) throws SQLException {
        return Sql.list(c, "SELECT OCCURRED_AT FROM PLT_EVENT WHERE SEQ = ?", List.of(seq), rs -> Sql.instant(rs, 1)).stream().findFirst().orElse(null);
    }

    @Override
    public long pruneBefore(Instant before) {
        // Appending times strictly increase with the sequence number: everything up to this number is older.
        long upTo = lastSeqAtOrBefore(before.minusMillis(1));
        long deleted = upTo < 1 ? 0 : prune(upTo);
        LOG.info("Pruned {} events appended before {} (up to seq {}, none a registered cursor has not passed)", deleted, before, upTo);
        return deleted;
    }

    @Override
    public long prune(long upToSeq) {
        try (Connection c = dataSource().getConnection()) {
            // The newest stored event stays: after a restart the counter continues after it.
            long newest = Sql.list(c, "SELECT MAX(SEQ) FROM PLT_EVENT", List.of(), rs -> rs.getLong(1)).get(0);
            long limit = Math.min(upToSeq, Math.min(newest - 1, visibleUpTo()));
            List<Long> lowest = Sql.list(c, "SELECT MIN(POSITION) FROM PLT_EVENT_CURSOR", List.of(), rs -> {
                long v = rs.getLong(1);
                return rs.wasNull() ? null : v;
            });
            if (!lowest.isEmpty() && lowest.get(0) != null) {
                limit = Math.min(limit, lowest.get(0));
            }
            return limit < 1 ? 0 : Sql.update(c, "DELETE FROM PLT_EVENT WHERE SEQ <= ?", limit);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot prune the event log", e);
        }
    }

    @Override
    public AutoCloseable onCommit(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
