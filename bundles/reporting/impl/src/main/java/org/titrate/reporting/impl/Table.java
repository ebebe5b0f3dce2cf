package org.titrate.reporting.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.titrate.reporting.api.Chart;
import org.titrate.reporting.api.ColumnType;
import org.titrate.reporting.api.Report;
import org.titrate.reporting.api.ReportColumn;

/**
 * Builds a {@link Report}: columns, rows in column order, and the totals of the quantity and amount columns, summed as
 * the rows pass. Without an {@link Exports.Writer} the rows are kept for the answer; with one, each row goes straight
 * into the export and none is kept, so an export of a million rows holds one.
 */
final class Table {
    private final List<ReportColumn> columns = new ArrayList<>();
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final Map<String, BigDecimal> sums = new LinkedHashMap<>();
    private final Exports.Writer export;
    private boolean started;

    /** A table whose rows are kept. */
    Table() {
        this(null);
    }

    /** A table whose rows go into {@code export} (null: kept). */
    Table(Exports.Writer export) {
        this.export = export;
    }

    Table column(String key, String label, ColumnType type) {
        columns.add(new ReportColumn(key, label, type));
        return this;
    }

    /** A row; values in column order. */
    Map<String, Object> row(Object... values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            ReportColumn c = columns.get(i);
            Object v = i < values.length ? values[i] : null;
            row.put(c.key(), v);
            if ((c.type() == ColumnType.QUANTITY || c.type() == ColumnType.AMOUNT) && v instanceof BigDecimal b) {
                sums.merge(c.key(), b, BigDecimal::add);
            }
        }
        if (export == null) {
            rows.add(row);
        } else {
            try {
                start();
                export.row(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return row;
    }

    private void start() throws IOException {
        if (!started) {
            started = true;
            export.header(List.copyOf(columns));
        }
    }

    /** The sums of the quantity and amount columns. */
    Map<String, Object> sums() {
        Map<String, Object> totals = new LinkedHashMap<>();
        for (ReportColumn c : columns) {
            if (c.type() == ColumnType.QUANTITY || c.type() == ColumnType.AMOUNT) {
                BigDecimal sum = sums.getOrDefault(c.key(), BigDecimal.ZERO);
                totals.put(c.key(), c.type() == ColumnType.AMOUNT ? sum.setScale(2, java.math.RoundingMode.HALF_UP) : sum);
            }
        }
        return totals;
    }

    /** The answer; with an export, the export's totals row is written and the answer carries no rows. */
    Report report(String name, String title, Period period, Map<String, String> filters, Map<String, Object> totals, Chart chart) {
        if (export != null) {
            try {
                start();
                export.finish(totals);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Report(name, title, period == null ? null : period.from(), period == null ? null : period.to(), filters,
                List.copyOf(columns), rows, totals, chart);
    }
}
