package org.titrate.sales.api;

/**
 * EventAdmin events sales posts after a change of a document has been committed, one per action,
 * for notifications and read models. Topic {@code org/titrate/sales/order/<ACTION>}, e.g.
 * {@code org/titrate/sales/order/APPROVE}; subscribe to {@code org/titrate/sales/order/*} for all.
 */
public final class SalesEvents {
    public static final String TOPIC_PREFIX = "org/titrate/sales/order/";
    public static final String TOPIC_ALL = TOPIC_PREFIX + "*";

    /** The document's id, number, type and customer code. */
    public static final String ORDER_ID = "orderId";
    public static final String ORDER_NUMBER = "orderNumber";
    public static final String ORDER_TYPE = "orderType";
    public static final String CUSTOMER_CODE = "customerCode";
    /** The {@link OrderAction} name, the state before and after. */
    public static final String ACTION = "action";
    public static final String FROM_STATUS = "fromStatus";
    public static final String TO_STATUS = "toStatus";
    /** Who acted, when (epoch milliseconds) and why. */
    public static final String ACTOR = "actor";
    public static final String AT = "at";
    public static final String COMMENT = "comment";
    /** The latest return shipment, when there is one. */
    public static final String CARRIER = "carrier";
    public static final String TRACKING_NUMBER = "trackingNumber";

    public static String topic(OrderAction action) {
        return TOPIC_PREFIX + action.name();
    }

    private SalesEvents() {
    }
}
