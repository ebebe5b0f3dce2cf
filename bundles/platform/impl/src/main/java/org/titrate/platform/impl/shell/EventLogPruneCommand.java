package org.titrate.platform.impl.shell;

import java.time.Duration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.time.BusinessClock;

/** Admins only (no ACL line grants it). Never deletes an event a registered cursor has not passed. */
@Command(scope = "titrate", name = "event-log-prune",
        description = "Deletes events older than N days, except those a registered cursor has not passed yet",
        detailedDescription = "删除早于 N 天的事件，尚未被已登记游标读过的事件保留")
@Service
public class EventLogPruneCommand implements Action {

    @Reference
    private EventLog log;

    @Option(name = "--older-than-days", required = true, description = "Delete events appended more than this many days ago (0: all)")
    private int olderThanDays;

    @Override
    public Object execute() {
        if (olderThanDays < 0) {
            System.err.println("--older-than-days must be 0 or more");
            return null;
        }
        long deleted = log.pruneBefore(BusinessClock.now().minus(Duration.ofDays(olderThanDays)));
        System.out.printf("%d events deleted (older than %d days, passed by every cursor)%n", deleted, olderThanDays);
        EventLogStatusCommand.print(log.status());
        return null;
    }
}
