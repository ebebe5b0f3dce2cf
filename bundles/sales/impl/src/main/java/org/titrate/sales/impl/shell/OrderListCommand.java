package org.titrate.sales.impl.shell;

import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.ShellInput;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.sales.api.OrderList;
import org.titrate.sales.api.OrderQuery;
import org.titrate.sales.api.OrderStatus;
import org.titrate.sales.api.OrderTotals;
import org.titrate.sales.api.OrderType;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.SalesOrderService;
import org.titrate.platform.api.licensing.Entitlements;

@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@Command(scope = "titrate", name = "order-list", description = "Lists sales and return orders, newest first, with net totals",
        detailedDescription = "列出销售订单和退货单，最新的在前，带净额合计")
@Service
public class OrderListCommand implements Action {

    /** Read at each run: a module that is not licensed refuses its commands (docs/licensing.md). */
    @Reference(optional = true)
    private Entitlements entitlements;

    @Option(name = "-t", aliases = "--type", description = "ORDER or RETURN")
    @Completion(value = StringsCompleter.class, values = {"ORDER", "RETURN"})
    private String type;

    @Option(name = "-s", aliases = "--status", description = "Document status, e.g. CONFIRMED or SUBMITTED")
    @Completion(value = StringsCompleter.class, values = {"DRAFT", "CONFIRMED", "SHIPPED", "CANCELLED", "SUBMITTED", "APPROVED",
            "REJECTED", "RECEIVED", "CLOSED"})
    private String status;

    @Option(name = "-c", aliases = "--customer", description = "Customer code")
    @Completion(CustomerCodeCompleter.class)
    private String customer;

    @Option(name = "--from", description = "First order date (YYYY-MM-DD)")
    private String from;

    @Option(name = "--to", description = "Last order date (YYYY-MM-DD)")
    private String to;

    @Option(name = "-q", aliases = "--query", description = "Text in number, customer name, source order or tracking number")
    private String query;

    @Option(name = "--salesperson", description = "Employee code of the salesperson")
    private String salesperson;

    @Option(name = "--contract", description = "Contract number the orders are made under")
    private String contract;

    @Option(name = "-n", aliases = "--limit", description = "At most this many rows (1-500)")
    private int limit = 50;

    @Reference
    private SalesOrderService orders;

    @Override
    public Object execute() {
        Entitlements.require(entitlements, "sales", false);
        org.titrate.platform.api.Check check = new org.titrate.platform.api.Check();
        java.time.LocalDate[] range = check.dateRange(from, to);
        check.throwIfInvalid();
        OrderList list = orders.find(new OrderQuery(ShellInput.choice("--type", type, OrderType.class),
                ShellInput.choice("--status", status, OrderStatus.class), customer, null, null, range[0], range[1], query, Map.of(),
                new PageRequest(0, limit), salesperson, contract));
        TextTable table = new TextTable();
        table.column("Number");
        table.column("Type");
        table.column("Status");
        table.column("Date");
        table.column("Customer");
        table.column("Lines").alignRight();
        table.column("Total").alignRight();
        table.column("Cur");
        for (SalesOrder o : list.items()) {
            table.addRow().addContent(o.number(), o.type(), o.status(), o.orderDate(), o.customerCode() + " " + o.customerName(),
                    o.lines().size(), o.totalAmount().toPlainString(), o.currency());
        }
        table.print(System.out);
        OrderTotals t = list.totals();
        String sums = t.currency() != null || list.totalsByCurrency().isEmpty()
                ? "shipped " + t.shippedAmount().toPlainString() + ", returned " + t.returnedAmount().toPlainString() + ", net "
                        + t.netAmount().toPlainString() + (t.currency() == null ? "" : " " + t.currency())
                : list.totalsByCurrency().stream().map(c -> c.currency() + " shipped " + c.shippedAmount().toPlainString() + ", returned "
                        + c.returnedAmount().toPlainString() + ", net " + c.netAmount().toPlainString())
                        .collect(java.util.stream.Collectors.joining("; "));
        System.out.println(list.items().size() + " of " + list.total() + " documents; " + sums);
        return null;
    }
}
