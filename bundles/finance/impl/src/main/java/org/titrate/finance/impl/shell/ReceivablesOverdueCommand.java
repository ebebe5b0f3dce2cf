package org.titrate.finance.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.finance.api.FinanceService;
import org.titrate.finance.api.OpenItem;
import org.titrate.finance.api.OpenItemQuery;
import org.titrate.finance.api.PartyType;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.platform.api.licensing.Entitlements;

@Allowed({Roles.FINANCE, Roles.SALES, Roles.VIEWER})
@Command(scope = "titrate", name = "receivables-overdue", description = "Lists what customers owe past its due date, longest overdue first",
        detailedDescription = "列出客户逾期未付的款项，逾期最久的在前")
@Service
public class ReceivablesOverdueCommand implements Action {

    /** Read at each run: a module that is not licensed refuses its commands (docs/licensing.md). */
    @Reference(optional = true)
    private Entitlements entitlements;

    @Option(name = "--as-of", description = "The day to judge by (YYYY-MM-DD, default today)")
    private String asOf;

    @Option(name = "-c", aliases = "--customer", description = "Only this customer")
    private String customer;

    @Option(name = "-n", aliases = "--limit", description = "At most this many rows (1-500)")
    private String limit;

    @Reference
    private FinanceService finance;

    @Override
    public Object execute() {
        Entitlements.require(entitlements, "finance", false);
        Check check = new Check();
        java.time.LocalDate day = check.date("as-of", asOf);
        Integer max = check.integer("limit", limit, 1, PageRequest.MAX_LIMIT);
        check.throwIfInvalid();
        Page<OpenItem> items = finance.openItems(new OpenItemQuery(PartyType.CUSTOMER,
                customer == null ? null : customer.strip().toUpperCase(java.util.Locale.ROOT), null, true, day, null, null,
                new PageRequest(0, max == null ? PageRequest.DEFAULT_LIMIT : max)));
        TextTable table = new TextTable();
        table.column("Customer");
        table.column("Document");
        table.column("Order");
        table.column("Due");
        table.column("Days over").alignRight();
        table.column("Open").alignRight();
        table.column("Cur");
        for (OpenItem i : items.items()) {
            table.addRow().addContent(i.partyCode(), i.documentNumber(), i.orderNumber() == null ? "" : i.orderNumber(), i.dueDate(),
                    i.daysOverdue(), i.openAmount().toPlainString(), i.currency());
        }
        table.print(System.out);
        System.out.println(items.items().size() + " of " + items.total() + " overdue items");
        return null;
    }
}
