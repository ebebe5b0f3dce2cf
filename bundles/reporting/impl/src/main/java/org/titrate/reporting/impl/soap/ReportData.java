package org.titrate.reporting.impl.soap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import org.titrate.reporting.api.Report;
import org.titrate.reporting.api.ReportColumn;

/**
 * A report on the wire: the period, the filters applied, the column keys, and each row (and the totals) as cells in
 * column order; numbers are plain decimals ({@code 1234.50}), dates {@code YYYY-MM-DD}, empty cells absent-valued.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "report", propOrder = {"name", "title", "from", "to", "filters", "columns", "rows", "totals"})
public class ReportData {
    public String name;
    public String title;
    @XmlSchemaType(name = "date")
    public String from;
    @XmlSchemaType(name = "date")
    public String to;
    @XmlElement(name = "filter")
    public List<Cell> filters = new ArrayList<>();
    @XmlElement(name = "column")
    public List<String> columns = new ArrayList<>();
    @XmlElement(name = "row")
    public List<Row> rows = new ArrayList<>();
    @XmlElement(name = "total")
    public List<Cell> totals = new ArrayList<>();

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "reportRow")
    public static class Row {
        @XmlElement(name = "cell")
        public List<Cell> cells = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "reportCell", propOrder = {"key", "value"})
    public static class Cell {
        public String key;
        public String value;

        static Cell of(String key, Object value) {
            Cell c = new Cell();
            c.key = key;
            c.value = value == null ? null : value instanceof BigDecimal b ? b.toPlainString() : value.toString();
            return c;
        }
    }

    static ReportData of(Report r) {
        ReportData d = new ReportData();
        d.name = r.name();
        d.title = r.title();
        d.from = r.from() == null ? null : r.from().toString();
        d.to = r.to() == null ? null : r.to().toString();
        r.filters().forEach((k, v) -> d.filters.add(Cell.of(k, v)));
        for (ReportColumn c : r.columns()) {
            d.columns.add(c.key());
        }
        for (Map<String, Object> values : r.rows()) {
            Row row = new Row();
            for (ReportColumn c : r.columns()) {
                row.cells.add(Cell.of(c.key(), values.get(c.key())));
            }
            d.rows.add(row);
        }
        r.totals().forEach((k, v) -> d.totals.add(Cell.of(k, v)));
        return d;
    }
}
