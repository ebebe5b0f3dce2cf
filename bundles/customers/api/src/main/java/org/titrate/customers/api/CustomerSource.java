package org.titrate.customers.api;

/** How the customer first came to us. */
public enum CustomerSource {
    VISIT, ENQUIRY, REFERRAL, OTHER
}
