package org.titrate.platform.impl.modules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.titrate.platform.api.jobs.JobRuns;

/**
 * The runs of the scheduled jobs since the container started, kept in memory: a job on Karaf's scheduler runs again
 * within its period after a restart ({@code scheduler.immediate}), so what an administrator asks — did it run lately,
 * did it fail — is answered without a table.
 */
@Component(service = {JobRuns.class, ScheduledJobRuns.class})
public class ScheduledJobRuns implements JobRuns {

    /** The last run of a job: {@code lastEnd} and {@code outcome} are null while the first run is under way. */
    public record LastRun(Instant lastStart, Instant lastEnd, Long lastMillis, String outcome, long runs, long failures,
            boolean running) {
    }

    private final Map<String, LastRun> runs = new ConcurrentHashMap<>();
    /** Replaced by the rules' tests. */
    Clock clock = Clock.systemUTC();

    @Override
    public Run started(String job) {
        Instant start = clock.instant();
        runs.compute(job, (name, last) -> last == null
                ? new LastRun(start, null, null, null, 1, 0, true)
                : new LastRun(start, last.lastEnd(), last.lastMillis(), last.outcome(), last.runs() + 1, last.failures(), true));
        return new Run() {
            private Throwable failure;

            @Override
            public void failed(Throwable cause) {
                failure = cause;
            }

            @Override
            public void close() {
                Instant end = clock.instant();
                String outcome = failure == null ? "ok" : "failed: " + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
                runs.computeIfPresent(job, (name, last) -> new LastRun(last.lastStart(), end, Duration.between(start, end).toMillis(),
                        outcome, last.runs(), last.failures() + (failure == null ? 0 : 1), false));
            }
        };
    }

    /** The last run of a job, or null when it has not run since the container started. */
    public LastRun last(String job) {
        return runs.get(job);
    }
}
