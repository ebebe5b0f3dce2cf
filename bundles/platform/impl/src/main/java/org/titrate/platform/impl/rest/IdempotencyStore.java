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
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;

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
    sealed interface Lookup permits Claimed, InProgress, CutOff, Replay, Mismatch {
    }

    record Claimed() implements Lookup {
    }

    record InProgress(Instant claimedAt) implements Lookup {
    }

    /**
     * Claimed before this JVM started and never answered: the request was cut off by a crash or a restart, and whether
     * its work committed is unknown (the claim and the answer are stored apart from the work). Running it again could
     * make a copy, so the key stays taken until it is purged with the other answers.
     */
    record CutOff() implements Lookup {
    }

    record Mismatch() implements Lookup {
    }

    record Replay(int status, String location, String body) implements Lookup {
    }

    private final DataSource dataSource;
    private final Instant started;
    private final AtomicLong lastPurge = new AtomicLong();
    private volatile Duration retention = RETENTION;

    IdempotencyStore(DataSource dataSource) {
        this(dataSource, Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    /** {@code started}: when this JVM started; claims older than that belong to an earlier run. */
    IdempotencyStore(DataSource dataSource, Instant started) {
        this.dataSource = dataSource;
        this.started = started;
    }

    /** How long answers are kept; keys older than this are purged. */
    void retention(Duration retention) {
        this.retention = retention;
    }

    Lookup claim(String username, String key, String fingerprint) throws SQLException {
        purgeNowAndThen();
        Lookup lookup = tryClaim(username, key, fingerprint);
        if (lookup instanceof InProgress p && p.claimedAt().isBefore(started)) {
            return new CutOff();
        }
        // Only a key that is taken can be an abandoned one: free it and claim it again.
        if ((lookup instanceof InProgress || lookup instanceof Mismatch) && releaseAbandoned(username, key)) {
            lookup = tryClaim(username, key, fingerprint);
        }
        return lookup;
    }

    private Lookup tryClaim(String username, String key, String fingerprint) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO PLT_IDEMPOTENCY (USERNAME, IDEM_KEY, FINGERPRINT, CREATED_AT) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, username);
                ps.setString(2, key);
                ps.setString(3, fingerprint);
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                ps.executeUpdate();
                return new Claimed();
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT FINGERPRINT, STATUS, LOCATION, BODY, CREATED_AT FROM PLT_IDEMPOTENCY WHERE USERNAME = ? AND IDEM_KEY = ?")) {
                ps.setString(1, username);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new InProgress(Instant.now()); // answered and purged, or released, just now
                    }
                    if (!fingerprint.equals(rs.getString(1))) {
                        return new Mismatch();
                    }
                    int status = rs.getInt(2);
                    if (rs.wasNull()) {
                        return new InProgress(rs.getTimestamp(5).toInstant());
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

    void complete(String username, String key, int status, String location, String body) throws SQLException {
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
                        "UPDATE PLT_IDEMPOTENCY SET STATUS = ?, LOCATION = ?, BODY = ? WHERE USERNAME = ? AND IDEM_KEY = ?")) {
                    ps.setInt(1, status);
                    ps.setString(2, location);
                    ps.setString(3, inParts ? null : body);
                    ps.setString(4, username);
                    ps.setString(5, key);
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
