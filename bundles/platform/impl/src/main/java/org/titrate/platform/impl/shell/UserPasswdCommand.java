package org.titrate.platform.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.impl.security.UserDirectory;

/** Sets a new generated password, printed once, as {@link UserAddCommand} does and for the same reason. */
@Allowed(Roles.ADMIN)
@Command(scope = "titrate", name = "user-passwd", description = "Gives a user a new generated password and prints it once",
        detailedDescription = "为用户生成新密码并打印一次")
@Service
public class UserPasswdCommand implements Action {

    @Argument(index = 0, name = "username", description = "The user", required = true)
    private String username;

    @Reference
    private UserDirectory users;

    @Override
    public Object execute() {
        String password = UserDirectory.newPassword();
        users.changePassword(username, password);
        System.out.println("New password of " + username + " (shown once): " + password);
        return null;
    }
}
