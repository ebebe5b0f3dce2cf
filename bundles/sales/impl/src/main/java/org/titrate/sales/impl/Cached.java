package org.titrate.sales.impl;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A value read from the database and kept until the next committed change. A load that overlaps an
 * invalidation is returned but not kept, so the cache never holds what was read before a change.
 */
final class Cached<T> {
    private final Supplier<T> loader;
    private final AtomicLong generation = new AtomicLong();
    private volatile T value;

    Cached(Supplier<T> loader) {
        this.loader = loader;
    }

    T get() {
        T current = value;
        if (current == null) {
            long seen = generation.get();
            current = loader.get();
            if (generation.get() == seen) {
                value = current;
            }
        }
        return current;
    }

    /** Call after the change has committed. */
    void invalidate() {
        generation.incrementAndGet();
        value = null;
    }
}
