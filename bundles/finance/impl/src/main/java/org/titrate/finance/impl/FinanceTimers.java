package org.titrate.finance.impl;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The background threads of finance's timed work. Stopping drops what is only scheduled and lets a
 * run in progress finish instead of interrupting it: an interrupt in the middle of a database call
 * can cost Derby its connection.
 */
final class FinanceTimers {

    private FinanceTimers() {
    }

    static ScheduledExecutorService single(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        return timer;
    }

    static void stop(ScheduledExecutorService timer) {
        if (timer == null) {
            return;
        }
        timer.shutdown();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
