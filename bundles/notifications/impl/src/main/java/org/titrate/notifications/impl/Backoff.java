package org.titrate.notifications.impl;

import java.time.Duration;

/** Exponential back-off between attempts: base, 2 × base, 4 × base, ..., never more than max. */
final class Backoff {
    private Backoff() {
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    static Duration after(int attempts, Duration base, Duration max) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        long millis = base.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
