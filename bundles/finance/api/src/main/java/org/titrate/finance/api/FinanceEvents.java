package org.titrate.finance.api;

/**
 * EventAdmin events finance posts for notifications. A payment reminder is raised once per
 * customer, currency and due date, when debts due that day are still open the day after (topic
 * {@value #PAYMENT_OVERDUE}); notifications turn it into an e-mail, SMS or inbox message.
 */
public final class FinanceEvents {
    public static final String PAYMENT_OVERDUE = "org/titrate/finance/PAYMENT_OVERDUE";
    /**
     * The same reminder in the platform's event log, appended in the transaction that records it and keyed by the
     * customer code (payload as {@link #PAYMENT_OVERDUE}, {@link #DOCUMENTS} comma-separated), for followers of the
     * log such as notifications (since 1.1).
     */
    public static final String REMINDER_RAISED = "org/titrate/finance/reminder/RAISED";

    /**
     * Appended to the platform's event log in the posting's transaction, keyed by the posting's document
     * number: a ledger entry (payload {@link #POSTING_ID}, {@link #PARTY_TYPE}, {@link #PARTY_CODE},
     * {@link #POSTING_TYPE}, {@link #ORDER_NUMBER}, {@link #CURRENCY}, {@link #AMOUNT}, {@link #BALANCE_AFTER}).
     */
    public static final String POSTED = "org/titrate/finance/posting/POSTED";
    /** A receipt, refund, supplier payment or supplier refund registered (payload {@link #KIND}, {@link #PARTY_CODE}, amount, currency, order). */
    public static final String MONEY_REGISTERED = "org/titrate/finance/money/REGISTERED";

    public static final String POSTING_ID = "postingId";
    public static final String PARTY_TYPE = "partyType";
    public static final String PARTY_CODE = "partyCode";
    public static final String POSTING_TYPE = "postingType";
    public static final String ORDER_NUMBER = "orderNumber";
    public static final String BALANCE_AFTER = "balanceAfter";
    public static final String KIND = "kind";

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
