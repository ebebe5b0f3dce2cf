package org.titrate.platform.api.events;

import java.util.List;

/**
 * How big the log is and who still needs which part of it.
 *
 * @param events       entries kept
 * @param firstSeq     the oldest kept entry (0 when empty)
 * @param lastSeq      the newest entry consumers may read (everything up to it has committed or rolled back)
 * @param cursors      the registered consumers; nothing after the lowest position is ever deleted
 */
public record LogSize(long events, long firstSeq, long lastSeq, List<CursorPosition> cursors) {
}
