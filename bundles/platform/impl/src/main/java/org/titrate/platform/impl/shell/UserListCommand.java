package org.titrate.platform.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.platform.impl.security.UserDirectory;

@Allowed(Roles.ADMIN)
@Command(scope = "titrate", name = "user-list", description = "Lists the users with their Titrate roles and whether they may log in",
        detailedDescription = "列出用户及其 Titrate 角色，以及是否可以登录")
@Service
public class UserListCommand implements Action {

    @Reference
    private UserDirectory users;

    @Override
    public Object execute() {
        TextTable table = new TextTable();
        table.column("User");
        table.column("Roles");
        table.column("Active");
        for (UserDirectory.User u : users.list()) {
            table.addRow().addContent(u.username(), String.join(", ", u.roles()), u.active() ? "yes" : "no (disabled)");
        }
        table.print(System.out);
        return null;
    }
}
