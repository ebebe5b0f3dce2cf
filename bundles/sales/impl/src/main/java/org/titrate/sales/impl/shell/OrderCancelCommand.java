package org.titrate.sales.impl.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderType;

@Allowed(Roles.SALES)
@Command(scope = "titrate", name = "order-cancel", description = "Cancels a sales order that has not shipped",
        detailedDescription = "取消一张尚未发货的销售订单")
@Service
public class OrderCancelCommand extends DocumentActionCommand {
    public OrderCancelCommand() {
        super(OrderType.ORDER, OrderAction.CANCEL);
    }
}
