package org.titrate.finance.api;

/**
 * What a ledger posting records, on whose account and with which sign. A customer's balance is what
 * the customer owes us (shipped − returned − received + refunded); a supplier's is what we owe the
 * supplier (received − returned − paid + refunded by the supplier). Debits raise the balance.
 */
public enum PostingType {
    /** A sales shipment (or an exchange that ships more than it takes back): the customer's debt. */
    INVOICE(PartyType.CUSTOMER, true),
    /** A received sales return: a credit for the customer. */
    CREDIT_NOTE(PartyType.CUSTOMER, false),
    /** Money in from a customer. */
    RECEIPT(PartyType.CUSTOMER, false),
    /** Money back to a customer, out of their credit. */
    REFUND(PartyType.CUSTOMER, true),
    /** Goods received from a supplier: what we owe. */
    BILL(PartyType.SUPPLIER, true),
    /** Goods shipped back to a supplier: less owed. */
    DEBIT_NOTE(PartyType.SUPPLIER, false),
    /** Money out to a supplier. */
    SUPPLIER_PAYMENT(PartyType.SUPPLIER, false),
    /** Money back from a supplier, out of our credit with them. */
    SUPPLIER_REFUND(PartyType.SUPPLIER, true);

    private final PartyType partyType;
    private final boolean debit;

    PostingType(PartyType partyType, boolean debit) {
        this.partyType = partyType;
        this.debit = debit;
    }

    public PartyType partyType() {
        return partyType;
    }

    /** True where the posting raises the balance (its amount is positive). */
    public boolean debit() {
        return debit;
    }
}
