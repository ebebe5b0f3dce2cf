package org.titrate.platform.impl.rest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.titrate.platform.api.events.EventLog;

/**
 * Remembers the first answer to a POST with an {@code Idempotency-Key}, per user, for a day (the retention of
 * PID {@code org.titrate.platform.idempotency}).
 * A key is claimed before the request runs, so a concurrent retry cannot create a copy either.
 * An answer that fits the {@code BODY} column is kept there as it is; a longer one (a 500-line
 * order) is kept whole, gzip-compressed and Base64-encoded, in numbered parts of
 * {@code PLT_IDEMPOTENCY_PART}, written in one transaction with the answer's status.
 */
final class IdempotencyStore {
    static final Duration RETENTION = Duration.ofHours(24);
    /**
     * A claim without an answer this old, made since this JVM started, is one whose answer or release could not be
     * written (the platform's tables were unreachable as its request ended): free it. A claim made before this JVM started is never freed (see {@link CutOff}).
     */
    static final Duration ABANDONED = Duration.ofMinutes(5);
    /** The size of the BODY column and of one stored part. */
    static final int COLUMN = 32000;

    /** What the store knows about a key. */
    sealed interface Lookup permits Claimed, InProgress, CutOff, Committed, Replay, Mismatch {
    }

    record Claimed() implements Lookup {
    }

    record InProgress(Instant claimedAt, String resourceMethod) implements Lookup {
    }

    /**
     * Claimed before this JVM started and never answered: the request was cut off by a crash or a restart. The claim and
     * the answer are stored apart from the work, so {@link #settle} looks for the key on the events the work appends in
     * its own transaction. Where that cannot tell (the method's work appends no event under its key), running it again
     * could make a copy, so the key stays taken until it is purged with the other answers.
     */
    record CutOff(Instant claimedAt, String resourceMethod) implements Lookup {
    }

    /** Cut off after its work committed: the events it appended name these documents, in the order they were appended. */
    record Committed(List<String> documents) implements Lookup {
    }

    record Mismatch() implements Lookup {
    }

    record Replay(int status, String location, String body) implements Lookup {
    }

    private final DataSource dataSource;
    private final Instant started;
    /** The event log's last number when this store began: work cut off by the restart appended at most up to it. */
    private final long eventHead;
    private final ToLongFunction<Instant> lastEventAtOrBefore;
    private final AtomicLong lastPurge = new AtomicLong();
    private volatile Duration retention = RETENTION;

