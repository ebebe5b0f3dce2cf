package org.titrate.platform.api.events;

import java.time.Duration;

/**
 * The timestamp change feeds that came before the event log ({@code changedSince}, {@code postingsSince}); they
 * stay for old integrations and for the documents last changed before the log existed. New readers follow the
 * {@link EventLog} by sequence number.
 */
public final class Feeds {
    /**
     * How long a change may take to commit after it was stamped: the stamp is taken before the posting listeners
     * wait for their locks (Derby's {@code derby.locks.waitTimeout} is 10 s, commits take milliseconds). A timestamp
     * feed shows only changes older than this, so a poller that follows it misses none.
     */
    public static final Duration SETTLING = Duration.ofSeconds(15);

    private Feeds() {
    }
}
