package org.titrate.reporting.api;

/** One column: {@code key} names the value in each row, {@code label} is the heading users read. */
public record ReportColumn(String key, String label, ColumnType type) {
}
