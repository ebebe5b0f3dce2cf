package org.titrate.sales.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.ShellInput;
import org.titrate.sales.api.DocumentWarning;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderType;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.SalesOrderService;
import org.titrate.platform.api.ConflictException;

@Allowed(Roles.SALES)
@Command(scope = "titrate", name = "return-approve", description = "Approves a submitted return order")
@Service
public class ReturnApproveCommand implements Action {

    @Argument(index = 0, name = "number", description = "Return order number (RO-…) or id", required = true)
    private String number;

    @Argument(index = 1, name = "comment", description = "Why it is approved (goes into the history)", required = false)
    private String comment;

    @Reference
    private SalesOrderService orders;

    @Override
    public Object execute() {
        SalesOrder o = ShellInput.find(number, orders::get);
        if (o.type() != OrderType.RETURN) {
            throw new ConflictException("number", o.number() + " is an order, not a return");
        }
        SalesOrder approved = orders.act(o.number(), OrderAction.APPROVE, comment, o.version());
        System.out.println(approved.number() + " is " + approved.status() + " (" + approved.customerName() + ", "
                + approved.totalAmount().toPlainString() + " " + approved.currency() + ")");
        // The approver answers for what the checks found: say it again next to the decision.
        for (DocumentWarning w : approved.warnings()) {
            System.out.println("WARNING " + w.field() + " " + w.code() + ": " + w.message());
        }
        return null;
    }
}
