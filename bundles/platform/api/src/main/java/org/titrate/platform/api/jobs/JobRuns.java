package org.titrate.platform.api.jobs;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a module's scheduled job (a {@code Runnable} on Karaf's scheduler whiteboard, with {@code scheduler.name})
 * reports its runs, so that an administrator sees when each job last ran, how it ended and when it runs next. Karaf's
 * scheduler keeps no such record of its own.
 *
 * <pre>
 * try (JobRuns.Run run = jobRuns.started("titrate-payment-reminders")) {
 *     ...work...
 * } // a RuntimeException escaping the block is recorded through run.failed(e) by the caller before rethrowing
 * </pre>
 */
@ProviderType
public interface JobRuns {

    /** A run has started now; close the returned run when it ends. */
    Run started(String job);

    /** One run of a job. */
    @ProviderType
    interface Run extends AutoCloseable {
        /** The run ended with this failure (recorded when the run is closed). */
        void failed(Throwable cause);

        /** The run has ended. */
        @Override
        void close();
    }
}
