package org.titrate.notifications.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.titrate.notifications.api.Delivery;
import org.titrate.notifications.api.DeliveryQuery;
import org.titrate.notifications.api.DeliveryState;
import org.titrate.notifications.api.NotificationChannel;
import org.titrate.notifications.api.NotificationService;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.platform.api.licensing.Entitlements;

/** Lists stored messages, newest first; administrators only (no line in the command ACL). */
@Command(scope = "titrate", name = "notification-list", description = "Lists notifications sent or waiting, newest first",
        detailedDescription = "列出已发送或待发送的通知，最新的在前")
@Service
public class NotificationListCommand implements Action {

    /** Read at each run: a module that is not licensed refuses its commands (docs/licensing.md). */
    @Reference(optional = true)
    private Entitlements entitlements;

    @Option(name = "-s", aliases = "--state", description = "PENDING, SENT, FAILED or GAVE_UP")
    @Completion(value = StringsCompleter.class, values = {"PENDING", "SENT", "FAILED", "GAVE_UP"})
    private DeliveryState state;

    @Option(name = "-c", aliases = "--channel", description = "EMAIL or SMS")
    @Completion(value = StringsCompleter.class, values = {"EMAIL", "SMS"})
    private NotificationChannel channel;

    @Option(name = "-o", aliases = "--order", description = "Only messages about this order or return")
    private String order;

    @Option(name = "-n", aliases = "--limit", description = "At most this many rows (1-500)")
    private int limit = 50;

    @Reference
    private NotificationService notifications;

    @Override
    public Object execute() {
        Entitlements.require(entitlements, "notifications", false);
        Page<Delivery> page = notifications.deliveries(new DeliveryQuery(state, channel, null, null, order, null, new PageRequest(0, limit)));
        TextTable table = new TextTable();
        table.column("Id");
        table.column("Event");
        table.column("Channel");
        table.column("To");
        table.column("Order");
        table.column("State");
        table.column("Attempts").alignRight();
        table.column("Next attempt");
        table.column("Last error");
        for (Delivery d : page.items()) {
            table.addRow().addContent(d.id(), d.event(), d.channel(), d.recipient(), nz(d.orderNumber()), d.state(), d.attempts(),
                    d.state() == DeliveryState.SENT ? "" : String.valueOf(d.nextAttemptAt()), nz(d.lastError()));
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " notifications");
        return null;
    }

    private static String nz(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
