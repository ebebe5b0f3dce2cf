package org.titrate.purchasing.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;
import org.junit.Test;
import org.titrate.purchasing.api.PurchaseAction;
import org.titrate.purchasing.api.PurchaseStatus;
import org.titrate.purchasing.api.PurchaseType;

public class PurchaseWorkflowTest {

    @Test
    public void anOrderIsConfirmedReceivedAndClosed() {
        assertEquals(PurchaseStatus.CONFIRMED, PurchaseWorkflow.next(PurchaseType.ORDER, PurchaseStatus.DRAFT, PurchaseAction.CONFIRM));
        assertEquals(PurchaseStatus.RECEIVED, PurchaseWorkflow.next(PurchaseType.ORDER, PurchaseStatus.CONFIRMED, PurchaseAction.RECEIVE));
        assertEquals(PurchaseStatus.CLOSED, PurchaseWorkflow.next(PurchaseType.ORDER, PurchaseStatus.RECEIVED, PurchaseAction.CLOSE));
        assertNull(PurchaseWorkflow.next(PurchaseType.ORDER, PurchaseStatus.DRAFT, PurchaseAction.RECEIVE));
        assertNull(PurchaseWorkflow.next(PurchaseType.ORDER, PurchaseStatus.CONFIRMED, PurchaseAction.SHIP));
        assertNull(PurchaseWorkflow.next(PurchaseType.ORDER, PurchaseStatus.RECEIVED, PurchaseAction.CANCEL));
        assertNull(PurchaseWorkflow.next(PurchaseType.ORDER, PurchaseStatus.RECEIVED, PurchaseAction.RECEIVE));
    }

    @Test
    public void aReturnIsConfirmedShippedAndClosedAndNeverReceived() {
        assertEquals(PurchaseStatus.SHIPPED, PurchaseWorkflow.next(PurchaseType.RETURN, PurchaseStatus.CONFIRMED, PurchaseAction.SHIP));
        assertEquals(PurchaseStatus.CLOSED, PurchaseWorkflow.next(PurchaseType.RETURN, PurchaseStatus.SHIPPED, PurchaseAction.CLOSE));
        assertNull(PurchaseWorkflow.next(PurchaseType.RETURN, PurchaseStatus.CONFIRMED, PurchaseAction.RECEIVE));
        assertEquals(List.of(PurchaseAction.SHIP, PurchaseAction.CANCEL), PurchaseWorkflow.possible(PurchaseType.RETURN, PurchaseStatus.CONFIRMED));
        assertEquals(List.of(), PurchaseWorkflow.possible(PurchaseType.RETURN, PurchaseStatus.CANCELLED));
    }
}
