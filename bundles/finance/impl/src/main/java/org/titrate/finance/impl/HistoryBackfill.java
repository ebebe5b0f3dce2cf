package org.titrate.finance.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Books another module's documents that were posted while finance was not there to listen, once.
 * It follows the module's change feed from where it last looked ({@code FIN_CURSOR}), so a start
 * reads only what changed since finance last ran, and books every document in a posted state that
 * is not on the ledger yet (postings are idempotent per document). The first pass runs when finance
 * starts, before its views answer, and reads to the end of what is committed, past the last 15 seconds
 * the feed still holds back (without moving the cursor there), so balances and paid amounts are right
 * from their first answer. A second pass follows twenty seconds later, for a change whose transaction
 * was still committing while the first one read (stamped before the posting listener was there). Stopping
 * finance moves the cursor to shortly before that moment: until then the posting listener booked everything.
 *
 * @param <D> the module's document
 */
abstract class HistoryBackfill<D> {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryBackfill.class);
    private static final int PAGE = 500;
    /** After the feeds' settling window (15 s): what changed just before finance started shows by then. */
    private static final Duration SECOND_PASS = Duration.ofSeconds(20);
    /** More than the feeds hold changes back; what changed in this window before finance stopped is looked at again. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private ScheduledExecutorService later;
    /** Whether the last pass went through to the end of the feed: only then may stopping move the cursor on. */
    private volatile boolean caughtUp;

    /** The cursor's name, the module's. */
    protected abstract String module();

    /** Documents changed after {@code since}, oldest first, about {@code limit}; empty when the module is not there. */
    protected abstract List<D> changedSince(Instant since, int limit);

    /** Every document whose change after {@code since} is committed, including what the feed still holds back. */
    protected abstract List<D> committedSince(Instant since, int limit);

    protected abstract Instant changedAt(D document);

    /** Books the document if it is in a posted state; true when this booked it now. Runs in a transaction. */
    protected abstract boolean book(D document);

    protected abstract FinanceCursors cursors();

    void start() {
        caughtUp = false;
        pass(true);
        later = FinanceTimers.single("titrate-finance-backfill-" + module());
        later.schedule(() -> pass(false), SECOND_PASS.toSeconds(), TimeUnit.SECONDS);
    }

    void stop() {
        FinanceTimers.stop(later);
        if (!caughtUp) {
            return; // a pass failed or never ended: the next start looks again from where it got
        }
        try {
            Instant cursor = cursors().position(module());
            Instant nearlyNow = FinanceSchema.now().minus(MARGIN);
            if (nearlyNow.isAfter(cursor)) {
                cursors().move(module(), nearlyNow);
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot record how far finance has booked {}; its next start looks through more changes", module(), e);
        }
    }

    /** @param toTheEnd also book what the feed still holds back, without moving the cursor past the feed */
    private synchronized void pass(boolean toTheEnd) {
        try {
            Instant since = cursors().position(module());
            int booked = 0;
            while (true) {
                List<D> changed = changedSince(since, PAGE);
                if (changed.isEmpty()) {
                    break;
                }
                booked += bookAll(changed);
                since = changedAt(changed.get(changed.size() - 1));
                cursors().move(module(), since);
                if (changed.size() < PAGE) {
                    break;
                }
            }
            Instant recent = since;
            while (toTheEnd) {
                List<D> changed = committedSince(recent, PAGE);
                booked += bookAll(changed);
                if (changed.size() < PAGE) {
                    break;
                }
                recent = changedAt(changed.get(changed.size() - 1));
            }
            caughtUp = true;
            if (booked > 0) {
                LOG.info("Finance booked {} {} documents posted while it was not installed", booked, module());
            }
        } catch (RuntimeException e) {
            caughtUp = false;
            LOG.warn("Finance could not book the {} documents it missed; it tries again at its next start", module(), e);
        }
    }

    private int bookAll(List<D> documents) {
        int booked = 0;
        for (D d : documents) {
            if (cursors().inTransaction(() -> book(d))) {
                booked++;
            }
        }
        return booked;
    }
}
