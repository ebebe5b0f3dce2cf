package org.titrate.notifications.api;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;

/** The stored messages, their templates and the staff inbox. */
@ProviderType
public interface NotificationService {
    /** The placeholders a template may name. */
    Set<String> PLACEHOLDERS = Set.of("customerName", "orderNumber", "stage", "reason", "carrier", "trackingNumber", "amount",
            "currency", "dueDate", "link");

    Page<Delivery> deliveries(DeliveryQuery query);

    Delivery delivery(String id);

    /**
     * Makes a pending, failed or given-up message due again now (409 for one already sent). The attempts made so far are
     * kept; the retry is written to the message's delivery log with who asked and when.
     */
    Delivery retry(String id);

    /** The delivery log of a message, oldest first: every attempt and every retry. */
    List<DeliveryLogEntry> log(String id);

    /** Every event, channel and language with the template that applies (the shipped default or the saved one). */
    List<NotificationTemplate> templates();

    /** Saves a template; an unknown placeholder is a 400 naming {@code subject} or {@code body}. */
    NotificationTemplate saveTemplate(NotificationTemplate template);

    /** The inbox of {@code user}, who holds {@code roles}: messages to them and to any of their roles, unread first. */
    Inbox inbox(String user, Set<String> roles, PageRequest page);

    /** Marks a message of the user's inbox read (404 when it is not theirs). */
    InboxMessage markRead(String user, Set<String> roles, String id);

    /** The public tracking link of a return, once any message about it was made; null otherwise. */
    String trackingLink(String orderNumber);
}
