package org.titrate.sales.impl.rest;

/**
 * The optional body of a confirm: a comment, the version acted on and, for a finance user or an administrator,
 * {@code overrideCreditLimit} with the {@code reason} the history keeps.
 */
public record ConfirmRequest(String comment, String reason, Long version, Boolean overrideCreditLimit) {
}
