package org.titrate.finance.impl;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.finance.api.PartyType;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.events.LoggedEvent;

/**
 * Books another module's documents that were posted while finance was not there to listen, once, by
 * following the module's events in the platform's event log with a durable cursor ({@code finance.<module>}).
 * The posting listener books a shipment or receipt in its own transaction; this follower checks every
 * posting event after its cursor and books the document when the ledger lacks it (postings are idempotent
 * per document), then moves the cursor in the transaction that booked. A transaction that had passed the
 * listeners before finance registered its listener, and commits later, is therefore booked too, as soon as
 * it commits: the log shows it only once every earlier append has ended, so the cursor never passes it.
 *
 * <p>The first pass runs when following starts; finance's views call {@link #awaitFirstPass()} before they answer,
 * so balances and paid amounts are right from their first answer (they depend on the history being booked and say so).
 * Then every commit that appended wakes the follower within half a second (with a one-minute poll as a fallback). What it costs while finance runs is one look-up of the ledger per posting event.
 * Documents last changed before the log existed are read once from the module's old change feed.
 *
 * @param <D> the module's document
 */
abstract class HistoryBackfill<D> {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryBackfill.class);
    private static final int PAGE = 500;
    /** Longer than a first pass takes after a long absence; a view never waits for ever. */
    private static final long FIRST_PASS_WAIT_SECONDS = 60;

    private ScheduledExecutorService follower;
    private AutoCloseable wakeUps;
    private AutoCloseable licenceChanges;
    private final AtomicBoolean due = new AtomicBoolean();
    /** Open from the start of following until the first pass has ended (or following stopped); open while not following. */
    private volatile CountDownLatch firstPass = new CountDownLatch(0);
    /**
     * Set while a follower books: what it calls may read finance's views (a sales order shows its paid amount), and the
     * booking must not wait for a first pass, its own or the other module's.
     */
    private static final ThreadLocal<Boolean> BOOKING = ThreadLocal.withInitial(() -> false);

    /** The module's name, as in the cursors. */
    protected abstract String module();

    /** The type prefix of the module's document events in the log. */
    protected abstract String typePrefix();

    /** Whether an event of this type posts the document (a shipment, a receipt). */
    protected abstract boolean posts(String type);

    protected abstract PartyType party();

    /** The document as it is now; null while the module is not installed. */
    protected abstract D load(String number);

    /** Documents changed after {@code since} by the module's old change feed, oldest first; for the time before the log. */
    protected abstract List<D> changedSince(Instant since, int limit);

    protected abstract Instant changedAt(D document);

    /** Books the document if it is in a posted state; true when this booked it now. Runs in a transaction. */
    protected abstract boolean book(D document);

    protected abstract FinanceCursors cursors();

    private EventLog log() {
        return cursors().log();
    }

    private FinanceLedger ledger() {
        return cursors().ledger();
    }

    private String cursor() {
        return "finance." + module();
    }

    void start() {
        CountDownLatch first = new CountDownLatch(1);
        firstPass = first;
        log().register(cursor(), 0);
        try {
            beforeTheLog();
            pass();
        } finally {
            first.countDown();
        }
        follower = FinanceTimers.single("titrate-finance-backfill-" + module());
        wakeUps = log().onCommit(this::wake);
        licenceChanges = cursors().onLicenceChange(this::wake);
        follower.scheduleWithFixedDelay(this::pass, 1, 1, TimeUnit.MINUTES);
    }

    /**
     * Returns once what finance missed while it was away is booked (at once after the first pass). Finance's views
     * call it before reading the ledger. Never call it inside a transaction that booked something: the pass books in
     * transactions of its own.
     */
    void awaitFirstPass() {
        if (BOOKING.get()) {
            return;
        }
        try {
            if (!firstPass.await(FIRST_PASS_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Finance answers before it has booked every {} document it missed", module());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        try {
            if (wakeUps != null) {
                wakeUps.close();
            }
            if (licenceChanges != null) {
                licenceChanges.close();
            }
        } catch (Exception e) {
            LOG.warn("Cannot stop following the event log for {}", module(), e);
        }
        FinanceTimers.stop(follower);
        firstPass.countDown();
    }

    /**
     * Called on the committing thread: only queues a pass, never more than one at a time, half a second later so that
     * under load one pass reads what many commits appended (the posting listener has booked them; this is the safety net).
     */
    private void wake() {
        if (due.compareAndSet(false, true)) {
            try {
                follower.schedule(() -> {
                    due.set(false);
                    pass();
                }, 500, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                due.set(false); // stopping
            }
        }
    }

    /** Follows the log from the cursor to what is readable now. */
    synchronized void pass() {
        if (!cursors().books()) {
            // Not licensed: the cursor waits where it is, and the first pass after licensing books what came meanwhile.
            return;
        }
        boolean outer = !BOOKING.get();
        BOOKING.set(true);
        try {
            int booked = 0;
            while (true) {
                long from = log().position(cursor());
                List<LoggedEvent> events = log().read(from, PAGE, typePrefix());
                if (events.isEmpty()) {
                    break;
                }
                long position = from;
                long handled = from;
                for (LoggedEvent e : events) {
                    if (posts(e.type()) && !ledger().booked(party(), e.key())) {
                        D document = load(e.key());
                        if (document == null) {
                            LOG.info("Finance waits for {} to book {}", module(), e.key());
                            moveTo(position, handled);
                            return;
                        }
                        long at = position;
                        if (cursors().inTransaction(() -> {
                            boolean now = book(document);
                            log().advance(cursor(), at, e.seq());
                            return now;
                        })) {
                            booked++;
                        }
                        position = e.seq();
                    }
                    handled = e.seq();
                }
                moveTo(position, handled);
                if (events.size() < PAGE) {
                    break;
                }
            }
            if (booked > 0) {
                LOG.info("Finance booked {} {} documents posted while it was not listening", booked, module());
            }
        } catch (RuntimeException e) {
            LOG.warn("Finance could not book the {} documents it missed; it tries again", module(), e);
        } finally {
            if (outer) {
                BOOKING.remove();
            }
        }
    }

    private void moveTo(long from, long to) {
        if (to > from) {
            cursors().inTransaction(() -> {
                log().advance(cursor(), from, to);
                return null;
            });
        }
    }

    /**
     * Documents whose last change is older than the log ({@code FIN_CURSOR} says how far finance had looked), once: a
     * database upgraded while finance was not installed. Afterwards the cursor stands at the log's start.
     */
    private void beforeTheLog() {
        BOOKING.set(true);
        try {
            bookBeforeTheLog();
        } finally {
            BOOKING.remove();
        }
    }

    private void bookBeforeTheLog() {
        Instant logStart = log().read(0, 1).stream().map(LoggedEvent::at).findFirst().orElse(null);
        Instant since = cursors().position(module());
        if (logStart == null || !since.isBefore(logStart)) {
            return;
        }
        try {
            int booked = 0;
            while (since.isBefore(logStart)) {
                List<D> changed = changedSince(since, PAGE);
                for (D d : changed) {
                    if (changedAt(d).isBefore(logStart) && cursors().inTransaction(() -> book(d))) {
                        booked++;
                    }
                }
                if (changed.size() < PAGE) {
                    break;
                }
                since = changedAt(changed.get(changed.size() - 1));
                cursors().move(module(), since);
            }
            cursors().move(module(), logStart);
            if (booked > 0) {
                LOG.info("Finance booked {} {} documents posted before the event log existed", booked, module());
            }
        } catch (RuntimeException e) {
            LOG.warn("Finance could not book the {} documents from before the event log; it tries again at its next start", module(), e);
        }
    }
}
