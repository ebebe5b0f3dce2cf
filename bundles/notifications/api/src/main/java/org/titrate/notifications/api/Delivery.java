package org.titrate.notifications.api;

import java.time.Instant;

/**
 * One stored message to one recipient on one channel, made from one event of the platform's log
 * ({@code eventSeq}); there is never a second one for the same event, channel and recipient.
 * {@code templateCode} is the SMS provider's pre-registered template; {@code providerId} the id the channel gave
 * the accepted message.
 */
public record Delivery(
        String id,
        long eventSeq,
        NotificationEvent event,
        NotificationChannel channel,
        String recipient,
        String customerCode,
        String orderNumber,
        String language,
        String subject,
        String body,
        String templateCode,
        DeliveryState state,
        int attempts,
        Instant nextAttemptAt,
        String providerId,
        String lastError,
        Instant createdAt,
        Instant sentAt) {
}
