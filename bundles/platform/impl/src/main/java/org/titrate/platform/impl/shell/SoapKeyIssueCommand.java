package org.titrate.platform.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.impl.security.SoapKeys;
import org.titrate.platform.impl.security.UserDirectory;

/** Issues (or rotates) a user's SOAP key for WS-Security PasswordDigest, printed once like a generated password. */
@Allowed(Roles.ADMIN)
@Command(scope = "titrate", name = "soap-key-issue", description = "Issues a user a new SOAP key (WS-Security PasswordDigest) and prints it once; an earlier key stops working",
        detailedDescription = "为用户签发新的 SOAP 密钥（WS-Security PasswordDigest），只显示一次；旧密钥随即失效")
@Service
public class SoapKeyIssueCommand implements Action {

    @Argument(index = 0, name = "username", description = "The user the integration signs in as", required = true)
    private String username;

    @Reference
    private UserDirectory users;

    @Reference
    private SoapKeys keys;

    @Override
    public Object execute() {
        UserDirectory.User user = users.find(username);
        if (user == null) {
            throw new NotFoundException("User", username);
        }
        String key = keys.issue(user.username());
        System.out.println("SOAP key of " + user.username() + " (shown once; use it as the UsernameToken password with PasswordDigest): " + key);
        return null;
    }
}
