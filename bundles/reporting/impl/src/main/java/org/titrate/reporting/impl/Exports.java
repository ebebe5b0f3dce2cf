package org.titrate.reporting.impl;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
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
 * row with fastexcel (a bounded number of rows in memory whatever the size): a bold header row, the first row frozen,
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

    public static void csv(Report r, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write('\uFEFF');
        List<ReportColumn> columns = r.columns();
        for (int i = 0; i < columns.size(); i++) {
            w.write((i == 0 ? "" : ",") + quote(columns.get(i).label()));
        }
        w.write("\r\n");
        for (Map<String, Object> row : r.rows()) {
            csvLine(w, columns, row);
        }
        if (r.totals() != null && !r.totals().isEmpty() && totalsFit(r)) {
            csvLine(w, columns, totalsRow(r));
        }
        w.flush();
    }

    private static void csvLine(Writer w, List<ReportColumn> columns, Map<String, Object> row) throws IOException {
        for (int i = 0; i < columns.size(); i++) {
            Object v = row.get(columns.get(i).key());
            w.write((i == 0 ? "" : ",") + (v == null ? "" : quote(text(columns.get(i).type(), v))));
        }
        w.write("\r\n");
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

    /** The totals are shown under their columns when every total names one of them. */
    private static boolean totalsFit(Report r) {
        return r.columns().stream().map(ReportColumn::key).toList().containsAll(r.totals().keySet());
    }

    private static Map<String, Object> totalsRow(Report r) {
        Map<String, Object> row = new java.util.LinkedHashMap<>(r.totals());
        ReportColumn first = r.columns().get(0);
        if (!row.containsKey(first.key())) {
            row.put(first.key(), "合计 Total");
        }
        return row;
    }

    public static void xlsx(Report r, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Titrate", "1.0");
        Worksheet ws = wb.newWorksheet(sheetName(r.title()));
        List<ReportColumn> columns = r.columns();
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, columns.get(c).label());
            ws.style(0, c).bold().set();
        }
        ws.freezePane(0, 1);
        int row = 1;
        for (Map<String, Object> values : r.rows()) {
            xlsxRow(ws, row++, columns, values);
            if (row % FLUSH_EVERY == 0) {
                ws.flush();
            }
        }
        if (r.totals() != null && !r.totals().isEmpty() && totalsFit(r)) {
            xlsxRow(ws, row, columns, totalsRow(r));
        }
        ws.finish();
        wb.finish();
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
                ws.value(row, c, v.toString());
            }
        }
    }

    /** Excel's sheet names: at most 31 characters, none of []:*?/\ . */
    private static String sheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
