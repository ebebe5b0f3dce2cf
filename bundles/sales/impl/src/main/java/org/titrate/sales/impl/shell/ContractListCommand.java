package org.titrate.sales.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.licensing.Entitlements;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.ShellInput;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.sales.api.Contract;
import org.titrate.sales.api.ContractQuery;
import org.titrate.sales.api.ContractService;
import org.titrate.sales.api.ContractStatus;

@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@Command(scope = "titrate", name = "contract-list", description = "Lists sales contracts, newest first, or those expiring soon",
        detailedDescription = "列出销售合同（最新的在前），或在指定天数内到期的有效合同")
@Service
public class ContractListCommand implements Action {

    /** Read at each run: a module that is not licensed refuses its commands (docs/licensing.md). */
    @Reference(optional = true)
    private Entitlements entitlements;

    @Option(name = "-s", aliases = "--status", description = "DRAFT, ACTIVE, EXPIRED or TERMINATED")
    @Completion(value = StringsCompleter.class, values = {"DRAFT", "ACTIVE", "EXPIRED", "TERMINATED"})
    private String status;

    @Option(name = "-c", aliases = "--customer", description = "Customer code")
    @Completion(CustomerCodeCompleter.class)
    private String customer;

    @Option(name = "-e", aliases = "--expiring-within", description = "Active contracts whose last valid day is within this many days")
    private String expiringWithin;

    @Option(name = "-n", aliases = "--limit", description = "At most this many rows (1-500)")
    private int limit = 50;

    @Reference
    private ContractService contracts;

    @Override
    public Object execute() {
        Entitlements.require(entitlements, "sales", false);
        Check check = new Check();
        Integer days = check.integer("--expiring-within", expiringWithin, 0, 3650);
        check.throwIfInvalid();
        Page<Contract> page = contracts.find(new ContractQuery(customer, ShellInput.choice("--status", status, ContractStatus.class), null,
                days, null, new PageRequest(0, limit)));
        TextTable table = new TextTable();
        table.column("Number");
        table.column("Status");
        table.column("Customer");
        table.column("Salesperson");
        table.column("Valid from");
        table.column("Valid until");
        table.column("Agreed").alignRight();
        table.column("Cur");
        for (Contract c : page.items()) {
            table.addRow().addContent(c.number(), c.status(), c.customerCode() + " " + c.customerName(),
                    c.salesperson() == null ? "" : c.salesperson(), c.validFrom(), c.validUntil(),
                    c.agreedAmount() == null ? "" : c.agreedAmount().toPlainString(), c.currency());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " contracts");
        return null;
    }
}
