package org.titrate.invoicing.impl.shell;

import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.titrate.invoicing.api.Invoice;
import org.titrate.invoicing.api.InvoiceKind;
import org.titrate.invoicing.api.InvoiceQuery;
import org.titrate.invoicing.api.InvoiceService;
import org.titrate.invoicing.api.InvoiceStatus;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.licensing.Entitlements;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.ShellInput;
import org.titrate.platform.api.shell.TextTable;

@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@Command(scope = "titrate", name = "invoice-list", description = "Lists invoice requests and invoices, blue and red, newest first",
        detailedDescription = "列出开票申请和发票（蓝字、红字），最新的在前")
@Service
public class InvoiceListCommand implements Action {

    /** Read at each run: a module that is not licensed refuses its commands (docs/licensing.md). */
    @Reference(optional = true)
    private Entitlements entitlements;

    @Option(name = "-s", aliases = "--status", description = "REQUESTED, ISSUED or CANCELLED")
    @Completion(value = StringsCompleter.class, values = {"REQUESTED", "ISSUED", "CANCELLED"})
    private String status;

    @Option(name = "-k", aliases = "--kind", description = "BLUE or RED")
    @Completion(value = StringsCompleter.class, values = {"BLUE", "RED"})
    private String kind;

    @Option(name = "--customer", description = "Customer code")
    private String customer;

    @Option(name = "--order", description = "Sales order number")
    private String order;

    @Option(name = "-n", aliases = "--limit", description = "At most this many rows (1-500)")
    private String limit;

    @Reference
    private InvoiceService invoices;

    @Override
    public Object execute() {
        Entitlements.require(entitlements, "invoicing", false);
        Check check = new Check();
        Integer max = check.integer("limit", limit, 1, PageRequest.MAX_LIMIT);
        check.throwIfInvalid();
        Page<Invoice> page = invoices.find(new InvoiceQuery(customer == null ? null : customer.strip().toUpperCase(Locale.ROOT),
                order == null ? null : order.strip(), ShellInput.choice("--kind", kind, InvoiceKind.class),
                ShellInput.choice("--status", status, InvoiceStatus.class), new PageRequest(0, max == null ? PageRequest.DEFAULT_LIMIT : max)));
        TextTable table = new TextTable();
        table.column("Number");
        table.column("Kind");
        table.column("Type");
        table.column("Status");
        table.column("Customer");
        table.column("Invoice no.");
        table.column("Issued");
        table.column("Amount").alignRight();
        table.column("Tax").alignRight();
        table.column("Total").alignRight();
        table.column("Cur");
        for (Invoice i : page.items()) {
            table.addRow().addContent(i.number(), i.kind(), i.type(), i.status(), i.customerCode() + " " + i.buyerName(),
                    i.invoiceNumber() == null ? "" : i.invoiceNumber(), i.issueDate() == null ? "" : i.issueDate(), i.amount().toPlainString(),
                    i.tax().toPlainString(), i.amountInclusive().toPlainString(), i.currency());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " invoices");
        return null;
    }
}
