package org.titrate.invoicing.impl;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.titrate.invoicing.api.Invoice;
import org.titrate.invoicing.api.InvoiceLine;

/**
 * Invoice requests as the tax system's batch import reads them (批量导入): one row per invoice line, the request's
 * number and buyer repeated on each, then the goods columns the import expects (商品名称, 税收分类编码, 规格型号, 单位, 数量,
 * 单价, 金额, 税率, 税额). The price is tax-inclusive (含税标志 1 on every row); amount and tax are the rounded line values.
 * 备注 carries the request number: the tax system prints it on the invoice and lists it in its export of issued
 * invoices, which is how importing that export ({@link TaxExport}) finds the request again.
 */
public final class InvoiceSheet {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> COLUMNS = List.of("单据编号 Request", "发票类型 Type", "购买方名称 Buyer", "购买方纳税人识别号 Tax id",
            "购买方地址电话 Address and phone", "购买方开户行及账号 Bank and account", "原发票号码 Original invoice", "红字原因 Reason",
            "商品名称 Product", "税收分类编码 Classification code", "规格型号 Specification", "单位 Unit", "数量 Quantity",
            "单价 Price", "含税标志 Price incl. tax", "金额 Amount", "税率 Rate", "税额 Tax", "备注 Remarks");

    private InvoiceSheet() {
    }

    public static void write(List<Invoice> invoices, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Titrate", "1.0");
        Worksheet ws = wb.newWorksheet("发票导入");
        for (int c = 0; c < COLUMNS.size(); c++) {
            ws.value(0, c, COLUMNS.get(c));
            ws.style(0, c).bold().set();
        }
        ws.freezePane(0, 1);
        int row = 1;
        for (Invoice i : invoices) {
            for (InvoiceLine l : i.lines()) {
                Object[] values = {i.number(), i.type().name(), i.buyerName(), i.buyerTaxId(), i.buyerAddressPhone(), i.buyerBankAccount(),
                    i.originalNumber(), i.reason(), l.productName(), l.taxCode(), l.specification(), l.unit(), l.quantity(), l.unitPrice(), 1,
                    l.amount(), l.taxRate(), l.tax(), i.number()};
                for (int c = 0; c < values.length; c++) {
                    Object v = values[c];
                    if (v instanceof Number n) {
                        ws.value(row, c, n);
                    } else if (v != null) {
                        ws.inlineString(row, c, v.toString());
                    }
                }
                row++;
            }
            ws.flush();
        }
        ws.finish();
        wb.finish();
    }
}
