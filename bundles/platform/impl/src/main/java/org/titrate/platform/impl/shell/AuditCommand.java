package org.titrate.platform.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.shell.ShellInput;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.platform.impl.audit.AuditQuery;
import org.titrate.platform.impl.audit.AuditTrail;

/** Admin only (no {@code @Allowed}): the audit names who logged in from where. */
@Command(scope = "titrate", name = "audit", description = "Shows the audit of administration: user, role and password changes, module"
        + " installs, configuration changes and logins, newest first",
        detailedDescription = "查看管理审计记录：用户、角色和密码变更，模块安装卸载，配置变更和登录，最新的在前")
@Service
public class AuditCommand implements Action {

    @Option(name = "--from", description = "First business day (YYYY-MM-DD)")
    private String from;

    @Option(name = "--to", description = "Last business day (YYYY-MM-DD)")
    private String to;

    @Option(name = "--user", description = "Only what this user did (or tried, for logins)")
    private String user;

    @Option(name = "--limit", description = "At most this many entries (default " + AuditTrail.DEFAULT_LIMIT + ")")
    private String limit;

    @Reference
    private AuditTrail audit;

    @Override
    public Object execute() {
        TextTable table = new TextTable();
        table.column("When");
        table.column("Who");
        table.column("From");
        table.column("What");
        table.column("On");
        table.column("Detail");
        for (AuditTrail.Entry e : AuditQuery.parse(from, to, user, limit).run(audit)) {
            table.addRow().addContent(ShellInput.time(e.at()), e.actor(), e.address(), e.action(), e.target(), e.detail());
        }
        table.print(System.out);
        return null;
    }
}
