package org.titrate.sales.impl.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderType;

@Allowed(Roles.SALES)
@Command(scope = "titrate", name = "order-confirm", description = "Confirms a draft sales order (checks the stock)",
        detailedDescription = "确认一张草稿销售订单（检查库存）")
@Service
public class OrderConfirmCommand extends DocumentActionCommand {
    public OrderConfirmCommand() {
        super(OrderType.ORDER, OrderAction.CONFIRM);
    }
}
