package org.titrate.platform.api.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations. A module ships {@code db/<module>/V1.sql}, {@code V2.sql}, ... in its
 * bundle; every script runs once, in order, in its own transaction, and is recorded in
 * {@code TITRATE_SCHEMA_VERSION}. Scripts use SQL that Derby and PostgreSQL both accept. OpenJPA never
 * touches the schema.
 *
 * <p>A bundle that names its module in the manifest header {@value #HEADER} is migrated by the platform
 * when it starts; the platform then registers the {@code titrate} datasource again, on the bundle's
 * behalf, with the service property {@value #PROPERTY}{@code =<module>}. A component that uses the
 * module's tables references that datasource, {@code @Reference(target = "(titrate.schema=finance)")},
 * and so starts only once its tables are in place (docs/adding-a-module.md, 4).
 */
public final class SchemaMigrations {
    /** Manifest header naming the module whose {@code db/<module>/V<n>.sql} scripts the platform runs. */
    public static final String HEADER = "Titrate-Schema";
    /** Service property of the datasource registered once a module's tables are migrated. */
    public static final String PROPERTY = "titrate.schema";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final String HISTORY = "TITRATE_SCHEMA_VERSION";

    private SchemaMigrations() {
    }

    /** Applies the module's pending scripts; returns the schema version now in place. */
    public static synchronized int migrate(DataSource dataSource, String module, ClassLoader scripts) {
        try (Connection c = dataSource.getConnection()) {
            ensureHistoryTable(c);
            int current = currentVersion(c, module);
            int version = current;
            while (true) {
                URL script = scripts.getResource("db/" + module + "/V" + (version + 1) + ".sql");
                if (script == null) {
                    break;
                }
                version++;
                apply(c, module, version, read(script));
            }
            if (version > current) {
                LOG.info("Schema of module {} migrated from version {} to {}", module, current, version);
            }
            return version;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Schema migration of module " + module + " failed", e);
        }
    }

    private static void ensureHistoryTable(Connection c) throws SQLException {
        if (tableExists(c, HISTORY)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + HISTORY + " (MODULE VARCHAR(40) NOT NULL, VERSION INTEGER NOT NULL, "
                    + "APPLIED_AT TIMESTAMP NOT NULL, PRIMARY KEY (MODULE, VERSION))");
        } catch (SQLException e) {
            // Another module created it at the same moment.
            if (!tableExists(c, HISTORY)) {
                throw e;
            }
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = md.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int currentVersion(Connection c, String module) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(VERSION) FROM " + HISTORY + " WHERE MODULE = ?")) {
            ps.setString(1, module);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static void apply(Connection c, String module, int version, String sql) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String statement : statements(sql)) {
                s.execute(statement);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + HISTORY + " (MODULE, VERSION, APPLIED_AT) VALUES (?, ?, ?)")) {
                ps.setString(1, module);
                ps.setInt(2, version);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("Migration V" + version + " of module " + module + " failed: " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Splits a script at semicolons that end a line; drops {@code --} comment lines. */
    static List<String> statements(String sql) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                result.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
