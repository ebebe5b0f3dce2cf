package org.titrate.platform.impl.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Remembers the first answer to a POST with an {@code Idempotency-Key}, per user, for a day.
 * A key is claimed before the request runs, so a concurrent retry cannot create a copy either.
 */
final class IdempotencyStore {
    static final Duration RETENTION = Duration.ofHours(24);
    /** A claim without an answer this old belongs to a request that died (a restart mid-request): free it. */
    static final Duration ABANDONED = Duration.ofMinutes(5);

    /** What the store knows about a key. */
    sealed interface Lookup permits Claimed, InProgress, Replay, Mismatch {
    }

    record Claimed() implements Lookup {
    }

    record InProgress() implements Lookup {
    }

    record Mismatch() implements Lookup {
    }

    record Replay(int status, String location, String body) implements Lookup {
    }

    private final DataSource dataSource;
    private final AtomicLong lastPurge = new AtomicLong();

    IdempotencyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Lookup claim(String username, String key, String fingerprint) throws SQLException {
        purgeNowAndThen();
        Lookup lookup = tryClaim(username, key, fingerprint);
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
                    "SELECT FINGERPRINT, STATUS, LOCATION, BODY FROM PLT_IDEMPOTENCY WHERE USERNAME = ? AND IDEM_KEY = ?")) {
                ps.setString(1, username);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new InProgress();
                    }
                    if (!fingerprint.equals(rs.getString(1))) {
                        return new Mismatch();
                    }
                    int status = rs.getInt(2);
                    return rs.wasNull() ? new InProgress() : new Replay(status, rs.getString(3), rs.getString(4));
                }
            }
        }
    }

    void complete(String username, String key, int status, String location, String body) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE PLT_IDEMPOTENCY SET STATUS = ?, LOCATION = ?, BODY = ? WHERE USERNAME = ? AND IDEM_KEY = ?")) {
            ps.setInt(1, status);
            ps.setString(2, location);
            ps.setString(3, body);
            ps.setString(4, username);
            ps.setString(5, key);
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
                     "DELETE FROM PLT_IDEMPOTENCY WHERE USERNAME = ? AND IDEM_KEY = ? AND STATUS IS NULL AND CREATED_AT < ?")) {
            ps.setString(1, username);
            ps.setString(2, key);
            ps.setTimestamp(3, Timestamp.from(Instant.now().minus(ABANDONED)));
            return ps.executeUpdate() > 0;
        }
    }

    private void purgeNowAndThen() throws SQLException {
        long now = System.currentTimeMillis();
        long last = lastPurge.get();
        if (now - last < Duration.ofMinutes(10).toMillis() || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM PLT_IDEMPOTENCY WHERE CREATED_AT < ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(RETENTION)));
            ps.executeUpdate();
        }
    }
}
