package org.titrate.platform.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.platform.impl.security.SoapKeys;

/** Who has a SOAP key, since when and from whom; never the keys themselves. */
@Allowed(Roles.ADMIN)
@Command(scope = "titrate", name = "soap-key-list", description = "Lists the users who have a SOAP key, when and by whom it was issued (not the keys)",
        detailedDescription = "列出持有 SOAP 密钥的用户及签发时间和签发人（不显示密钥）")
@Service
public class SoapKeyListCommand implements Action {

    @Reference
    private SoapKeys keys;

    @Override
    public Object execute() {
        TextTable table = new TextTable();
        table.column("User");
        table.column("Issued");
        table.column("By");
        for (SoapKeys.Issued i : keys.list()) {
            table.addRow().addContent(i.username(), i.issuedAt() == null ? "-" : i.issuedAt().toString(), i.issuedBy());
        }
        table.print(System.out);
        return null;
    }
}
