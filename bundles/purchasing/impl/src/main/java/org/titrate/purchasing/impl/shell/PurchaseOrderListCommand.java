package org.titrate.purchasing.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.ShellInput;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.purchasing.api.PurchaseList;
import org.titrate.purchasing.api.PurchaseOrder;
import org.titrate.purchasing.api.PurchaseOrderService;
import org.titrate.purchasing.api.PurchaseQuery;
import org.titrate.purchasing.api.PurchaseStatus;
import org.titrate.purchasing.api.PurchaseType;
import org.titrate.platform.api.licensing.Entitlements;

@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@Command(scope = "titrate", name = "purchase-order-list", description = "Lists purchase orders and purchase returns, newest first",
        detailedDescription = "列出采购订单和采购退货单，最新的在前")
@Service
public class PurchaseOrderListCommand implements Action {

    /** Read at each run: a module that is not licensed refuses its commands (docs/licensing.md). */
    @Reference(optional = true)
    private Entitlements entitlements;

    @Option(name = "-t", aliases = "--type", description = "ORDER or RETURN")
    @Completion(value = StringsCompleter.class, values = {"ORDER", "RETURN"})
    private String type;

    @Option(name = "-s", aliases = "--status", description = "Document status, e.g. CONFIRMED")
    private String status;

    @Option(name = "--supplier", description = "Supplier code")
    private String supplier;

    @Option(name = "--from", description = "First order date (YYYY-MM-DD)")
    private String from;

    @Option(name = "--to", description = "Last order date (YYYY-MM-DD)")
    private String to;

    @Option(name = "-n", aliases = "--limit", description = "At most this many rows (1-500)")
    private String limit;

    @Reference
    private PurchaseOrderService orders;

    @Override
    public Object execute() {
        Entitlements.require(entitlements, "purchasing", false);
        Check check = new Check();
        java.time.LocalDate[] range = check.dateRange(from, to);
        Integer max = check.integer("limit", limit, 1, PageRequest.MAX_LIMIT);
        check.throwIfInvalid();
        PurchaseList list = orders.find(new PurchaseQuery(ShellInput.choice("--type", type, PurchaseType.class),
                ShellInput.choice("--status", status, PurchaseStatus.class), supplier == null ? null : supplier.strip().toUpperCase(java.util.Locale.ROOT),
                range[0], range[1], null, new PageRequest(0, max == null ? PageRequest.DEFAULT_LIMIT : max)));
        TextTable table = new TextTable();
        table.column("Number");
        table.column("Type");
        table.column("Status");
        table.column("Date");
        table.column("Supplier");
        table.column("Warehouse");
        table.column("Total").alignRight();
        table.column("Cur");
        for (PurchaseOrder o : list.items()) {
            table.addRow().addContent(o.number(), o.type(), o.status(), o.orderDate(), o.supplierCode() + " " + o.supplierName(),
                    o.warehouseCode(), o.totalAmount().toPlainString(), o.currency());
        }
        table.print(System.out);
        System.out.println(list.items().size() + " of " + list.total() + " documents");
        return null;
    }
}
