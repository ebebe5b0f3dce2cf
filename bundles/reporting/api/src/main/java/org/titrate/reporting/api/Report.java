package org.titrate.reporting.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A report's answer: the period ({@code from}..{@code to}, business days, both included; null for a report
 * as of one day), the filters it applied (every parameter in effect, defaults included), its columns, the
 * rows (column key to value: strings, {@code BigDecimal}s, integers, {@code LocalDate}s), the totals of
 * the numeric columns, and, for the charted reports, a {@link Chart}.
 */
public record Report(
        String name,
        String title,
        LocalDate from,
        LocalDate to,
        Map<String, String> filters,
        List<ReportColumn> columns,
        List<Map<String, Object>> rows,
        Map<String, Object> totals,
        Chart chart) {
}
