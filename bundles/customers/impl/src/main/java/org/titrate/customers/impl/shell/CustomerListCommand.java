package org.titrate.customers.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.titrate.customers.api.Channel;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerQuery;
import org.titrate.customers.api.CustomerService;
import org.titrate.customers.api.CustomerStatus;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.ShellInput;
import org.titrate.platform.api.shell.TextTable;

@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@Command(scope = "titrate", name = "customer-list", description = "Lists customers and prospects",
        detailedDescription = "列出客户和潜在客户")
@Service
public class CustomerListCommand implements Action {

    @Option(name = "-q", aliases = "--query", description = "Text in code, name, contact or phone")
    private String query;

    @Option(name = "-s", aliases = "--status", description = "PROSPECT, ACTIVE or INACTIVE")
    @Completion(value = StringsCompleter.class, values = {"PROSPECT", "ACTIVE", "INACTIVE"})
    private String status;

    @Option(name = "-c", aliases = "--channel", description = "WHOLESALE or RETAIL")
    @Completion(value = StringsCompleter.class, values = {"WHOLESALE", "RETAIL"})
    private String channel;

    @Option(name = "--salesperson", description = "Employee code of the customers' owner")
    private String salesperson;

    @Option(name = "-n", aliases = "--limit", description = "At most this many rows (1-500)")
    private int limit = 50;

    @Reference
    private CustomerService customers;

    @Override
    public Object execute() {
        Page<Customer> page = customers.find(new CustomerQuery(query, ShellInput.choice("--status", status, CustomerStatus.class),
                ShellInput.choice("--channel", channel, Channel.class), salesperson, new PageRequest(0, limit)));
        TextTable table = new TextTable();
        table.column("Code");
        table.column("Name");
        table.column("Status");
        table.column("Channel");
        table.column("Contact");
        table.column("Phone");
        table.column("Terms").alignRight();
        table.column("Credit limit").alignRight();
        for (Customer c : page.items()) {
            table.addRow().addContent(c.code(), c.name(), c.status(), c.channel(), nz(c.contactName()), nz(c.phone()),
                    c.paymentTermDays() + " d", c.creditLimit().toPlainString() + " " + c.currency());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " customers");
        return null;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
