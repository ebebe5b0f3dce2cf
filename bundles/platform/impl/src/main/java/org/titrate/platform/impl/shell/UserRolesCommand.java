package org.titrate.platform.impl.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.impl.security.UserDirectory;
import org.titrate.platform.impl.security.UserRules;

@Allowed(Roles.ADMIN)
@Command(scope = "titrate", name = "user-roles", description = "Replaces a user's roles",
        detailedDescription = "替换用户的角色")
@Service
public class UserRolesCommand implements Action {

    @Argument(index = 0, name = "username", description = "The user", required = true)
    private String username;

    @Argument(index = 1, name = "roles", description = "admin, sales, warehouse, purchasing, finance, viewer, operator (shell)",
            required = true, multiValued = true)
    @Completion(value = StringsCompleter.class, values = {"admin", "sales", "warehouse", "purchasing", "finance", "viewer", "operator"})
    private List<String> roles;

    @Reference
    private UserDirectory users;

    @Override
    public Object execute() {
        Check check = new Check();
        var valid = UserRules.roles(check, "roles", roles);
        check.throwIfInvalid();
        UserDirectory.User user = users.update(username, valid, null);
        System.out.println("User " + user.username() + " now has roles " + String.join(", ", user.roles()));
        return null;
    }
}
