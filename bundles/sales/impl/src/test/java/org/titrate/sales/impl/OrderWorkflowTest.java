package org.titrate.sales.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;
import org.titrate.platform.api.ConflictException;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderStatus;
import org.titrate.sales.api.OrderType;

public class OrderWorkflowTest {

    @Test
    public void anOrderRunsFromDraftToClosed() {
        OrderStatus s = OrderStatus.DRAFT;
        s = OrderWorkflow.next(OrderType.ORDER, s, OrderAction.CONFIRM);
        assertEquals(OrderStatus.CONFIRMED, s);
        s = OrderWorkflow.next(OrderType.ORDER, s, OrderAction.SHIP);
        assertEquals(OrderStatus.SHIPPED, s);
        assertEquals(OrderStatus.CLOSED, OrderWorkflow.next(OrderType.ORDER, s, OrderAction.CLOSE));
    }

    @Test
    public void anOrderIsCancelledOnlyBeforeItShips() {
        assertEquals(OrderStatus.CANCELLED, OrderWorkflow.next(OrderType.ORDER, OrderStatus.DRAFT, OrderAction.CANCEL));
        assertEquals(OrderStatus.CANCELLED, OrderWorkflow.next(OrderType.ORDER, OrderStatus.CONFIRMED, OrderAction.CANCEL));
        refused(OrderType.ORDER, OrderStatus.SHIPPED, OrderAction.CANCEL);
        refused(OrderType.ORDER, OrderStatus.CLOSED, OrderAction.CANCEL);
    }

    @Test
    public void aReturnNeedsApprovalBeforeItIsReceived() {
        OrderStatus s = OrderWorkflow.next(OrderType.RETURN, OrderStatus.DRAFT, OrderAction.SUBMIT);
        assertEquals(OrderStatus.SUBMITTED, s);
        refused(OrderType.RETURN, s, OrderAction.RECEIVE);
        assertEquals(OrderStatus.REJECTED, OrderWorkflow.next(OrderType.RETURN, s, OrderAction.REJECT));
        s = OrderWorkflow.next(OrderType.RETURN, s, OrderAction.APPROVE);
        assertEquals(OrderStatus.APPROVED, s);
        s = OrderWorkflow.next(OrderType.RETURN, s, OrderAction.RECEIVE);
        assertEquals(OrderStatus.RECEIVED, s);
        assertEquals(OrderStatus.CLOSED, OrderWorkflow.next(OrderType.RETURN, s, OrderAction.CLOSE));
    }

    @Test
    public void illegalStepsAreConflictsThatSayWhatIsPossible() {
        ConflictException e = refused(OrderType.RETURN, OrderStatus.DRAFT, OrderAction.APPROVE);
        assertTrue(e.getMessage(), e.getMessage().contains("SUBMIT"));
        refused(OrderType.ORDER, OrderStatus.SHIPPED, OrderAction.SHIP);
        refused(OrderType.ORDER, OrderStatus.DRAFT, OrderAction.SHIP);
        refused(OrderType.ORDER, OrderStatus.DRAFT, OrderAction.SUBMIT);
        refused(OrderType.RETURN, OrderStatus.DRAFT, OrderAction.CONFIRM);
        refused(OrderType.RETURN, OrderStatus.APPROVED, OrderAction.SHIP);
        refused(OrderType.RETURN, OrderStatus.REJECTED, OrderAction.APPROVE);
        refused(OrderType.RETURN, OrderStatus.RECEIVED, OrderAction.RECEIVE);
    }

    @Test
    public void onlyDraftsAreEditedAndOnlyOpenReturnsAndConfirmedOrShippedOrdersTracked() {
        assertTrue(OrderWorkflow.editable(OrderStatus.DRAFT));
        assertFalse(OrderWorkflow.editable(OrderStatus.CONFIRMED));
        assertFalse(OrderWorkflow.editable(OrderStatus.SUBMITTED));
        assertTrue(OrderWorkflow.trackable(OrderType.RETURN, OrderStatus.APPROVED));
        assertFalse(OrderWorkflow.trackable(OrderType.RETURN, OrderStatus.RECEIVED));
        assertFalse(OrderWorkflow.trackable(OrderType.ORDER, OrderStatus.DRAFT));
        assertTrue(OrderWorkflow.trackable(OrderType.ORDER, OrderStatus.CONFIRMED));
        assertTrue(OrderWorkflow.trackable(OrderType.ORDER, OrderStatus.SHIPPED));
        assertFalse(OrderWorkflow.trackable(OrderType.ORDER, OrderStatus.CLOSED));
    }

    private static ConflictException refused(OrderType type, OrderStatus from, OrderAction action) {
        try {
            OrderWorkflow.next(type, from, action);
        } catch (ConflictException e) {
            assertEquals(409, e.status());
            return e;
        }
        fail(action + " of a " + from + " " + type + " should be refused");
        return null;
    }

    /** Issue 11, item 6: a return could be created from a draft or confirmed order, and goods never delivered credited. */
    @Test
    public void aReturnIsCreatedOnlyFromAnOrderThatShipped() {
        for (OrderStatus s : new OrderStatus[] {OrderStatus.DRAFT, OrderStatus.CONFIRMED, OrderStatus.CANCELLED}) {
            try {
                OrderWorkflow.requireReturnable("SO-2026-000001", OrderType.ORDER, s);
                fail("a return from a " + s + " order");
            } catch (ConflictException e) {
                assertEquals("status", e.errors().get(0).field());
                assertTrue(e.getMessage(), e.getMessage().contains("SO-2026-000001"));
            }
        }
        OrderWorkflow.requireReturnable("SO-2026-000001", OrderType.ORDER, OrderStatus.SHIPPED);
        OrderWorkflow.requireReturnable("SO-2026-000001", OrderType.ORDER, OrderStatus.CLOSED);
        try {
            OrderWorkflow.requireReturnable("RO-2026-000001", OrderType.RETURN, OrderStatus.RECEIVED);
            fail("a return from a return");
        } catch (ConflictException e) {
            assertEquals("type", e.errors().get(0).field());
        }
    }
}
