package org.titrate.sales.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.shell.ShellInput;
import org.titrate.sales.api.DocumentWarning;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderType;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.SalesOrderService;
import org.titrate.platform.api.licensing.Entitlements;

/**
 * One workflow action on one sales document from the shell, through {@link SalesOrderService#act} as the REST API
 * does: the document by number (any case), refused when it is the other kind (an order is no return), the new
 * status printed, and the checks' warnings next to the decision.
 */
abstract class DocumentActionCommand implements Action {

    /** Read at each run: a module that is not licensed refuses its commands (docs/licensing.md). */
    @Reference(optional = true)
    private Entitlements entitlements;

    @Argument(index = 0, name = "number", description = "Document number (SO-…, RO-…) or id", required = true)
    @Completion(OrderNumberCompleter.class)
    String number;

    @Argument(index = 1, name = "comment", description = "A comment for the history", required = false)
    String comment;

    @Reference
    SalesOrderService orders;

    private final OrderType type;
    private final OrderAction action;

    DocumentActionCommand(OrderType type, OrderAction action) {
        this.type = type;
        this.action = action;
    }

    /** What goes into the history with the action; null for nothing. */
    String comment() {
        return comment;
    }

    @Override
    public Object execute() {
        Entitlements.require(entitlements, "sales", true);
        SalesOrder o = ShellInput.find(number, orders::get);
        if (o.type() != type) {
            throw new ConflictException("number", o.number() + " is " + (o.type() == OrderType.RETURN ? "a return" : "an order")
                    + ", not " + (type == OrderType.RETURN ? "a return" : "an order"));
        }
        SalesOrder done = orders.act(o.number(), action, comment(), o.version());
        System.out.println(done.number() + " is " + done.status() + " (" + done.customerName() + ", "
                + done.totalAmount().toPlainString() + " " + done.currency() + ")");
        for (DocumentWarning w : done.warnings()) {
            System.out.println("WARNING " + w.field() + " " + w.code() + ": " + w.message());
        }
        return null;
    }
}
