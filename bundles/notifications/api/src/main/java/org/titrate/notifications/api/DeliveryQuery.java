package org.titrate.notifications.api;

import org.titrate.platform.api.PageRequest;

/** Filters of the delivery list; null means any. */
public record DeliveryQuery(DeliveryState state, NotificationChannel channel, NotificationEvent event, String customerCode,
        String orderNumber, String recipient, PageRequest page) {
}
