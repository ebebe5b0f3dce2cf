package org.titrate.platform.impl.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.events.CursorPosition;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.events.LogSize;
import org.titrate.platform.api.events.LoggedEvent;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.ShellInput;
import org.titrate.platform.api.shell.TextTable;

@Allowed(Roles.ADMIN)
@Command(scope = "titrate", name = "event-list", description = "Lists the event log by sequence number, then its size and cursors",
        detailedDescription = "按序号列出事件日志，并显示其大小和游标")
@Service
public class EventListCommand implements Action {

    @Reference
    private EventLog log;

    @Option(name = "--after", description = "Show events after this sequence number (default: the last 50)")
    private Long after;

    @Option(name = "--type", description = "Only events whose type starts with this, e.g. org/titrate/sales/order")
    private String type;

    @Option(name = "--limit", description = "At most this many events (default 50)")
    private int limit = 50;

    @Override
    public Object execute() {
        LogSize size = log.size();
        long from = after != null ? Math.max(0, after) : Math.max(0, size.lastSeq() - limit);
        List<LoggedEvent> events = log.read(from, Math.max(1, Math.min(limit, 500)), type);
        TextTable table = new TextTable();
        table.column("Seq");
        table.column("Type");
        table.column("Key");
        table.column("Actor");
        table.column("At");
        table.column("Payload").maxSize(80);
        for (LoggedEvent e : events) {
            table.addRow().addContent(e.seq(), e.type(), e.key(), e.actor(), e.at(), e.payload());
        }
        table.print(System.out);
        System.out.printf("%d events kept, seq %d to %d%n", size.events(), size.firstSeq(), size.lastSeq());
        for (CursorPosition c : size.cursors()) {
            System.out.printf("cursor %s at %d (%d behind), moved %s%n", c.name(), c.position(), size.lastSeq() - c.position(),
                    ShellInput.time(c.updatedAt()));
        }
        return null;
    }
}
