package org.titrate.licensing.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The latest time the licence check has seen, kept in a file so that turning the clock back (or restarting with it
 * turned back) does not extend a licence. A clock more than a day behind that time is reported, and the latest time
 * is used instead of it.
 */
final class ClockMemory {
    static final Duration TOLERANCE = Duration.ofDays(1);
    private final Path file;
    private Instant latest;
    private Instant stored;

    ClockMemory(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                latest = Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
                stored = latest;
            }
        } catch (IOException | DateTimeParseException e) {
            latest = null;
        }
    }

    /** What the licence check takes as now: the clock, or the latest time seen when the clock is behind it. */
    synchronized Instant now(Instant clock) {
        if (latest == null || clock.isAfter(latest)) {
            latest = clock;
            if (stored == null || Duration.between(stored, latest).compareTo(Duration.ofMinutes(1)) >= 0) {
                store();
            }
            return clock;
        }
        return latest;
    }

    /** The report for a clock more than a day behind the latest time seen; null otherwise. */
    synchronized String warning(Instant clock) {
        if (latest != null && clock.plus(TOLERANCE).isBefore(latest)) {
            return "the system clock (" + clock + ") is more than a day behind the latest time seen (" + latest
                    + "); licences are checked against the latest time seen";
        }
        return null;
    }

    private void store() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, latest.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            stored = latest;
        } catch (IOException e) {
            // Kept in memory; the next minute tries again.
        }
    }
}
