package org.titrate.platform.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.impl.security.UserDirectory;

@Allowed(Roles.ADMIN)
@Command(scope = "titrate", name = "user-delete", description = "Deletes a user (what they did stays recorded under their name)",
        detailedDescription = "删除用户（其操作记录仍以其名义保留）")
@Service
public class UserDeleteCommand implements Action {

    @Argument(index = 0, name = "username", description = "The user", required = true)
    private String username;

    @Reference
    private UserDirectory users;

    @Override
    public Object execute() {
        users.delete(username);
        System.out.println("User " + username + " deleted");
        return null;
    }
}
