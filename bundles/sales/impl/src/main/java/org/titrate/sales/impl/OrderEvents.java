package org.titrate.sales.impl;

import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.events.EventLog;
import org.titrate.sales.api.SalesEvents;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.StatusChange;

/**
 * Records every document change in the platform's event log, in the transaction that makes it: the
 * event exists exactly when the change committed. The platform announces the log on EventAdmin under
 * the same topics and properties as before, after commit, so a listener that sends an e-mail never tells
 * a customer about an approval that was rolled back, and one that committed just before a crash is
 * still announced after the restart.
 */
@Component(service = OrderEvents.class)
public class OrderEvents {

    @Reference
    private EventLog log;

    /** Call inside the transaction that makes the change; the event is announced if and when it commits. */
    void afterCommit(SalesOrder order, StatusChange change) {
        log.append(SalesEvents.topic(change.action()), order.number(), change.by(), properties(order, change));
    }

    static Map<String, Object> properties(SalesOrder order, StatusChange change) {
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
        return p;
    }
}
