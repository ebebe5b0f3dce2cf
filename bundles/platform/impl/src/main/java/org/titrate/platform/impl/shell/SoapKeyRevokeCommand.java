package org.titrate.platform.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.impl.security.SoapKeys;

@Allowed(Roles.ADMIN)
@Command(scope = "titrate", name = "soap-key-revoke", description = "Revokes a user's SOAP key: WS-Security PasswordDigest with it is refused from now on",
        detailedDescription = "吊销用户的 SOAP 密钥，此后使用该密钥的 PasswordDigest 请求将被拒绝")
@Service
public class SoapKeyRevokeCommand implements Action {

    @Argument(index = 0, name = "username", description = "The user", required = true)
    private String username;

    @Reference
    private SoapKeys keys;

    @Override
    public Object execute() {
        keys.revoke(username);
        System.out.println("SOAP key of " + username + " revoked");
        return null;
    }
}
