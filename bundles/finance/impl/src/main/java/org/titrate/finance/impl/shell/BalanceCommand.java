package org.titrate.finance.impl.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.customers.api.CustomerService;
import org.titrate.finance.api.Balance;
import org.titrate.finance.api.FinanceService;
import org.titrate.finance.api.OpenItem;
import org.titrate.finance.api.OpenItemQuery;
import org.titrate.finance.api.PartyType;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.ShellInput;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.platform.api.licensing.Entitlements;
import org.titrate.sales.api.CreditService;
import org.titrate.sales.api.CustomerCredit;

@Allowed({Roles.SALES, Roles.FINANCE, Roles.VIEWER})
@Command(scope = "titrate", name = "balance-show", description = "Shows a customer's credit (limit, exposure, available, overdue), what it owes (or has in credit) per currency, and the open items behind it",
        detailedDescription = "查看客户按币种的应收余额（或贷方余额）及其未清项；装有销售模块时先显示信用额度、风险敞口、可用额度与逾期")
@Service
public class BalanceCommand implements Action {

    /** Read at each run: a module that is not licensed refuses its commands (docs/licensing.md). */
    @Reference(optional = true)
    private Entitlements entitlements;

    @Argument(index = 0, name = "customer", description = "Customer code", required = true)
    private String customer;

    @Reference
    private FinanceService finance;

    @Reference
    private CustomerService customers;

    /** Sales' credit limits, when sales is installed. */
    @Reference(optional = true)
    private CreditService credit;

    @Override
    public Object execute() {
        Entitlements.require(entitlements, "finance", false);
        // An unknown customer is an error (exit 1), not an empty balance.
        String code = ShellInput.find(customer, customers::get).code();
        if (credit != null) {
            printCredit(credit.credit(code));
        }
        List<Balance> balances = finance.balance(PartyType.CUSTOMER, code);
        if (balances.isEmpty()) {
            System.out.println("Nothing posted for " + code);
            return null;
        }
        TextTable accounts = new TextTable();
        accounts.column("Currency");
        accounts.column("Balance").alignRight();
        accounts.column("Open debit").alignRight();
        accounts.column("Open credit").alignRight();
        accounts.column("Overdue").alignRight();
        accounts.column("Postings").alignRight();
        for (Balance b : balances) {
            accounts.addRow().addContent(b.currency(), b.balance().toPlainString(), b.openDebit().toPlainString(),
                    b.openCredit().toPlainString(), b.overdueAmount().toPlainString(), b.postings());
        }
        accounts.print(System.out);
        List<OpenItem> open = finance.openItems(new OpenItemQuery(PartyType.CUSTOMER, code, null, false, null, null, null,
                new PageRequest(0, PageRequest.MAX_LIMIT))).items();
        if (open.isEmpty()) {
            System.out.println("No open items");
            return null;
        }
        TextTable items = new TextTable();
        items.column("Document");
        items.column("Type");
        items.column("Date");
        items.column("Due");
        items.column("Days overdue").alignRight();
        items.column("Amount").alignRight();
        items.column("Open").alignRight();
        items.column("Currency");
        for (OpenItem i : open) {
            items.addRow().addContent(i.documentNumber(), i.type(), i.documentDate(), i.dueDate(), i.daysOverdue(),
                    i.amount().toPlainString(), i.openAmount().toPlainString(), i.currency());
        }
        items.print(System.out);
        return null;
    }

    private static void printCredit(CustomerCredit c) {
        TextTable t = new TextTable();
        t.column("Currency");
        t.column("Credit limit").alignRight();
        t.column("Receivables").alignRight();
        t.column("Not shipped").alignRight();
        t.column("Exposure").alignRight();
        t.column("Available").alignRight();
        t.column("Overdue").alignRight();
        t.column("Oldest due");
        t.addRow().addContent(c.currency(), plain(c.creditLimit()), plain(c.openReceivables()), plain(c.unshippedOrders()),
                plain(c.exposure()), plain(c.available()), plain(c.overdue()), c.oldestDueDate() == null ? "" : c.oldestDueDate());
        t.print(System.out);
    }

    private static String plain(java.math.BigDecimal v) {
        return v == null ? "none" : v.toPlainString();
    }
}
