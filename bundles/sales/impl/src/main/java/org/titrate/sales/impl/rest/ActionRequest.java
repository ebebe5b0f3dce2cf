package org.titrate.sales.impl.rest;

/**
 * The optional body of a workflow action: a comment for the history ({@code reason} when
 * rejecting) and the version the client acted on, checked when given.
 */
public record ActionRequest(String comment, String reason, Long version) {
}
