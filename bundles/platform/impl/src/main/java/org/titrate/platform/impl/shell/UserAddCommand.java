package org.titrate.platform.impl.shell;

import java.util.List;
import java.util.Set;
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

/**
 * Adds a user with a generated password, printed once: a password typed on the command line would stay in the
 * shell's history. The user changes it with {@code PUT /api/v1/users/<name>/password}.
 */
@Allowed(Roles.ADMIN)
@Command(scope = "titrate", name = "user-add", description = "Adds a user with the given roles and prints a generated first password",
        detailedDescription = "新增用户并授予角色，打印一次生成的初始密码")
@Service
public class UserAddCommand implements Action {

    @Argument(index = 0, name = "username", description = "The new user's name", required = true)
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
        String name = check.code("username", username, true);
        Set<String> valid = UserRules.roles(check, "roles", roles);
        check.throwIfInvalid();
        String password = UserDirectory.newPassword();
        UserDirectory.User user = users.add(name, password, valid);
        System.out.println("User " + user.username() + " added with roles " + String.join(", ", user.roles()));
        System.out.println("First password (shown once): " + password);
        return null;
    }
}
