package org.titrate.reporting.impl;

import java.util.List;
import org.titrate.platform.api.events.LoggedEvent;

/**
 * One source module's events and how they become read-model rows. {@link #load} reads the documents the events
 * are about through the module's API, outside any transaction; {@link #store} replaces their rows, in the
 * transaction that moves the cursor.
 */
interface Feed {

    /** The cursor's name in the platform's event log, {@code reporting.<module>}. */
    String cursor();

    /** The type prefix of the module's events. */
    String typePrefix();

    /** The documents the events name, as they are now; null while the module's API service is not there (wait). */
    Object load(List<LoggedEvent> events);

    /** Writes what {@link #load} returned, replacing the documents' earlier rows. */
    void store(java.sql.Connection c, Object loaded) throws java.sql.SQLException;

    /** The documents the events name, each once, as {@code get} reads them now; one that no longer exists is left out. */
    static <T> List<T> documents(List<LoggedEvent> events, java.util.function.Function<String, T> get) {
        java.util.Set<String> numbers = new java.util.LinkedHashSet<>();
        events.forEach(e -> numbers.add(e.key()));
        List<T> documents = new java.util.ArrayList<>();
        for (String number : numbers) {
            try {
                documents.add(get.apply(number));
            } catch (org.titrate.platform.api.NotFoundException e) {
                // an event of a document that no longer exists has nothing to report
            }
        }
        return documents;
    }

    /** Every item of a paged read of a source module's API, page by page at the API's largest page size. */
    static <T> List<T> all(java.util.function.Function<org.titrate.platform.api.PageRequest, org.titrate.platform.api.Page<T>> read) {
        List<T> all = new java.util.ArrayList<>();
        while (true) {
            org.titrate.platform.api.Page<T> page = read.apply(new org.titrate.platform.api.PageRequest(all.size(),
                    org.titrate.platform.api.PageRequest.MAX_LIMIT));
            all.addAll(page.items());
            if (page.items().isEmpty() || all.size() >= page.total()) {
                return all;
            }
        }
    }
}
