package org.titrate.sales.impl.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderType;

@Allowed({Roles.WAREHOUSE, Roles.SALES})
@Command(scope = "titrate", name = "return-receive", description = "Receives the goods of an approved return into quarantine and books the credit",
        detailedDescription = "将已审批退货单的货物收入待检区，并记贷项")
@Service
public class ReturnReceiveCommand extends DocumentActionCommand {
    public ReturnReceiveCommand() {
        super(OrderType.RETURN, OrderAction.RECEIVE);
    }
}