    /** {@code events}: the platform's event log, whose rows carry the key of the request that appended them. */
    IdempotencyStore(DataSource dataSource, EventLog events) {
        this(dataSource, Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()),
                events.visibleUpTo(), events::lastSeqAtOrBefore);
    }

    /**
     * {@code started}: when this JVM started; claims older than that belong to an earlier run. {@code eventHead} and
     * {@code lastEventAtOrBefore}: the event log's last number now, and its last number appended at or before a time.
     */
    IdempotencyStore(DataSource dataSource, Instant started, long eventHead, ToLongFunction<Instant> lastEventAtOrBefore) {
        this.dataSource = dataSource;
        this.started = started;
        this.eventHead = eventHead;
        this.lastEventAtOrBefore = lastEventAtOrBefore;
    }

    /** How long answers are kept; keys older than this are purged. */
    void retention(Duration retention) {
        this.retention = retention;
    }

    /** {@code resourceMethod}: what the request runs ({@code Class#method}), to judge its cut-off claims by (see {@link #settle}). */
    Lookup claim(String username, String key, String fingerprint, String resourceMethod) throws SQLException {
        purgeNowAndThen();
        Lookup lookup = tryClaim(username, key, fingerprint, resourceMethod);
        if (lookup instanceof InProgress p && p.claimedAt().isBefore(started)) {
            return new CutOff(p.claimedAt(), p.resourceMethod());
        }
        // Only a key that is taken can be an abandoned one: free it and claim it again.
        if ((lookup instanceof InProgress || lookup instanceof Mismatch) && releaseAbandoned(username, key)) {
            lookup = tryClaim(username, key, fingerprint, resourceMethod);
        }
        return lookup;
    }

    /**
     * What became of a request cut off by a restart: {@link Committed} when an event its work appended carries its key
     * (that row committed with the work, nothing else writes the key); {@link Claimed} again, to run afresh, when none
     * does and every completed request of its method in the kept answers appended one under its key (so this one's work
     * would have too: it did not commit); {@link CutOff} still when neither can be told (a method whose work appends no
     * event, or none of its requests completed within the retention), and {@link InProgress} when a concurrent retry took
     * the claim first. Reads the event rows appended from the claim (less a minute for the clock) to the restart only.
     */
    Lookup settle(String username, String key, CutOff cut) throws SQLException {
        long from = lastEventAtOrBefore.applyAsLong(cut.claimedAt().minus(Duration.ofMinutes(1)));
        List<String> documents = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT DOC_KEY FROM PLT_EVENT WHERE SEQ > ? AND SEQ <= ? AND REQUEST_KEY = ? ORDER BY SEQ")) {
                ps.setLong(1, from);
                ps.setLong(2, eventHead);
                ps.setString(3, RequestKeys.hash(username, key));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!documents.contains(rs.getString(1))) {
                            documents.add(rs.getString(1));
                        }
                    }
                }
            }
            if (!documents.isEmpty()) {
                return new Committed(List.copyOf(documents));
            }
            if (cut.resourceMethod() == null || !alwaysLogged(c, cut.resourceMethod())) {
                return cut;
            }
            // Taken over by moving the claim's time into this run: a concurrent retry of the same key finds it in progress.
            try (PreparedStatement ps = c.prepareStatement("UPDATE PLT_IDEMPOTENCY SET CREATED_AT = ? WHERE USERNAME = ? AND IDEM_KEY = ?"
                    + " AND STATUS IS NULL AND CREATED_AT = ?")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now()));
                ps.setString(2, username);
                ps.setString(3, key);
                ps.setTimestamp(4, Timestamp.from(cut.claimedAt()));
                return ps.executeUpdate() == 1 ? new Claimed() : new InProgress(Instant.now(), null);
            }
        }
    }

    private static boolean alwaysLogged(Connection c, String resourceMethod) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(LOGGED) FROM PLT_IDEMPOTENCY"
                + " WHERE RESOURCE_METHOD = ? AND STATUS >= 200 AND STATUS < 300")) {
            ps.setString(1, resourceMethod);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0 && rs.getInt(2) == 1;
            }
        }
    }

    private Lookup tryClaim(String username, String key, String fingerprint, String resourceMethod) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO PLT_IDEMPOTENCY (USERNAME, IDEM_KEY, FINGERPRINT, CREATED_AT, RESOURCE_METHOD) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, username);
                ps.setString(2, key);
                ps.setString(3, fingerprint);
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                ps.setString(5, resourceMethod);
                ps.executeUpdate();
                return new Claimed();
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT FINGERPRINT, STATUS, LOCATION, BODY, CREATED_AT, RESOURCE_METHOD FROM PLT_IDEMPOTENCY WHERE USERNAME = ? AND IDEM_KEY = ?")) {
                ps.setString(1, username);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new InProgress(Instant.now(), null); // answered and purged, or released, just now
                    }
                    if (!fingerprint.equals(rs.getString(1))) {
                        return new Mismatch();
                    }
                    int status = rs.getInt(2);
                    if (rs.wasNull()) {
                        return new InProgress(rs.getTimestamp(5).toInstant(), rs.getString(6));
                    }
                    String body = rs.getString(4);
                    return new Replay(status, rs.getString(3), body != null ? body : storedInParts(c, username, key));
                }
            }
        }
    }

    /** The answer kept in parts, or null when there was no body. */
    private static String storedInParts(Connection c, String username, String key) throws SQLException {
        StringBuilder encoded = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT CHUNK FROM PLT_IDEMPOTENCY_PART WHERE USERNAME = ? AND IDEM_KEY = ? ORDER BY PART_NO")) {
            ps.setString(1, username);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    encoded.append(rs.getString(1));
                }
            }
        }
        return encoded.length() == 0 ? null : decompress(encoded.toString());
    }

    static String compress(String body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static String decompress(String encoded) {
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(encoded)))) {
            return new String(gz.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code logged}: whether the request's work appended an event under its key. */
    void complete(String username, String key, int status, String location, String body, boolean logged) throws SQLException {
        boolean inParts = body != null && body.length() > COLUMN;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (inParts) {
                    deleteParts(c, username, key);
                    String encoded = compress(body);
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO PLT_IDEMPOTENCY_PART (USERNAME, IDEM_KEY, PART_NO, CHUNK, CREATED_AT) VALUES (?, ?, ?, ?, ?)")) {
                        Timestamp now = Timestamp.from(Instant.now());
                        for (int part = 0; part * COLUMN < encoded.length(); part++) {
                            ps.setString(1, username);
                            ps.setString(2, key);
                            ps.setInt(3, part);
                            ps.setString(4, encoded.substring(part * COLUMN, Math.min(encoded.length(), (part + 1) * COLUMN)));
                            ps.setTimestamp(5, now);
                            ps.executeUpdate();
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE PLT_IDEMPOTENCY SET STATUS = ?, LOCATION = ?, BODY = ?, LOGGED = ? WHERE USERNAME = ? AND IDEM_KEY = ?")) {
                    ps.setInt(1, status);
                    ps.setString(2, location);
                    ps.setString(3, inParts ? null : body);
                    ps.setInt(4, logged ? 1 : 0);
                    ps.setString(5, username);
                    ps.setString(6, key);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static void deleteParts(Connection c, String username, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM PLT_IDEMPOTENCY_PART WHERE USERNAME = ? AND IDEM_KEY = ?")) {
            ps.setString(1, username);
            ps.setString(2, key);
            ps.executeUpdate();
        }
    }

    /** A failed request leaves no trace, so the client may correct it and retry with the same key. */
    void release(String username, String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM PLT_IDEMPOTENCY WHERE USERNAME = ? AND IDEM_KEY = ?")) {
            ps.setString(1, username);
            ps.setString(2, key);
            ps.executeUpdate();
        }
    }

    private boolean releaseAbandoned(String username, String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "DELETE FROM PLT_IDEMPOTENCY WHERE USERNAME = ? AND IDEM_KEY = ? AND STATUS IS NULL AND CREATED_AT < ? AND CREATED_AT >= ?")) {
            ps.setString(1, username);
            ps.setString(2, key);
            ps.setTimestamp(3, Timestamp.from(Instant.now().minus(ABANDONED)));
            ps.setTimestamp(4, Timestamp.from(started));
            return ps.executeUpdate() > 0;
        }
    }

    private void purgeNowAndThen() throws SQLException {
        long now = System.currentTimeMillis();
        long last = lastPurge.get();
        if (now - last < Duration.ofMinutes(10).toMillis() || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        Timestamp before = Timestamp.from(Instant.now().minus(retention));
        try (Connection c = dataSource.getConnection()) {
            for (String table : new String[] {"PLT_IDEMPOTENCY_PART", "PLT_IDEMPOTENCY"}) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE CREATED_AT < ?")) {
                    ps.setTimestamp(1, before);
                    ps.executeUpdate();
                }
            }
        }
    }
}
