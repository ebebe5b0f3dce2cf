package org.titrate.notifications.api;

import java.util.List;

/** A page of the signed-in user's inbox, unread messages first, and how many are unread in all. */
public record Inbox(List<InboxMessage> items, long total, long unread, int offset, int limit) {
}
