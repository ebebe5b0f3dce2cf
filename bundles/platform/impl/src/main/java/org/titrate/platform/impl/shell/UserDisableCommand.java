package org.titrate.platform.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.impl.security.UserDirectory;

@Allowed(Roles.ADMIN)
@Command(scope = "titrate", name = "user-disable",
        description = "Disables a user: no login over REST, SOAP or SSH until enabled again; the roles stay",
        detailedDescription = "停用用户：在重新启用前不能通过 REST、SOAP 或 SSH 登录；角色保留")
@Service
public class UserDisableCommand implements Action {

    @Argument(index = 0, name = "username", description = "The user", required = true)
    private String username;

    @Option(name = "--enable", description = "Enable the user again instead")
    private boolean enable;

    @Reference
    private UserDirectory users;

    @Override
    public Object execute() {
        UserDirectory.User user = users.update(username, null, enable);
        System.out.println("User " + user.username() + (user.active() ? " is enabled" : " is disabled"));
        return null;
    }
}
