package org.titrate.notifications.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.notifications.api.Delivery;
import org.titrate.notifications.api.NotificationService;
import org.titrate.platform.api.licensing.Entitlements;

/** Makes a pending, failed or given-up message due again, keeping its attempts; administrators only (no line in the command ACL). */
@Command(scope = "titrate", name = "notification-retry", description = "Sends a failed or given-up notification again",
        detailedDescription = "重新发送一条失败或已放弃的通知（保留已尝试的记录）")
@Service
public class NotificationRetryCommand implements Action {

    /** Read at each run: a module that is not licensed refuses its commands (docs/licensing.md). */
    @Reference(optional = true)
    private Entitlements entitlements;

    @Argument(index = 0, name = "id", description = "The notification's id (titrate:notification-list)", required = true)
    private String id;

    @Reference
    private NotificationService notifications;

    @Override
    public Object execute() {
        Entitlements.require(entitlements, "notifications", true);
        Delivery d = notifications.retry(id);
        System.out.println("Notification " + d.id() + " to " + d.recipient() + " is due again (" + d.state() + ", " + d.attempts()
                + " attempts so far, kept in its delivery log)");
        return null;
    }
}
