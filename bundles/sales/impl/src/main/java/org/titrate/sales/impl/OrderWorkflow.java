package org.titrate.sales.impl;

import java.util.EnumMap;
import java.util.Map;
import org.titrate.platform.api.ConflictException;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderStatus;
import org.titrate.sales.api.OrderType;

/** The state machines of orders and returns: which action leads from which state to which. */
final class OrderWorkflow {
    private static final Map<OrderStatus, Map<OrderAction, OrderStatus>> ORDER = new EnumMap<>(OrderStatus.class);
    private static final Map<OrderStatus, Map<OrderAction, OrderStatus>> RETURN = new EnumMap<>(OrderStatus.class);

    static {
        allow(ORDER, OrderStatus.DRAFT, OrderAction.CONFIRM, OrderStatus.CONFIRMED);
        allow(ORDER, OrderStatus.DRAFT, OrderAction.CANCEL, OrderStatus.CANCELLED);
        allow(ORDER, OrderStatus.CONFIRMED, OrderAction.SHIP, OrderStatus.SHIPPED);
        allow(ORDER, OrderStatus.CONFIRMED, OrderAction.CANCEL, OrderStatus.CANCELLED);
        allow(ORDER, OrderStatus.SHIPPED, OrderAction.CLOSE, OrderStatus.CLOSED);

        allow(RETURN, OrderStatus.DRAFT, OrderAction.SUBMIT, OrderStatus.SUBMITTED);
        allow(RETURN, OrderStatus.DRAFT, OrderAction.CANCEL, OrderStatus.CANCELLED);
        allow(RETURN, OrderStatus.SUBMITTED, OrderAction.APPROVE, OrderStatus.APPROVED);
        allow(RETURN, OrderStatus.SUBMITTED, OrderAction.REJECT, OrderStatus.REJECTED);
        allow(RETURN, OrderStatus.APPROVED, OrderAction.RECEIVE, OrderStatus.RECEIVED);
        allow(RETURN, OrderStatus.RECEIVED, OrderAction.CLOSE, OrderStatus.CLOSED);
    }

    private OrderWorkflow() {
    }

    private static void allow(Map<OrderStatus, Map<OrderAction, OrderStatus>> machine, OrderStatus from, OrderAction action,
            OrderStatus to) {
        machine.computeIfAbsent(from, s -> new EnumMap<>(OrderAction.class)).put(action, to);
    }

    /** The state {@code action} leads to, or a 409 saying what is possible instead. */
    static OrderStatus next(OrderType type, OrderStatus from, OrderAction action) {
        Map<OrderAction, OrderStatus> possible = (type == OrderType.ORDER ? ORDER : RETURN).getOrDefault(from, Map.of());
        OrderStatus to = possible.get(action);
        if (to == null) {
            String kind = type == OrderType.ORDER ? "an order" : "a return";
            throw new ConflictException("status", "cannot " + action.name().toLowerCase() + " " + kind + " that is " + from
                    + (possible.isEmpty() ? " (no further action is possible)" : "; possible now: " + possible.keySet()));
        }
        return to;
    }

    /** Drafts are the only documents changed in place; everything after is corrected by new documents. */
    static boolean editable(OrderStatus status) {
        return status == OrderStatus.DRAFT;
    }

    /**
     * A return's shipment (the customer's courier) can be tracked until the goods have arrived; an order's shipment (our
     * courier) once it is confirmed, before or after the goods leave, until it is closed.
     */
    static boolean trackable(OrderType type, OrderStatus status) {
        if (type == OrderType.ORDER) {
            return status == OrderStatus.CONFIRMED || status == OrderStatus.SHIPPED;
        }
        return status == OrderStatus.DRAFT || status == OrderStatus.SUBMITTED || status == OrderStatus.APPROVED;
    }

    /**
     * A return is created from an order whose goods went out (SHIPPED or CLOSED): from a draft, a confirmed or a cancelled
     * order nothing was delivered that could come back, nor was anything owed that a credit could settle. A return of
     * goods that cannot be traced to an order is created standalone.
     */
    static void requireReturnable(String number, OrderType type, OrderStatus status) {
        if (type != OrderType.ORDER) {
            throw new ConflictException("type", number + " is itself a return; returns are created from orders");
        }
        if (status == OrderStatus.CANCELLED) {
            throw new ConflictException("status", number + " was cancelled: nothing was delivered that could come back");
        }
        if (status != OrderStatus.SHIPPED && status != OrderStatus.CLOSED) {
            throw new ConflictException("status", number + " is " + status + ": a return is created from an order once it has"
                    + " shipped (SHIPPED or CLOSED), since nothing was delivered that could come back; for goods that cannot be"
                    + " traced to an order, create a standalone return");
        }
    }
}
