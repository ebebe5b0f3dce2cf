package org.titrate.finance.api;

/** Whose account a posting is on: a customer's (receivables) or a supplier's (payables). */
public enum PartyType {
    CUSTOMER,
    SUPPLIER
}
