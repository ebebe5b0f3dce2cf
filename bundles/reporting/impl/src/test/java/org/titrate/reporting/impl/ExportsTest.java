package org.titrate.reporting.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;
import org.titrate.reporting.api.ColumnType;
import org.titrate.reporting.api.Report;

public class ExportsTest {

    @Test
    public void aTableWithAnExportKeepsNoRowsAndWritesThemWithTheTotalsLast() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Table t = new Table(Exports.writer("csv", "测试 Test", out));
        t.column("sku", "产品 Product", ColumnType.TEXT).column("quantity", "数量 Qty", ColumnType.QUANTITY)
                .column("amount", "金额 Amount", ColumnType.AMOUNT);
        t.row("NAOH-25", new BigDecimal("2.5"), new BigDecimal("10.1"));
        t.row("IPA,160", new BigDecimal("1"), new BigDecimal("0.005"));
        Report r = t.report("x", "测试 Test", null, java.util.Map.of(), t.sums(), null);
        assertTrue(r.rows().isEmpty());
        assertEquals(new BigDecimal("10.11"), ((BigDecimal) r.totals().get("amount")).setScale(2, java.math.RoundingMode.HALF_UP));
        byte[] bytes = out.toByteArray();
        assertEquals((byte) 0xEF, bytes[0]);
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertEquals(List.of("产品 Product,数量 Qty,金额 Amount", "NAOH-25,2.5,10.10", "\"IPA,160\",1,0.01", "合计 Total,3.5,10.11"),
                List.of(lines));
    }

    @Test
    public void aTableWithoutAnExportKeepsItsRowsAndSumsThem() {
        Table t = new Table().column("quantity", "数量 Qty", ColumnType.QUANTITY).column("days", "天 Days", ColumnType.INTEGER);
        t.row(new BigDecimal("1.5"), 3);
        t.row(null, 4);
        assertEquals(2, t.report("x", "x", null, java.util.Map.of(), t.sums(), null).rows().size());
        assertEquals(new BigDecimal("1.5"), t.sums().get("quantity"));
        assertNull(t.sums().get("days"));
    }

    @Test
    public void leadTimesAverageOverTheReturnsThatHaveThem() {
        ReportEngine.LeadTimes l = new ReportEngine.LeadTimes();
        l.returns.put("RT-1", new Long[] {2L, 5L});
        l.returns.put("RT-2", new Long[] {3L, null});
        assertEquals(new BigDecimal("2.5"), l.toReceipt());
        assertEquals(new BigDecimal("5.0"), l.toRefund());
        assertNull(new ReportEngine.LeadTimes().toRefund());
    }
}
