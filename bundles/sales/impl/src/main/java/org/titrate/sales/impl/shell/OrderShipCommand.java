package org.titrate.sales.impl.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderType;

@Allowed({Roles.WAREHOUSE, Roles.SALES})
@Command(scope = "titrate", name = "order-ship", description = "Ships a confirmed sales order: issues the stock and books the receivable",
        detailedDescription = "对已确认的销售订单发货：出库并记应收")
@Service
public class OrderShipCommand extends DocumentActionCommand {
    public OrderShipCommand() {
        super(OrderType.ORDER, OrderAction.SHIP);
    }
}
