package org.titrate.invoicing.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.titrate.platform.api.ValidationException;

/**
 * The tax system's export of issued invoices (发票查询 → 导出, the e-invoicing platform's or the older 开票软件's
 * Excel list): a header row, possibly after a title, then one row per invoice. Columns are found by their Chinese
 * header, in any order and under the names both systems use; the ones read are {@link Column}. A paper invoice has a
 * 发票代码 and an 8-digit 发票号码, an all-electronic one a 20-digit 数电票号码 (older lists put it under 发票号码).
 */
final class TaxExport {
    private static final Pattern REQUEST = Pattern.compile("IV-\\d{4}-\\d{6}");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/年.]\\s*(\\d{1,2})\\s*[-/月.]\\s*(\\d{1,2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(\\.\\d+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final int HEADER_SEARCH = 20;

    /** The columns read, each with the header names it goes by (without spaces and asterisks). */
    enum Column {
        CODE("发票代码"),
        NUMBER("发票号码"),
        DIGITAL("数电票号码", "数电发票号码", "全电发票号码", "数电号码"),
        DATE("开票日期"),
        BUYER("购买方名称", "购方名称", "购货方名称"),
        TAX_ID("购买方纳税人识别号", "购方识别号", "购买方识别号", "购方纳税人识别号", "购方税号", "购买方统一社会信用代码/纳税人识别号"),
        AMOUNT("金额", "合计金额"),
        TAX("税额", "合计税额"),
        TOTAL("价税合计", "价税合计金额"),
        REMARKS("备注"),
        STATUS("发票状态");

        final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }
    }

    /** A data row: what it says, or the first thing wrong with it ({@code errorColumn}, {@code error}). */
    record Entry(int row, String invoiceNumber, String invoiceCode, LocalDate issueDate, String buyerTaxId, BigDecimal amount,
            BigDecimal tax, BigDecimal total, String requestNumber, boolean voided, String errorColumn, String error) {
    }

    /** Thrown inside a row's parsing: the column's header and what is wrong. */
    private static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String column;

        Bad(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    private final Map<Column, Integer> columns = new EnumMap<>(Column.class);
    private final Map<Column, String> headers = new EnumMap<>(Column.class);

    private TaxExport() {
    }

    /** The data rows after the header row (blank rows and a 合计 total row left out); a 400 naming {@code field} without one. */
    static List<Entry> parse(List<XlsxRows.Row> rows, String field) {
        TaxExport t = new TaxExport();
        int header = -1;
        for (int i = 0; i < Math.min(rows.size(), HEADER_SEARCH) && header < 0; i++) {
            if (t.header(rows.get(i))) {
                header = i;
            }
        }
        if (header < 0) {
            throw new ValidationException(field, "has no header row naming 开票日期 and 发票号码 or 数电票号码 in its first " + HEADER_SEARCH
                    + " rows: import the tax system's export of issued invoices (发票查询 → 导出)");
        }
        List<Entry> entries = new ArrayList<>();
        for (XlsxRows.Row r : rows.subList(header + 1, rows.size())) {
            if (r.blank() || isTotalRow(r)) {
                continue;
            }
            entries.add(t.entry(r));
        }
        return entries;
    }

    private boolean header(XlsxRows.Row r) {
        columns.clear();
        headers.clear();
        for (int c = 0; c < r.cells().size(); c++) {
            String h = r.cell(c) == null ? "" : r.cell(c).replaceAll("[\\s*＊]", "");
            for (Column col : Column.values()) {
                if (col.names.contains(h) && !columns.containsKey(col)) {
                    columns.put(col, c);
                    headers.put(col, r.cell(c).strip());
                }
            }
        }
        return columns.containsKey(Column.DATE) && (columns.containsKey(Column.NUMBER) || columns.containsKey(Column.DIGITAL));
    }

    private static boolean isTotalRow(XlsxRows.Row r) {
        String first = r.cells().stream().filter(c -> c != null && !c.isBlank()).findFirst().orElse("").strip();
        return first.equals("合计") || first.equals("总计");
    }

    private String text(XlsxRows.Row r, Column c) {
        Integer i = columns.get(c);
        String v = i == null ? null : r.cell(i);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private String name(Column c) {
        return headers.getOrDefault(c, c.names.get(0));
    }

    private Entry entry(XlsxRows.Row r) {
        String remarks = text(r, Column.REMARKS);
        Matcher m = remarks == null ? null : REQUEST.matcher(remarks);
        String request = m != null && m.find() ? m.group() : null;
        String status = text(r, Column.STATUS);
        try {
            String digital = digits(r, Column.DIGITAL, 0);
            String number = digital != null ? digital : digits(r, Column.NUMBER, 8);
            if (number == null) {
                throw new Bad(name(columns.containsKey(Column.NUMBER) ? Column.NUMBER : Column.DIGITAL), "is empty: the row names no invoice");
            }
            String code = digital != null ? null : digits(r, Column.CODE, 0);
            if (code != null && (code.length() == 9 || code.length() == 11)) {
                code = "0" + code; // a code kept as a number lost its leading zero (electronic ordinary invoices' codes start with 0)
            }
            return new Entry(r.number(), number, code, date(r), text(r, Column.TAX_ID), money(r, Column.AMOUNT), money(r, Column.TAX),
                    money(r, Column.TOTAL), request, status != null && status.contains("作废"), null, null);
        } catch (Bad e) {
            return new Entry(r.number(), null, null, null, null, null, null, null, request, false, e.column, e.getMessage());
        }
    }

    /** The digits of an invoice number or code; a number the spreadsheet kept as a number lost leading zeros up to {@code width}. */
    private String digits(XlsxRows.Row r, Column c, int width) {
        String v = text(r, c);
        if (v == null) {
            return null;
        }
        if (v.matches("[0-9.]+[eE][+-]?[0-9]+")) {
            throw new Bad(name(c), "holds " + v + ", a number Excel shortened: its digits are lost; format the column as text in the tax"
                    + " system's export");
        }
        String d = v.endsWith(".0") ? v.substring(0, v.length() - 2) : v;
        if (!d.matches("[0-9]+")) {
            throw new Bad(name(c), "must hold digits only, not " + v);
        }
        while (d.length() < width) {
            d = "0" + d;
        }
        return d;
    }

    private LocalDate date(XlsxRows.Row r) {
        String v = text(r, Column.DATE);
        if (v == null) {
            throw new Bad(name(Column.DATE), "is empty");
        }
        try {
            if (SERIAL.matcher(v).matches()) {
                return EXCEL_EPOCH.plusDays(new BigDecimal(v).longValue());
            }
            Matcher m = DATE.matcher(v);
            if (m.lookingAt()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
        } catch (DateTimeException e) {
            throw new Bad(name(Column.DATE), "is no date: " + v);
        }
        throw new Bad(name(Column.DATE), "is no date: " + v + " (expected 2026-11-30, 2026年11月30日 or a date cell)");
    }

    private BigDecimal money(XlsxRows.Row r, Column c) {
        String v = text(r, c);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", "").replace("¥", "").replace("￥", "").strip()).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw new Bad(name(c), "is no amount: " + v);
        }
    }
}
