package org.titrate.notifications.api;

/**
 * What a message is about. The first eight go to the customer's contacts (e-mail, SMS); the last two to staff
 * inboxes. Each is rendered from a template per event, channel and language.
 */
public enum NotificationEvent {
    RETURN_SUBMITTED,
    RETURN_APPROVED,
    RETURN_REJECTED,
    RETURN_RECEIVED,
    REFUND_PAID,
    TRACKING_RECORDED,
    ORDER_SHIPPED,
    PAYMENT_OVERDUE,
    /** Staff: a return waits for someone who may approve it. */
    RETURN_AWAITING_APPROVAL,
    /** Staff: a customer's debt is overdue. */
    DEBT_OVERDUE;

    public boolean forStaff() {
        return this == RETURN_AWAITING_APPROVAL || this == DEBT_OVERDUE;
    }
}
