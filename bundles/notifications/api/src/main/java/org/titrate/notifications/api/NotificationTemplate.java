package org.titrate.notifications.api;

import java.time.Instant;

/**
 * The text of one event on one channel in one language. Placeholders are named, {@code {{orderNumber}}}, from a
 * fixed list ({@link NotificationService#PLACEHOLDERS}); nothing else is evaluated. For {@code SMS}, {@code subject}
 * is the template code registered with the provider and {@code body} the text it stands for (its placeholders are
 * the parameters sent). {@code custom} is false while the shipped default applies.
 */
public record NotificationTemplate(NotificationEvent event, NotificationChannel channel, String language, String subject, String body,
        boolean custom, Instant updatedAt, String updatedBy) {
}
