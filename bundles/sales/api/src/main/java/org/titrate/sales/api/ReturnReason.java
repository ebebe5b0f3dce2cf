package org.titrate.sales.api;

/**
 * Why goods come back ({@code DAMAGED}, {@code WRONG_PRODUCT}, {@code QUALITY}, {@code EXPIRED},
 * {@code OTHER} out of the box); administrators add their own or deactivate one.
 */
public record ReturnReason(String code, String name, Boolean active, Long version) {
}
