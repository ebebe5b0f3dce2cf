package org.titrate.platform.impl.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.events.LoggedEvent;

/**
 * Announces the log on EventAdmin for in-process listeners: each event under its type as topic, with its
 * payload's fields as properties (plus {@link #SEQ}), the topics and properties the modules announced
 * after commit before the log existed. Reading the log instead of a transaction's afterCompletion means
 * an event whose change committed just before the process died is still announced after the restart
 * (at least once: it may be announced twice if the process dies between the announcement and the
 * cursor's move). The publisher is woken by every commit that appended, so an event is announced within
 * milliseconds; the one-second poll is only a fallback. It stores its position at most once a second (and
 * when it stops): a crash repeats at most that second's announcements, which at-least-once allows, and a
 * posted order costs one read of the log here instead of a read and a write per transaction.
 */
@Component(immediate = true)
public class EventAdminPublisher {
    static final String CURSOR = "platform.eventadmin";
    public static final String SEQ = "eventSeq";
    private static final Logger LOG = LoggerFactory.getLogger(EventAdminPublisher.class);
    private static final int BATCH = 500;

    @Reference
    private EventLog log;

    @Reference
    private EventAdmin eventAdmin;

    private final Object wake = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;
    private AutoCloseable subscription;
    /** Where the cursor stands: this publisher alone moves it, so it is read from the database only when it starts. */
    private long position;
    /** What the database holds of it, and when that was written. */
    private long saved;
    private long savedAt;

    @Activate
    void activate() {
        // A new installation starts at the head: what happened before there was a publisher was never promised to anyone.
        position = log.register(CURSOR, log.visibleUpTo());
        saved = position;
        running = true;
        subscription = log.onCommit(this::wake);
        thread = new Thread(this::run, "titrate-event-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() throws Exception {
        running = false;
        subscription.close();
        wake();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        save();
    }

    private void wake() {
        synchronized (wake) {
            woken = true;
            wake.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                synchronized (wake) {
                    if (!woken) {
                        wake.wait(1000);
                    }
                    woken = false;
                }
                while (running && publishBatch() == BATCH) {
                    // more waiting
                }
                if (System.nanoTime() - savedAt >= TimeUnit.SECONDS.toNanos(1)) {
                    save();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Could not announce the event log on EventAdmin; trying again", e);
                try {
                    saved = log.position(CURSOR);
                    position = saved; // what was announced after it is announced again: at least once
                } catch (RuntimeException again) {
                    LOG.debug("The event log is not readable yet", again);
                }
            }
        }
    }

    private int publishBatch() {
        long from = position;
        List<LoggedEvent> events = log.read(from, BATCH);
        if (events.isEmpty()) {
            return 0;
        }
        for (LoggedEvent e : events) {
            eventAdmin.postEvent(event(e));
        }
        position = events.get(events.size() - 1).seq();
        return events.size();
    }

    /** Writes the position if it moved since it was last written. */
    private void save() {
        if (position != saved) {
            log.advance(CURSOR, saved, position);
            saved = position;
        }
        savedAt = System.nanoTime();
    }

    private Event event(LoggedEvent e) {
        Map<String, Object> properties = new HashMap<>();
        try {
            properties.putAll(log.payload(e));
        } catch (IllegalStateException ex) {
            LOG.warn("Event {} has a payload that is not a JSON object; announced without it", e.seq());
        }
        properties.put(SEQ, e.seq());
        return new Event(e.type(), properties);
    }
}
