package org.titrate.finance.api;

/**
 * EventAdmin events finance posts for notifications. A payment reminder is raised once per
 * customer, currency and due date, when debts due that day are still open the day after (topic
 * {@value #PAYMENT_OVERDUE}); notifications turn it into an e-mail, SMS or inbox message.
 */
public final class FinanceEvents {
    public static final String PAYMENT_OVERDUE = "org/titrate/finance/PAYMENT_OVERDUE";

    public static final String CUSTOMER_CODE = "customerCode";
    public static final String CURRENCY = "currency";
    /** {@code YYYY-MM-DD}. */
    public static final String DUE_DATE = "dueDate";
    /** What is still open of the debts due that day, as a plain decimal string. */
    public static final String AMOUNT = "amount";
    /** The document numbers behind it (String[]). */
    public static final String DOCUMENTS = "documents";
    /** Days past due on the day the reminder was raised. */
    public static final String DAYS_OVERDUE = "daysOverdue";

    private FinanceEvents() {
    }
}
