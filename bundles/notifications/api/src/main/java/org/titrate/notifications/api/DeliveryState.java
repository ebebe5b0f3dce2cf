package org.titrate.notifications.api;

/**
 * A stored message's state: {@code PENDING} until its first attempt, {@code SENT} once the channel accepted it,
 * {@code FAILED} after a failed attempt (tried again at {@code nextAttemptAt}), {@code GAVE_UP} after the last
 * allowed attempt failed (an administrator may retry it).
 */
public enum DeliveryState {
    PENDING,
    SENT,
    FAILED,
    GAVE_UP
}
