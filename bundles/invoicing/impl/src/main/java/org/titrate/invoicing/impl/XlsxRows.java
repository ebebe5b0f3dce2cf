package org.titrate.invoicing.impl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.titrate.platform.api.ValidationException;

/**
 * The cells of an XLSX file's first worksheet as text, row by row. Written on the JDK's zip and StAX readers
 * rather than POI: reading the three parts a worksheet's text lives in (workbook, shared strings, sheet) needs no
 * library, where POI would bring a dozen jars (XMLBeans among them, which loads its schemas by class loader and does
 * not resolve cleanly in OSGi) into the bundle. The file comes from a client, so it is bounded: the file at most
 * {@link #MAX_FILE} bytes (kept in a temporary file while read, then deleted), parts of interest at most {@link #MAX_PART} bytes unpacked (a zip bomb stops there), at most {@link #MAX_ROWS} rows, no DTDs or external
 * entities. A numeric cell is its stored text ({@code 1180}, {@code 46356} for a date); styles are not read.
 */
final class XlsxRows {
    static final int MAX_PART = 32 * 1024 * 1024;
    /** The REST layer's bound on a file body, again here for callers that are not the REST layer. */
    static final int MAX_FILE = 16 * 1024 * 1024;
    static final int MAX_ROWS = 20_000;
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** One row: its number as Excel shows it (1-based) and its cells by column index (0 = A); absent cells are null. */
    record Row(int number, List<String> cells) {
        String cell(int column) {
            return column < cells.size() ? cells.get(column) : null;
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    private XlsxRows() {
    }

    /** The rows of the first worksheet; a 400 naming {@code field} when the body is no readable XLSX file. */
    static List<Row> read(InputStream in, String field) {
        try {
            return parts(in, field);
        } catch (IllegalArgumentException e) {
            // a malformed entry name, row number or shared-string index: the file is broken, not the server
            throw new ValidationException(field, "is not a readable XLSX file (" + e.getMessage() + ")");
        }
    }

    private static List<Row> parts(InputStream in, String field) {
        Map<String, byte[]> parts = new HashMap<>();
        // Read from the central directory, not the stream: writers that stream (fastexcel's, ours) leave the sizes out of
        // the entries' local headers, which java.util.zip's ZipInputStream then refuses.
        Path file = null;
        try {
            file = Files.createTempFile("titrate-import-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                copyAtMost(in, out, MAX_FILE, field);
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
                    ZipEntry e = all.nextElement();
                    String name = e.getName();
                    if (name.equals("xl/workbook.xml") || name.equals("xl/_rels/workbook.xml.rels") || name.equals("xl/sharedStrings.xml")
                            || name.startsWith("xl/worksheets/") && name.endsWith(".xml")) {
                        try (InputStream part = zip.getInputStream(e)) {
                            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                            copyAtMost(part, bytes, MAX_PART, field);
                            parts.put(name, bytes.toByteArray());
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw new ValidationException(field, "is not an XLSX file (not a readable zip: " + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ValidationException(field, "could not be read: " + e.getMessage());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind is removed with the JVM's temporary directory
                }
            }
        }
        if (!parts.containsKey("xl/workbook.xml")) {
            throw new ValidationException(field, "is not an XLSX file (no xl/workbook.xml): export the list from the tax system as Excel (.xlsx)");
        }
        try {
            String sheet = firstSheet(parts);
            byte[] xml = parts.get(sheet);
            if (xml == null) {
                throw new ValidationException(field, "names a first worksheet (" + sheet + ") that the file does not contain");
            }
            return rows(xml, sharedStrings(parts.get("xl/sharedStrings.xml")), field);
        } catch (XMLStreamException e) {
            throw new ValidationException(field, "is not an XLSX file (broken XML: " + e.getMessage() + ")");
        }
    }

    private static void copyAtMost(InputStream in, OutputStream out, long limit, String field) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limit) {
                throw new ValidationException(field, "is larger than " + limit / (1024 * 1024) + " MiB (unpacked parts included)");
            }
            out.write(buffer, 0, n);
        }
    }

