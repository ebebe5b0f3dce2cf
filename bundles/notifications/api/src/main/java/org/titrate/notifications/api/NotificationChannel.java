package org.titrate.notifications.api;

/** How a message travels: e-mail and SMS to customers' contacts, the in-app inbox to staff. */
public enum NotificationChannel {
    EMAIL,
    SMS,
    INAPP
}
