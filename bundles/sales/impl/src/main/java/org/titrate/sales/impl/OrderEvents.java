package org.titrate.sales.impl;

import java.util.HashMap;
import java.util.Map;
import javax.transaction.RollbackException;
import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.SystemException;
import javax.transaction.Transaction;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.titrate.sales.api.SalesEvents;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.StatusChange;

/**
 * Announces document changes on EventAdmin once their transaction has committed: a listener that
 * sends an e-mail must never tell a customer about an approval that was rolled back.
 */
@Component(service = OrderEvents.class)
public class OrderEvents {

    @Reference
    private TransactionManager transactions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    /** Call inside the transaction that makes the change; the event is posted if and when it commits. */
    void afterCommit(SalesOrder order, StatusChange change) {
        Event event = event(order, change);
        try {
            Transaction tx = transactions.getTransaction();
            if (tx == null) {
                post(event);
                return;
            }
            if (tx.getStatus() != Status.STATUS_ACTIVE) {
                return; // marked for rollback: the change will not happen, so it is not announced
            }
            tx.registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        post(event);
                    }
                }
            });
        } catch (SystemException | RollbackException e) {
            throw new IllegalStateException("Cannot register the event of " + order.number() + " with the transaction", e);
        }
    }

    private void post(Event event) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(event);
        }
    }

    static Event event(SalesOrder order, StatusChange change) {
        Map<String, Object> p = new HashMap<>();
        p.put(SalesEvents.ORDER_ID, order.id());
        p.put(SalesEvents.ORDER_NUMBER, order.number());
        p.put(SalesEvents.ORDER_TYPE, order.type().name());
        p.put(SalesEvents.CUSTOMER_CODE, order.customerCode());
        p.put(SalesEvents.ACTION, change.action().name());
        if (change.fromStatus() != null) {
            p.put(SalesEvents.FROM_STATUS, change.fromStatus().name());
        }
        p.put(SalesEvents.TO_STATUS, change.toStatus().name());
        p.put(SalesEvents.ACTOR, change.by());
        p.put(SalesEvents.AT, change.at().toEpochMilli());
        if (change.comment() != null) {
            p.put(SalesEvents.COMMENT, change.comment());
        }
        if (order.trackingNumber() != null) {
            p.put(SalesEvents.CARRIER, order.carrier());
            p.put(SalesEvents.TRACKING_NUMBER, order.trackingNumber());
        }
        return new Event(SalesEvents.topic(change.action()), p);
    }
}
