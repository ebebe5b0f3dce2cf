package org.titrate.reporting.impl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.titrate.reporting.api.Chart;
import org.titrate.reporting.api.ColumnType;
import org.titrate.reporting.api.Report;
import org.titrate.reporting.api.ReportColumn;

/** Builds a {@link Report}: columns, rows in column order, and the totals of the quantity and amount columns. */
final class Table {
    private final List<ReportColumn> columns = new ArrayList<>();
    private final List<Map<String, Object>> rows = new ArrayList<>();

    Table column(String key, String label, ColumnType type) {
        columns.add(new ReportColumn(key, label, type));
        return this;
    }

    /** A row; values in column order. */
    Map<String, Object> row(Object... values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i).key(), i < values.length ? values[i] : null);
        }
        rows.add(row);
        return row;
    }

    List<Map<String, Object>> rows() {
        return rows;
    }

    /** The sums of the quantity and amount columns. */
    Map<String, Object> sums() {
        Map<String, Object> totals = new LinkedHashMap<>();
        for (ReportColumn c : columns) {
            if (c.type() == ColumnType.QUANTITY || c.type() == ColumnType.AMOUNT) {
                BigDecimal sum = BigDecimal.ZERO;
                for (Map<String, Object> r : rows) {
                    if (r.get(c.key()) instanceof BigDecimal b) {
                        sum = sum.add(b);
                    }
                }
                totals.put(c.key(), c.type() == ColumnType.AMOUNT ? sum.setScale(2) : sum);
            }
        }
        return totals;
    }

    Report report(String name, String title, Period period, Map<String, String> filters, Map<String, Object> totals, Chart chart) {
        return new Report(name, title, period == null ? null : period.from(), period == null ? null : period.to(), filters,
                List.copyOf(columns), rows, totals, chart);
    }
}
