package org.titrate.platform.api.events;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's durable, ordered change feed. Every business change other modules or outside systems
 * react to is appended here in the transaction that makes the change, so an event exists exactly when
 * its change committed; consumers read by sequence number.
 *
 * <p><b>Out-of-order commits.</b> Sequence numbers are handed out in the order of the appends, but
 * transactions may commit in another order (seq 7 may commit before seq 6). Readers therefore only see
 * the log up to {@link #visibleUpTo()}: one below the lowest sequence number whose transaction is still
 * running, or everything when none is. A cursor that advances to the last event it read can thus never
 * pass an event that commits later. See the implementation for why this is correct on Derby and
 * PostgreSQL alike. An event's {@link LoggedEvent#at()} strictly increases with its sequence number.
 *
 * <p><b>Consumers.</b> A consumer with a named cursor reads {@link #next}, does its work and calls
 * {@link #advance} <em>in the same transaction</em>: its work and its position commit together, so after
 * a crash it resumes exactly after the last event whose work committed, without gap or repeat.
 */
@ProviderType
public interface EventLog {

    /**
     * Appends an event in the caller's JTA transaction (on its connection); it becomes visible when that
     * transaction commits and vanishes with it on rollback. Without a transaction the event commits at once.
     *
     * @param payload flat facts (strings, numbers, booleans); null values are left out
     * @return the event's sequence number
     */
    long append(String type, String key, String actor, Map<String, ?> payload);

    /** Up to {@code limit} events after {@code afterSeq}, oldest first, never past {@link #visibleUpTo()}. */
    List<LoggedEvent> read(long afterSeq, int limit);

    /** As {@link #read(long, int)}, only events whose type starts with {@code typePrefix}. */
    List<LoggedEvent> read(long afterSeq, int limit, String typePrefix);

    /** The highest sequence number readers may see now: every append at or below it has ended. */
    long visibleUpTo();

    /**
     * The highest sequence number appended at or before {@code at} (0 when none), for feeds that take an instant.
     * Appending times strictly increase with the sequence number, so continuing after it misses nothing.
     */
    long lastSeqAtOrBefore(java.time.Instant at);

    /** The event's payload as a map (strings, numbers, booleans), for consumers without a JSON library of their own. */
    Map<String, Object> payload(LoggedEvent event);

    /**
     * Registers a durable cursor if it is not there yet, at {@code startAfter} (0 = the whole log), and
     * returns its position. A registered cursor keeps every event after its position from being deleted.
     */
    long register(String cursor, long startAfter);

    /** The cursor's position; {@link IllegalArgumentException} when it is not registered. */
    long position(String cursor);

    /** The events after the cursor's position. */
    List<LoggedEvent> next(String cursor, int limit);

    /**
     * Moves the cursor from {@code from} to {@code to} in the caller's transaction, so the position commits
     * with the work done for the events in between. Refused with a
     * {@link org.titrate.platform.api.ConflictException} when the cursor is no longer at {@code from}
     * (another consumer on the same cursor got there first): roll back, the events were handled there.
     */
    void advance(String cursor, long from, long to);

    /** Drops a cursor; the events it held back become deletable. */
    void unregister(String cursor);

    LogSize size();

    /** The log's size in detail: entries kept, oldest and newest, per type, and how far behind each cursor is. */
    LogStatus status();

    /**
     * Deletes events up to {@code upToSeq}, but never one a registered cursor has not passed.
     *
     * @return the events deleted
     */
    long prune(long upToSeq);

    /**
     * Deletes the events appended before {@code before}, but never one a registered cursor has not passed (nor the
     * newest event, which the numbering continues from after a restart).
     *
     * @return the events deleted
     */
    long pruneBefore(java.time.Instant before);

    /**
     * Calls {@code listener} after every commit that appended events (on the committing thread; it must
     * only wake a reader). For in-process followers that want no polling delay.
     *
     * @return closing it stops the calls
     */
    AutoCloseable onCommit(Runnable listener);
}
