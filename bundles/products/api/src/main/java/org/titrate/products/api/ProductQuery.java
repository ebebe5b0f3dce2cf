package org.titrate.products.api;

import org.titrate.platform.api.PageRequest;

/** Filters of the product list; null means "any". {@code q} searches SKU, name and CAS number. */
public record ProductQuery(String q, String categoryCode, Boolean active, String hazardClass, PageRequest page) {
}
