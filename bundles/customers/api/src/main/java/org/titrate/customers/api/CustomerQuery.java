package org.titrate.customers.api;

import org.titrate.platform.api.PageRequest;

/** Filters of the customer list; null means "any". {@code q} searches code, name, contact and phone. */
public record CustomerQuery(String q, CustomerStatus status, Channel channel, PageRequest page) {
}
