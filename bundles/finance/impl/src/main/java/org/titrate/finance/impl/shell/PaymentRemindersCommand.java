package org.titrate.finance.impl.shell;

import java.time.LocalDate;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.finance.api.FinanceService;
import org.titrate.finance.api.PaymentReminder;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.ShellInput;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.platform.api.licensing.Entitlements;

@Allowed(Roles.FINANCE)
@Command(scope = "titrate", name = "payment-reminders",
        description = "Lists the payment reminders due (customers' debts past their due date), and raises those not raised yet with --raise",
        detailedDescription = "列出到期应催收的款项（超过到期日的客户欠款），加 --raise 时生成尚未生成的催款提醒")
@Service
public class PaymentRemindersCommand implements Action {

    /** Read at each run: a module that is not licensed refuses its commands (docs/licensing.md). */
    @Reference(optional = true)
    private Entitlements entitlements;

    @Option(name = "--as-of", description = "The day to look from (YYYY-MM-DD); today by default. Raising ahead, say before a"
            + " holiday, raises each reminder once: not again on the day")
    private String asOf;

    @Option(name = "--raise", description = "Raise the reminders not raised yet (one event per customer, currency and due date)")
    private boolean raise;

    @Reference
    private FinanceService finance;

    @Override
    public Object execute() {
        Entitlements.require(entitlements, "finance", raise);
        LocalDate day = ShellInput.date("--as-of", asOf);
        List<PaymentReminder> reminders = raise ? finance.raiseReminders(day) : finance.reminders(day);
        TextTable table = new TextTable();
        table.column("Customer");
        table.column("Due");
        table.column("Days").alignRight();
        table.column("Open").alignRight();
        table.column("Currency");
        table.column("Documents");
        table.column("Raised");
        for (PaymentReminder r : reminders) {
            table.addRow().addContent(r.customerCode(), r.dueDate(), r.daysOverdue(), r.amount().toPlainString(), r.currency(),
                    String.join(" ", r.documents()), r.raisedAt() == null ? "" : r.raisedAt());
        }
        table.print(System.out);
        System.out.println(reminders.size() + (raise ? " reminders raised" : " reminders due"));
        return null;
    }
}
