package org.titrate.invoicing.api;

/**
 * What invoicing appends to the platform's event log, in the transaction of the change, keyed by the invoice's
 * {@code number}: topic {@code org/titrate/invoicing/invoice/<REQUESTED|ISSUED|CANCELLED>} with the kind, type,
 * customer, tax-inclusive amount and (when issued) the tax system's number.
 */
public final class InvoicingEvents {
    public static final String TOPIC_PREFIX = "org/titrate/invoicing/invoice/";

    public static final String KIND = "kind";
    public static final String TYPE = "type";
    public static final String CUSTOMER_CODE = "customerCode";
    public static final String AMOUNT = "amountInclusive";
    public static final String INVOICE_NUMBER = "invoiceNumber";
    public static final String ORIGINAL_NUMBER = "originalNumber";
    public static final String REASON = "reason";

    public static String topic(InvoiceStatus status) {
        return TOPIC_PREFIX + status.name();
    }

    private InvoicingEvents() {
    }
}
