package org.titrate.platform.impl.numbering;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.DocumentNumbers;
import org.titrate.platform.api.db.MissingRows;
import org.titrate.platform.api.time.BusinessClock;

/**
 * Counters in {@code PLT_NUMBER_SEQUENCE}, one row per series and period. The increment runs on a
 * connection that joins the caller's JTA transaction, so a rolled-back document gives its number
 * back, committed numbers have no gaps, and concurrent creators of one series queue on the row
 * lock. A missing row (once per series and period) is created in a transaction of its own: on
 * PostgreSQL a failed insert (two requests starting the same series) would otherwise abort the
 * caller's transaction.
 */
@Component(service = DocumentNumbers.class)
public class JdbcDocumentNumbers implements DocumentNumbers {
    private static final Pattern SERIES = Pattern.compile("[A-Z]{1,10}");
    /** Master-data codes are not per year. */
    private static final int NO_PERIOD = 0;

    @Reference
    private MissingRows missingRows;

    @Reference(target = "(titrate.schema=platform)")
    private DataSource dataSource;

    @Override
    public String next(String series) {
        // The business year: an order placed at 00:30 on 1 January in Shanghai belongs to the new year.
        int year = BusinessClock.today().getYear();
        return String.format("%s-%d-%06d", series, year, increment(series, year));
    }

    @Override
    public String nextCode(String prefix, int digits) {
        return prefix + String.format("%0" + digits + "d", increment(prefix, NO_PERIOD));
    }

    long increment(String series, int period) {
        if (!SERIES.matcher(series).matches()) {
            throw new IllegalArgumentException("Series must be 1-10 capital letters: " + series);
        }
        try {
            Long next = incrementExisting(series, period);
            if (next == null) {
                // Once per series and period: create the row, then count as usual.
                missingRows.insertIfAbsent("INSERT INTO PLT_NUMBER_SEQUENCE (SERIES, PERIOD, NEXT_VALUE) VALUES (?, ?, 1)", series, period);
                next = incrementExisting(series, period);
            }
            return next;
        } catch (SQLException e) {
            throw new IllegalStateException("Numbering of series " + series + " failed", e);
        }
    }

    /** The number taken from the counter row, in the caller's transaction; null when the row does not exist yet. */
    private Long incrementExisting(String series, int period) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE PLT_NUMBER_SEQUENCE SET NEXT_VALUE = NEXT_VALUE + 1 WHERE SERIES = ? AND PERIOD = ?")) {
                up.setString(1, series);
                up.setInt(2, period);
                if (up.executeUpdate() == 0) {
                    return null;
                }
            }
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT NEXT_VALUE FROM PLT_NUMBER_SEQUENCE WHERE SERIES = ? AND PERIOD = ?")) {
                q.setString(1, series);
                q.setInt(2, period);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) - 1;
                }
            }
        }
    }
}
