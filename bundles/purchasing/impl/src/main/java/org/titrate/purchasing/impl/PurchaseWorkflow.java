package org.titrate.purchasing.impl;

import java.util.ArrayList;
import java.util.List;
import org.titrate.purchasing.api.PurchaseAction;
import org.titrate.purchasing.api.PurchaseStatus;
import org.titrate.purchasing.api.PurchaseType;

/** Which action leads where from which state, for orders and returns. */
final class PurchaseWorkflow {

    private PurchaseWorkflow() {
    }

    /** The state {@code action} leads to, or null where it is not possible now. */
    static PurchaseStatus next(PurchaseType type, PurchaseStatus from, PurchaseAction action) {
        boolean order = type == PurchaseType.ORDER;
        return switch (action) {
            case CONFIRM -> from == PurchaseStatus.DRAFT ? PurchaseStatus.CONFIRMED : null;
            case RECEIVE -> order && from == PurchaseStatus.CONFIRMED ? PurchaseStatus.RECEIVED : null;
            case SHIP -> !order && from == PurchaseStatus.CONFIRMED ? PurchaseStatus.SHIPPED : null;
            case CANCEL -> from == PurchaseStatus.DRAFT || from == PurchaseStatus.CONFIRMED ? PurchaseStatus.CANCELLED : null;
            case CLOSE -> from == (order ? PurchaseStatus.RECEIVED : PurchaseStatus.SHIPPED) ? PurchaseStatus.CLOSED : null;
            case CREATE, UPDATE -> null;
        };
    }

    /** The actions possible now, for the message of a refused one. */
    static List<PurchaseAction> possible(PurchaseType type, PurchaseStatus from) {
        List<PurchaseAction> actions = new ArrayList<>();
        for (PurchaseAction a : PurchaseAction.values()) {
            if (next(type, from, a) != null) {
                actions.add(a);
            }
        }
        return actions;
    }
}
