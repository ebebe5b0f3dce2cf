package org.titrate.platform.api.shell;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The table every {@code titrate:} shell command prints: Karaf's {@code TextTable} look (columns
 * separated by "│", the header underlined), with widths counted in terminal columns by
 * {@link DisplayWidth}, so Chinese names and the columns after them line up. Same calls as
 * {@code TextTable}: {@code column("Name")}, {@code alignRight()}, {@code maxSize(n)},
 * {@code addRow().addContent(...)}, {@code print(System.out)}.
 */
public final class TextTable {
    private static final String SEPARATOR = " │ ";
    private final List<Column> columns = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    public Column column(String header) {
        Column c = new Column(header);
        columns.add(c);
        return c;
    }

    public Row addRow() {
        Row r = new Row();
        rows.add(r);
        return r;
    }

    public void print(PrintStream out) {
        out.print(render());
        out.flush();
    }

    /** The table as text, one line per row after the header and its rule, each line ending in a newline. */
    public String render() {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = DisplayWidth.of(columns.get(i).header);
            for (Row r : rows) {
                widths[i] = Math.max(widths[i], DisplayWidth.of(cell(r, i)));
            }
        }
        StringBuilder b = new StringBuilder();
        List<String> headers = new ArrayList<>();
        columns.forEach(c -> headers.add(c.header));
        line(b, headers, widths);
        for (int i = 0; i < widths.length; i++) {
            b.append(i == 0 ? "" : "─┼─").append("─".repeat(widths[i]));
        }
        b.append('\n');
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                cells.add(cell(r, i));
            }
            line(b, cells, widths);
        }
        return b.toString();
    }

    private void line(StringBuilder b, List<String> cells, int[] widths) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String text = cells.get(i);
            String pad = " ".repeat(widths[i] - DisplayWidth.of(text));
            l.append(i == 0 ? "" : SEPARATOR).append(columns.get(i).right ? pad + text : text + pad);
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    private String cell(Row r, int i) {
        Object value = i < r.cells.size() ? r.cells.get(i) : null;
        // Instants are shown as the business reads them (its time zone), not in UTC.
        String raw = value instanceof java.time.Instant at ? ShellInput.time(at) : value == null ? "" : value.toString();
        String text = raw.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        Column c = columns.get(i);
        return c.maxSize > 0 ? DisplayWidth.truncate(text, c.maxSize) : text;
    }

    /** A column: left-aligned unless {@link #alignRight()}, unlimited unless {@link #maxSize(int)}. */
    public static final class Column {
        private final String header;
        private boolean right;
        private int maxSize;

        private Column(String header) {
            this.header = header;
        }

        public Column alignRight() {
            right = true;
            return this;
        }

        /** Cuts longer cells to this many terminal columns, marking the cut with "…". */
        public Column maxSize(int columns) {
            maxSize = columns;
            return this;
        }
    }

    /** A row; cells beyond the columns are ignored, missing ones print empty. */
    public static final class Row {
        private final List<Object> cells = new ArrayList<>();

        public Row addContent(Object... values) {
            cells.addAll(java.util.Arrays.asList(values));
            return this;
        }
    }
}
