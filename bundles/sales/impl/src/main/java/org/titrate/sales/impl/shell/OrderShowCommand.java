package org.titrate.sales.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.ShellInput;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.sales.api.DocumentWarning;
import org.titrate.sales.api.OrderLine;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.SalesOrderService;
import org.titrate.sales.api.StatusChange;
import org.titrate.platform.api.licensing.Entitlements;

@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@Command(scope = "titrate", name = "order-show", description = "Shows a sales or return order with its lines and history",
        detailedDescription = "查看一张销售订单或退货单的明细行和历史")
@Service
public class OrderShowCommand implements Action {

    /** Read at each run: a module that is not licensed refuses its commands (docs/licensing.md). */
    @Reference(optional = true)
    private Entitlements entitlements;

    @Argument(index = 0, name = "number", description = "Document number (SO-…, RO-…) or id", required = true)
    private String number;

    @Reference
    private SalesOrderService orders;

    @Override
    public Object execute() {
        Entitlements.require(entitlements, "sales", false);
        print(ShellInput.find(number, orders::get));
        return null;
    }

    static void print(SalesOrder o) {
        System.out.println(o.number() + "  " + o.type() + "  " + o.status() + "  " + o.orderDate());
        System.out.println("Customer:  " + o.customerCode() + " " + o.customerName() + " (" + o.channel() + ")");
        if (o.warehouseCode() != null) {
            System.out.println("Warehouse: " + o.warehouseCode());
        }
        if (o.sourceOrderNumber() != null) {
            System.out.println("Source:    " + o.sourceOrderNumber());
        }
        if (o.trackingNumber() != null) {
            System.out.println("Return shipment: " + o.carrier() + " " + o.trackingNumber());
        }
        if (o.comment() != null) {
            System.out.println("Comment:   " + o.comment());
        }
        o.customFields().forEach((k, v) -> System.out.println(k + ": " + v));
        TextTable lines = new TextTable();
        lines.column("#").alignRight();
        lines.column("SKU");
        lines.column("Product");
        lines.column("Dir");
        lines.column("Qty").alignRight();
        lines.column("Unit");
        lines.column("Price").alignRight();
        lines.column("Amount").alignRight();
        lines.column("Lot");
        lines.column("Reason");
        for (OrderLine l : o.lines()) {
            lines.addRow().addContent(l.lineNo(), l.sku(), l.productName(), l.direction(), l.quantity().toPlainString(), l.unit(),
                    l.unitPrice().toPlainString(), l.amount().toPlainString(), nz(l.lot()), nz(l.reasonCode()));
        }
        lines.print(System.out);
        for (DocumentWarning w : o.warnings()) {
            System.out.println("WARNING " + w.field() + " " + w.code() + ": " + w.message());
        }
        System.out.println("Total " + o.totalAmount().toPlainString() + " " + o.currency() + " (shipped " + o.shippedAmount().toPlainString()
                + ", returned " + o.returnedAmount().toPlainString() + "); paid " + o.paidAmount().toPlainString() + ", outstanding "
                + o.outstandingAmount().toPlainString());
        TextTable history = new TextTable();
        history.column("When");
        history.column("Who");
        history.column("Action");
        history.column("From");
        history.column("To");
        history.column("Comment");
        for (StatusChange c : o.history()) {
            history.addRow().addContent(c.at(), c.by(), c.action(), c.fromStatus() == null ? "" : c.fromStatus(), c.toStatus(),
                    nz(c.comment()));
        }
        history.print(System.out);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
