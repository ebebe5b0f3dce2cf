package org.titrate.invoicing.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;
import org.titrate.platform.api.ValidationException;

/** The tax system's export of issued invoices, as Excel writes it (built with POI), read row by row. */
public class TaxExportTest {

    private static byte[] workbook(Object[]... rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("说明");
            Sheet sheet = wb.createSheet("发票基础信息");
            wb.setSheetOrder("发票基础信息", 0);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            for (int i = 0; i < rows.length; i++) {
                Row row = sheet.createRow(i);
                for (int c = 0; c < rows[i].length; c++) {
                    Object v = rows[i][c];
                    if (v instanceof String s) {
                        row.createCell(c).setCellValue(s);
                    } else if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDateTime t) {
                        row.createCell(c).setCellValue(t);
                        row.getCell(c).setCellStyle(date);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static final Object[] HEADER = {"序号", "发票代码", "发票号码", "数电票号码", "销方识别号", "销方名称", "购方识别号", "购买方名称",
        "开票日期", "金额", "税额", "价税合计", "发票状态", "备注"};

    private static List<TaxExport.Entry> parse(byte[] xlsx) {
        return TaxExport.parse(XlsxRows.read(new ByteArrayInputStream(xlsx), "file"), "file");
    }

    @Test
    public void rowsAreReadUnderTheirChineseHeadersAfterATitle() throws IOException {
        byte[] xlsx = workbook(new Object[] {"发票基础信息 2026年11月"}, HEADER,
                new Object[] {1, "032001900111", "01234567", "", "91320282MA1X", "无锡化工 有限公司", "91310000607216596u",
                    "常州强力电子新材料股份有限公司", LocalDateTime.of(2026, 11, 30, 10, 15), 313.27, 40.73, 354, "正常", "IV-2026-000042 十月货款"},
                new Object[] {2, "", "", "26322000000012345678", "", "", "91310000607216596U", "常州强力", "2026-11-29 09:00:00", "501.42",
                    "65.19", "566.61", "正常", ""},
                new Object[] {3, "", "1234567", "", "", "", "", "", "2026年11月28日", -10, -1.3, -11.3, "作废", ""},
                new Object[] {4, "", "", "", "", "", "", "", "三十日", 1, 0.13, 1.13, "正常", ""},
                new Object[] {},
                new Object[] {"合计", "", "", "", "", "", "", "", "", 804.69, 104.62, 909.31});
        List<TaxExport.Entry> rows = parse(xlsx);
        assertEquals(rows.toString(), 4, rows.size());
        TaxExport.Entry paper = rows.get(0);
        assertEquals(3, paper.row());
        assertEquals("01234567", paper.invoiceNumber());
        assertEquals("032001900111", paper.invoiceCode());
        assertEquals(LocalDate.of(2026, 11, 30), paper.issueDate());
        assertEquals(new BigDecimal("313.27"), paper.amount());
        assertEquals(new BigDecimal("354.00"), paper.total());
        assertEquals("IV-2026-000042", paper.requestNumber());
        assertEquals("91310000607216596u", paper.buyerTaxId());
        TaxExport.Entry digital = rows.get(1);
        assertEquals("26322000000012345678", digital.invoiceNumber());
        assertNull(digital.invoiceCode());
        assertEquals(LocalDate.of(2026, 11, 29), digital.issueDate());
        assertNull(digital.requestNumber());
        // A number kept as a number lost its leading zero; a voided one is marked.
        assertEquals("01234567", rows.get(2).invoiceNumber());
        assertTrue(rows.get(2).voided());
        assertEquals(LocalDate.of(2026, 11, 28), rows.get(2).issueDate());
        TaxExport.Entry bad = rows.get(3);
        assertEquals(6, bad.row());
        assertEquals("发票号码", bad.errorColumn());
        assertTrue(bad.error(), bad.error().contains("empty"));
    }

    @Test
    public void aBadDateNamesItsColumn() throws IOException {
        List<TaxExport.Entry> rows = parse(workbook(HEADER, new Object[] {1, "", "", "26322000000012345678", "", "", "", "", "三十日"}));
        assertEquals("开票日期", rows.get(0).errorColumn());
        assertEquals(2, rows.get(0).row());
        rows = parse(workbook(HEADER, new Object[] {1, "", "", "2.6322E+19", "", "", "", "", "2026-11-30"}));
        assertEquals("数电票号码", rows.get(0).errorColumn());
        assertTrue(rows.get(0).error(), rows.get(0).error().contains("text"));
    }

    @Test
    public void whatIsNoExportIsRefusedNamingTheFile() throws IOException {
        for (byte[] bad : List.of("发票号码,开票日期\n1,2".getBytes(StandardCharsets.UTF_8), new byte[0],
                workbook(new Object[] {"商品名称", "数量"}, new Object[] {"纯碱", 1}))) {
            try {
                parse(bad);
                fail("read " + new String(bad, StandardCharsets.UTF_8));
            } catch (ValidationException e) {
                assertEquals("file", e.errors().get(0).field());
            }
        }
    }

    @Test
    public void columnsAreNamedAsExcelNamesThem() {
        assertEquals(0, XlsxRows.columnIndex("A1"));
        assertEquals(27, XlsxRows.columnIndex("AB12"));
        assertEquals("AB", XlsxRows.columnName(27));
        assertEquals("Z", XlsxRows.columnName(25));
    }
}
