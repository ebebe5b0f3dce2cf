package org.titrate.platform.api.events;

import java.time.Instant;

/** A named consumer's place in the log: it has handled every event up to and including {@code position}. */
public record CursorPosition(String name, long position, Instant updatedAt) {
}
