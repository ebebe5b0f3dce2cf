package org.titrate.platform.impl.shell;

import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.events.LogStatus;
import org.titrate.platform.api.shell.TextTable;

/** Admins only (no ACL line grants it): the log names every document of every module. */
@Command(scope = "titrate", name = "event-log-status",
        description = "Shows the event log's size: entries, oldest and newest, per type, and how far behind each cursor is",
        detailedDescription = "查看事件日志的规模：条数、最早与最新、按类型统计，以及各游标落后多少")
@Service
public class EventLogStatusCommand implements Action {

    @Reference
    private EventLog log;

    @Override
    public Object execute() {
        print(log.status());
        return null;
    }

    static void print(LogStatus s) {
        System.out.printf("%d events kept, seq %d to %d, appended %s to %s%n", s.events(), s.firstSeq(), s.lastSeq(),
                s.oldestAt() == null ? "-" : s.oldestAt(), s.newestAt() == null ? "-" : s.newestAt());
        TextTable types = new TextTable();
        types.column("Type");
        types.column("Events").alignRight();
        for (Map.Entry<String, Long> t : s.eventsByType().entrySet()) {
            types.addRow().addContent(t.getKey(), t.getValue());
        }
        types.print(System.out);
        TextTable cursors = new TextTable();
        cursors.column("Cursor");
        cursors.column("Position").alignRight();
        cursors.column("Behind").alignRight();
        cursors.column("Moved");
        for (LogStatus.CursorLag c : s.cursors()) {
            cursors.addRow().addContent(c.name(), c.position(), c.eventsBehind(), c.updatedAt());
        }
        cursors.print(System.out);
    }
}
