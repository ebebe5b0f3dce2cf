package org.titrate.notifications.api;

import java.time.Instant;

/**
 * One line of a message's delivery log: an attempt ({@code SENT} with the provider's id, {@code FAILED} or
 * {@code GAVE_UP} with the error; {@code by} is {@code system}) or an administrator's {@code RETRY} ({@code by} the
 * administrator, {@code detail} the state it was retried from). {@code attempt} counts the attempts made so far.
 */
public record DeliveryLogEntry(Instant at, String kind, int attempt, String by, String detail) {
}
