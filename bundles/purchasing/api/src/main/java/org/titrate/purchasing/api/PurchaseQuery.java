package org.titrate.purchasing.api;

import java.time.LocalDate;
import org.titrate.platform.api.PageRequest;

/** Filters of the purchase list; null means "any". {@code from}/{@code to} bound the order date, both inclusive. */
public record PurchaseQuery(PurchaseType type, PurchaseStatus status, String supplierCode, LocalDate from, LocalDate to, String q,
        PageRequest page) {
}
