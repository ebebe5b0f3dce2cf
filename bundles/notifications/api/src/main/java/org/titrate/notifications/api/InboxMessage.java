package org.titrate.notifications.api;

import java.time.Instant;

/** One message in a staff member's in-app inbox. */
public record InboxMessage(String id, NotificationEvent event, String title, String body, String orderNumber, String customerCode,
        Instant createdAt, boolean read) {
}
