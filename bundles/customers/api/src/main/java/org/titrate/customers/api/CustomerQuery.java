package org.titrate.customers.api;

import org.titrate.platform.api.PageRequest;

/**
 * Filters of the customer list; null means "any". {@code q} searches code, name, contact and phone; {@code salesperson}
 * is the owner's employee code (since 1.2).
 */
public record CustomerQuery(String q, CustomerStatus status, Channel channel, String salesperson, PageRequest page) {

    public CustomerQuery(String q, CustomerStatus status, Channel channel, PageRequest page) {
        this(q, status, channel, null, page);
    }
}
