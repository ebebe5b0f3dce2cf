package org.titrate.customers.api;

/** A prospect becomes an active customer with the first order; inactive ones can no longer order. */
public enum CustomerStatus {
    PROSPECT, ACTIVE, INACTIVE
}
