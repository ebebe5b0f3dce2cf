package org.titrate.purchasing.impl.shell;

import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.ShellInput;
import org.titrate.purchasing.api.PurchaseAction;
import org.titrate.purchasing.api.PurchaseOrder;
import org.titrate.purchasing.api.PurchaseOrderService;
import org.titrate.purchasing.api.ReceivedLot;
import org.titrate.platform.api.licensing.Entitlements;

@Allowed({Roles.WAREHOUSE, Roles.PURCHASING})
@Command(scope = "titrate", name = "purchase-order-receive", description = "Receives a confirmed purchase order: its goods into stock"
        + " (with the lots named for lot-tracked products) and what is owed to the supplier",
        detailedDescription = "对已确认的采购订单收货：货物入库（批次管理的产品按指定批号），并记应付供应商款项")
@Service
public class PurchaseOrderReceiveCommand implements Action {

    /** Read at each run: a module that is not licensed refuses its commands (docs/licensing.md). */
    @Reference(optional = true)
    private Entitlements entitlements;

    @Argument(index = 0, name = "number", description = "Purchase order number (PO-…) or id", required = true)
    private String number;

    @Option(name = "--lot", multiValued = true, description = "LINE:LOT[:EXPIRY] for a lot-tracked line, e.g. 1:L2026-118:2028-06-30")
    private List<String> lots;

    @Option(name = "--comment", description = "A comment for the history")
    private String comment;

    @Reference
    private PurchaseOrderService orders;

    @Override
    public Object execute() {
        Entitlements.require(entitlements, "purchasing", true);
        PurchaseOrder o = ShellInput.find(number, orders::get);
        PurchaseOrder received = orders.act(o.number(), PurchaseAction.RECEIVE, comment, o.version(), lots(lots));
        System.out.println(received.number() + " is " + received.status() + " (" + received.supplierName() + ", "
                + received.totalAmount().toPlainString() + " " + received.currency() + ", into " + received.warehouseCode() + ")");
        return null;
    }

    /** {@code LINE:LOT[:EXPIRY]} each; a bad one names {@code lot[i]}. */
    static List<ReceivedLot> lots(List<String> typed) {
        List<ReceivedLot> result = new ArrayList<>();
        if (typed == null) {
            return result;
        }
        Check check = new Check();
        for (int i = 0; i < typed.size(); i++) {
            String field = "lot[" + i + "]";
            String[] parts = typed.get(i).strip().split(":", -1);
            Integer line = parts.length >= 2 ? check.integer(field, parts[0], 1, 10_000) : null;
            if (parts.length < 2 || parts.length > 3 || parts[1].isBlank() || line == null) {
                check.fail(field, "must be LINE:LOT or LINE:LOT:EXPIRY (YYYY-MM-DD), e.g. 1:L2026-118:2028-06-30");
                continue;
            }
            result.add(new ReceivedLot(line, parts[1].strip(), parts.length == 3 ? check.date(field, parts[2]) : null));
        }
        check.throwIfInvalid();
        return result;
    }
}
