package org.titrate.purchasing.api;

/**
 * What purchasing appends to the platform's event log (and so announces on EventAdmin under the same
 * topic), one per document action in the action's transaction, keyed by the document's number: topic
 * {@code org/titrate/purchasing/order/<ACTION>} with the document's type, supplier, the state before and
 * after, and the comment.
 */
public final class PurchasingEvents {
    public static final String TOPIC_PREFIX = "org/titrate/purchasing/order/";

    public static final String ORDER_TYPE = "orderType";
    public static final String SUPPLIER_CODE = "supplierCode";
    public static final String FROM_STATUS = "fromStatus";
    public static final String TO_STATUS = "toStatus";
    public static final String COMMENT = "comment";

    public static String topic(PurchaseAction action) {
        return TOPIC_PREFIX + action.name();
    }

    private PurchasingEvents() {
    }
}
