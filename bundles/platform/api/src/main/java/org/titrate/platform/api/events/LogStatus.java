package org.titrate.platform.api.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The event log's size for administrators deciding on retention: what is kept, how old it is, what it is made of,
 * and how far behind each registered cursor is (nothing after the lowest cursor is ever deleted).
 *
 * @param events       entries kept
 * @param firstSeq     the oldest kept entry (0 when empty)
 * @param lastSeq      the newest entry consumers may read
 * @param oldestAt     when the oldest kept entry was appended (null when empty)
 * @param newestAt     when the newest kept entry was appended (null when empty)
 * @param eventsByType entries kept per type, by type
 * @param cursors      the registered consumers, by name
 */
public record LogStatus(long events, long firstSeq, long lastSeq, Instant oldestAt, Instant newestAt, Map<String, Long> eventsByType,
        List<CursorLag> cursors) {

    /**
     * A registered consumer and how far behind it is.
     *
     * @param position     it has handled every event up to and including this sequence number
     * @param eventsBehind kept events after its position, up to {@code lastSeq}: what it has still to handle
     * @param updatedAt    when it last moved
     */
    public record CursorLag(String name, long position, long eventsBehind, Instant updatedAt) {
    }
}
