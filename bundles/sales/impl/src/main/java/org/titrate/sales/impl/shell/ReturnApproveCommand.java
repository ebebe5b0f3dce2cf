package org.titrate.sales.impl.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderType;

@Allowed(Roles.SALES)
@Command(scope = "titrate", name = "return-approve", description = "Approves a submitted return order",
        detailedDescription = "审批通过一张已提交的退货单")
@Service
public class ReturnApproveCommand extends DocumentActionCommand {
    public ReturnApproveCommand() {
        super(OrderType.RETURN, OrderAction.APPROVE);
    }
}
