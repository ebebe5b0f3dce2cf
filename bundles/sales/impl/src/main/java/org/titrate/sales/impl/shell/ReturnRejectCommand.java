package org.titrate.sales.impl.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderType;

@Allowed(Roles.SALES)
@Command(scope = "titrate", name = "return-reject", description = "Rejects a submitted return order; the reason is told to the customer",
        detailedDescription = "驳回一张已提交的退货单；驳回原因会告知客户")
@Service
public class ReturnRejectCommand extends DocumentActionCommand {

    @Option(name = "--reason", description = "Why the return is rejected (required)")
    private String reason;

    public ReturnRejectCommand() {
        super(OrderType.RETURN, OrderAction.REJECT);
    }

    /** The reason goes into the history; a comment typed after the number is added to it. */
    @Override
    String comment() {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "say why the return is rejected: --reason \"...\"");
        }
        return comment == null || comment.isBlank() ? reason.strip() : reason.strip() + " - " + comment.strip();
    }
}
