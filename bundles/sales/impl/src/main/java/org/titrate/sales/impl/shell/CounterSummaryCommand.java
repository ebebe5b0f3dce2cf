package org.titrate.sales.impl.shell;

import java.time.LocalDate;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.licensing.Entitlements;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.sales.api.CounterSaleService;
import org.titrate.sales.api.TillSummary;

@Allowed({Roles.SALES, Roles.FINANCE, Roles.VIEWER})
@Command(scope = "titrate", name = "counter-summary", description = "The till of a day: counter sales, returns and net per payment method",
        detailedDescription = "门市收银日结：按付款方式列出当日零售销售额、退货额、净额和单据数，即收银员交班时上交的金额")
@Service
public class CounterSummaryCommand implements Action {

    /** Read at each run: a module that is not licensed refuses its commands (docs/licensing.md). */
    @Reference(optional = true)
    private Entitlements entitlements;

    @Argument(index = 0, name = "date", description = "Business day (YYYY-MM-DD), today when left out")
    private String date;

    @Reference
    private CounterSaleService counter;

    @Override
    public Object execute() {
        Entitlements.require(entitlements, "sales", false);
        Check check = new Check();
        LocalDate day = check.date("date", date);
        check.throwIfInvalid();
        TillSummary s = counter.summary(day);
        if (s.lines().isEmpty()) {
            System.out.println("No counter sales or returns on " + s.date());
            return null;
        }
        TextTable t = new TextTable();
        t.column("Method");
        t.column("Currency");
        t.column("Sales").alignRight();
        t.column("Returns").alignRight();
        t.column("Net").alignRight();
        t.column("Sales #").alignRight();
        t.column("Returns #").alignRight();
        for (TillSummary.Line l : s.lines()) {
            t.addRow().addContent(l.method(), l.currency(), l.sales().toPlainString(), l.returns().toPlainString(), l.net().toPlainString(),
                    l.saleCount(), l.returnCount());
        }
        t.print(System.out);
        return null;
    }
}
