package org.titrate.reporting.impl;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.titrate.reporting.api.ColumnType;
import org.titrate.reporting.api.Report;
import org.titrate.reporting.api.ReportColumn;

/**
 * Writes a table as CSV (UTF-8 with a byte order mark, so that Excel reads Chinese right) or as XLSX, streamed row by
 * row with fastexcel (a bounded number of rows in memory whatever the size; cell texts inline, so no table of them grows
 * with the rows): a bold header row, the first row frozen,
 * amounts and percentages as numbers with two decimals, dates as dates. The totals, when there are any, follow as
 * the last row.
 */
public final class Exports {
    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int FLUSH_EVERY = 1000;

    private Exports() {
    }

    /** {@code attachment} with an ASCII file name and, per RFC 5987, the UTF-8 one (the report's Chinese title and the period). */
    public static String contentDisposition(Report r, String extension) {
        String period = r.from() != null ? "_" + r.from() + "_" + r.to()
                : r.filters().containsKey("asOf") ? "_" + r.filters().get("asOf") : "";
        String ascii = r.name() + period + "." + extension;
        String title = r.title().split(" ")[0];
        String utf8 = URLEncoder.encode(title + "_" + r.name() + period + "." + extension, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8;
    }

    /** The format's media type: {@code csv} or {@code xlsx}. */
    public static String mediaType(String format) {
        return format.equals("csv") ? CSV + ";charset=UTF-8" : XLSX;
    }

    /**
     * Takes a report's rows one at a time and writes each at once, so an export holds no more rows than the writer's
     * buffer whatever the report's size: {@link #header} first, then {@link #row} per row, then {@link #finish} with the
     * totals (written as a last row under their columns when every total names a column).
     */
    public interface Writer {
        void header(List<ReportColumn> columns) throws IOException;

        void row(Map<String, Object> row) throws IOException;

        void finish(Map<String, Object> totals) throws IOException;
    }

    /** A writer of {@code format} ({@code csv} or {@code xlsx}) into {@code out}; {@code title} names the XLSX sheet. */
    public static Writer writer(String format, String title, OutputStream out) {
        return format.equals("csv") ? new CsvWriter(out) : new XlsxWriter(title, out);
    }

    /** A whole report, rows held in memory, as {@code format}. */
    public static void write(Report r, String format, OutputStream out) throws IOException {
        Writer w = writer(format, r.title(), out);
        w.header(r.columns());
        for (Map<String, Object> row : r.rows()) {
            w.row(row);
        }
        w.finish(r.totals());
    }

    private static final class CsvWriter implements Writer {
        private final java.io.Writer w;
        private List<ReportColumn> columns;

        CsvWriter(OutputStream out) {
            w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        public void header(List<ReportColumn> columns) throws IOException {
            this.columns = columns;
            w.write('\uFEFF');
            for (int i = 0; i < columns.size(); i++) {
                w.write((i == 0 ? "" : ",") + quote(columns.get(i).label()));
            }
            w.write("\r\n");
        }

        @Override
        public void row(Map<String, Object> row) throws IOException {
            for (int i = 0; i < columns.size(); i++) {
                Object v = row.get(columns.get(i).key());
                w.write((i == 0 ? "" : ",") + (v == null ? "" : quote(text(columns.get(i).type(), v))));
            }
            w.write("\r\n");
        }

        @Override
        public void finish(Map<String, Object> totals) throws IOException {
            if (totalsFit(columns, totals)) {
                row(totalsRow(columns, totals));
            }
            w.flush();
        }
    }

    private static String text(ColumnType type, Object v) {
        if (v instanceof BigDecimal b) {
            return (type == ColumnType.AMOUNT || type == ColumnType.PERCENT ? b.setScale(2, RoundingMode.HALF_UP) : b).toPlainString();
        }
        return v.toString();
    }

    private static String quote(String s) {
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return needs ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The totals are shown under their columns when there are some and every total names one of the columns. */
    private static boolean totalsFit(List<ReportColumn> columns, Map<String, Object> totals) {
        return totals != null && !totals.isEmpty() && columns.stream().map(ReportColumn::key).toList().containsAll(totals.keySet());
    }

    private static Map<String, Object> totalsRow(List<ReportColumn> columns, Map<String, Object> totals) {
        Map<String, Object> row = new java.util.LinkedHashMap<>(totals);
        ReportColumn first = columns.get(0);
        if (!row.containsKey(first.key())) {
            row.put(first.key(), "合计 Total");
        }
        return row;
    }

    private static final class XlsxWriter implements Writer {
        private final Workbook wb;
        private final Worksheet ws;
        private List<ReportColumn> columns;
        private int row = 1;

        XlsxWriter(String title, OutputStream out) {
            wb = new Workbook(out, "Titrate", "1.0");
            ws = wb.newWorksheet(sheetName(title));
        }

        @Override
        public void header(List<ReportColumn> columns) throws IOException {
            this.columns = columns;
            for (int c = 0; c < columns.size(); c++) {
                ws.value(0, c, columns.get(c).label());
                ws.style(0, c).bold().set();
            }
            ws.freezePane(0, 1);
        }

        @Override
        public void row(Map<String, Object> values) throws IOException {
            xlsxRow(ws, row++, columns, values);
            if (row % FLUSH_EVERY == 0) {
                ws.flush();
            }
        }

        @Override
        public void finish(Map<String, Object> totals) throws IOException {
            if (totalsFit(columns, totals)) {
                xlsxRow(ws, row, columns, totalsRow(columns, totals));
            }
            ws.finish();
            wb.finish();
        }
    }

    private static void xlsxRow(Worksheet ws, int row, List<ReportColumn> columns, Map<String, Object> values) {
        for (int c = 0; c < columns.size(); c++) {
            Object v = values.get(columns.get(c).key());
            ColumnType type = columns.get(c).type();
            if (v == null) {
                continue;
            }
            if (v instanceof BigDecimal b) {
                boolean money = type == ColumnType.AMOUNT || type == ColumnType.PERCENT;
                ws.value(row, c, money ? b.setScale(2, RoundingMode.HALF_UP) : b);
                if (money) {
                    ws.style(row, c).format("0.00").set();
                }
            } else if (v instanceof Number n) {
                ws.value(row, c, n);
            } else if (v instanceof LocalDate d) {
                ws.value(row, c, d);
                ws.style(row, c).format("yyyy-mm-dd").set();
            } else {
                // inline, not in the shared strings table, which fastexcel keeps in memory until the end
                ws.inlineString(row, c, v.toString());
            }
        }
    }

    /** Excel's sheet names: at most 31 characters, none of []:*?/\ . */
    private static String sheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
