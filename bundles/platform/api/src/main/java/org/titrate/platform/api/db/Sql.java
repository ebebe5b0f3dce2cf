package org.titrate.platform.api.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;

/** A filter built from the conditions a list request sets, and the reads that page with it. */
public final class Sql {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** Adds {@code condition} (with one {@code ?} per value) when the first value is not null. */
    public Sql and(String condition, Object... values) {
        if (values.length == 0 || values[0] != null) {
            conditions.add(condition);
            params.addAll(List.of(values));
        }
        return this;
    }

    public String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public List<Object> params() {
        return params;
    }

    /** Reads one row into a record; SQLException as the caller's failure. */
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    public static <T> List<T> list(Connection c, String sql, List<Object> params, Row<T> row) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            bind(q, params);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        }
    }

    /** A page: the count and the rows of {@code select ... from} with this filter, ordered. Offset/fetch is SQL:2008, on Derby and PostgreSQL. */
    public <T> Page<T> page(DataSource ds, String select, String from, String orderBy, PageRequest page, Row<T> row, String what) {
        try (Connection c = ds.getConnection()) {
            long total = list(c, "SELECT COUNT(*) " + from + where(), params, rs -> rs.getLong(1)).get(0);
            List<Object> all = new ArrayList<>(params);
            all.add(page.offset());
            all.add(page.limit());
            List<T> items = total <= page.offset() ? List.of()
                    : list(c, select + " " + from + where() + " ORDER BY " + orderBy + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", all, row);
            return new Page<>(items, total, page.offset(), page.limit());
        } catch (SQLException e) {
            throw Transactions.failure("Cannot list " + what, e);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(sql)) {
            bind(u, java.util.Arrays.asList(params));
            return u.executeUpdate();
        }
    }

    public static void bind(PreparedStatement q, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            if (v instanceof LocalDate d) {
                q.setDate(i + 1, Date.valueOf(d));
            } else if (v instanceof Instant t) {
                q.setTimestamp(i + 1, Timestamp.from(t));
            } else if (v instanceof Enum<?> e) {
                q.setString(i + 1, e.name());
            } else if (v instanceof BigDecimal b) {
                q.setBigDecimal(i + 1, b);
            } else {
                q.setObject(i + 1, v);
            }
        }
    }

    public static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