    /** The worksheet part of the workbook's first sheet (its relationship target), sheet1.xml when unnamed. */
    private static String firstSheet(Map<String, byte[]> parts) throws XMLStreamException {
        String relId = null;
        XMLStreamReader r = XML.createXMLStreamReader(new ByteArrayInputStream(parts.get("xl/workbook.xml")));
        while (r.hasNext() && relId == null) {
            if (r.next() == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("sheet")) {
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    if (r.getAttributeLocalName(i).equals("id")) {
                        relId = r.getAttributeValue(i);
                    }
                }
            }
        }
        byte[] rels = parts.get("xl/_rels/workbook.xml.rels");
        if (relId != null && rels != null) {
            r = XML.createXMLStreamReader(new ByteArrayInputStream(rels));
            while (r.hasNext()) {
                if (r.next() == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("Relationship")
                        && relId.equals(r.getAttributeValue(null, "Id"))) {
                    String target = r.getAttributeValue(null, "Target");
                    return target.startsWith("/") ? target.substring(1) : "xl/" + target;
                }
            }
        }
        return "xl/worksheets/sheet1.xml";
    }

    /** The shared strings in order; a rich-text string is its runs' text joined (phonetic guides left out). */
    private static List<String> sharedStrings(byte[] xml) throws XMLStreamException {
        List<String> strings = new ArrayList<>();
        if (xml == null) {
            return strings;
        }
        XMLStreamReader r = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
        StringBuilder text = null;
        int phonetic = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "si" -> text = new StringBuilder();
                    case "rPh" -> phonetic++;
                    case "t" -> {
                        String t = r.getElementText();
                        if (text != null && phonetic == 0) {
                            text.append(t);
                        }
                    }
                    default -> { }
                }
            } else if (event == XMLStreamReader.END_ELEMENT) {
                if (r.getLocalName().equals("si") && text != null) {
                    strings.add(text.toString());
                    text = null;
                } else if (r.getLocalName().equals("rPh")) {
                    phonetic--;
                }
            }
        }
        return strings;
    }

    private static List<Row> rows(byte[] xml, List<String> shared, String field) throws XMLStreamException {
        List<Row> rows = new ArrayList<>();
        XMLStreamReader r = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
        List<String> cells = null;
        int rowNumber = 0;
        int column = 0;
        String type = null;
        StringBuilder value = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "row" -> {
                        String n = r.getAttributeValue(null, "r");
                        rowNumber = n != null ? Integer.parseInt(n) : rowNumber + 1;
                        if (rows.size() >= MAX_ROWS) {
                            throw new ValidationException(field, "has more than " + MAX_ROWS + " rows: split the export by period");
                        }
                        cells = new ArrayList<>();
                        column = 0;
                    }
                    case "c" -> {
                        String ref = r.getAttributeValue(null, "r");
                        if (ref != null) {
                            column = columnIndex(ref);
                        }
                        type = r.getAttributeValue(null, "t");
                        value = new StringBuilder();
                    }
                    case "v", "t" -> {
                        String t = r.getElementText();
                        if (value != null) {
                            value.append(t);
                        }
                    }
                    default -> { }
                }
            } else if (event == XMLStreamReader.END_ELEMENT) {
                if (r.getLocalName().equals("c") && cells != null && value != null) {
                    String v = value.toString();
                    if ("s".equals(type) && !v.isEmpty()) {
                        int i = Integer.parseInt(v.strip());
                        v = i >= 0 && i < shared.size() ? shared.get(i) : null;
                    } else if ("b".equals(type)) {
                        v = "1".equals(v) ? "TRUE" : "FALSE";
                    }
                    while (cells.size() <= column) {
                        cells.add(null);
                    }
                    cells.set(column, v);
                    column++;
                    value = null;
                } else if (r.getLocalName().equals("row") && cells != null) {
                    rows.add(new Row(rowNumber, cells));
                    cells = null;
                }
            }
        }
        return rows;
    }

    /** {@code C5} → 2. */
    static int columnIndex(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }

    /** 2 → {@code C}. */
    static String columnName(int index) {
        StringBuilder b = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            b.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return b.toString();
    }
}
