package org.titrate.notifications.impl;

import java.time.Instant;
import org.titrate.notifications.api.NotificationChannel;
import org.titrate.notifications.api.NotificationEvent;

/**
 * A message the follower made from an event, to be stored with the cursor's move. {@code audience} is the recipient:
 * an address or mobile number for e-mail and SMS, {@code user:<name>} or {@code role:<role>} for the inbox.
 */
record Planned(long seq, NotificationEvent event, NotificationChannel channel, String audience, String customerCode, String orderNumber,
        String language, String subject, String body, String templateCode, String params, Instant due) {

    String key() {
        return seq + "\u0000" + channel + "\u0000" + audience;
    }
}
