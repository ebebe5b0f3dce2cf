package org.titrate.sales.api;

/**
 * Something the approver of a document should look at, without blocking it: {@code field} names
 * the line and property ({@code lines[0].lot}), {@code code} is stable for programs
 * ({@code LOT_NOT_SHIPPED_TO_CUSTOMER}, {@code LOT_EXPIRED}, …), {@code message} is for people.
 */
public record DocumentWarning(String field, String code, String message) {
}
