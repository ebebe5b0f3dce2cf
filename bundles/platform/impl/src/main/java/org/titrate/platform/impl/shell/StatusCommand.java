package org.titrate.platform.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.ShellInput;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.platform.impl.modules.SystemStatus;

@Allowed(Roles.ADMIN)
@Command(scope = "titrate", name = "status",
        description = "Shows the modules (installed, running, licensed, schema version), the database, the event-log consumers and the scheduled jobs",
        detailedDescription = "查看系统状态：模块（安装、运行、授权、数据库结构版本）、数据库、事件日志消费者和定时任务")
@Service
public class StatusCommand implements Action {

    @Reference
    private SystemStatus system;

    @Override
    public Object execute() {
        SystemStatus.Status s = system.status();
        SystemStatus.Database db = s.database();
        System.out.println("Database: " + db.product() + (db.version() == null ? "" : " " + db.version())
                + (db.sizeBytes() == null ? "" : ", " + megabytes(db.sizeBytes()) + " MB"));
        System.out.println();
        TextTable modules = new TextTable();
        modules.column("Module");
        modules.column("Installed");
        modules.column("Running");
        modules.column("Licensed");
        modules.column("Version");
        modules.column("Schema").alignRight();
        for (SystemStatus.ModuleStatus m : s.modules()) {
            modules.addRow().addContent(m.name(), yes(m.installed()), yes(m.active()), yes(m.licensed()), m.version(),
                    m.schemaVersion() == null ? "" : m.schemaVersion());
        }
        modules.print(System.out);
        System.out.println();
        System.out.println("Event log: " + s.eventLog().events() + " events, last seq " + s.eventLog().lastSeq());
        TextTable consumers = new TextTable();
        consumers.column("Consumer");
        consumers.column("Position").alignRight();
        consumers.column("Behind").alignRight();
        consumers.column("Moved");
        for (SystemStatus.Consumer c : s.eventLog().consumers()) {
            consumers.addRow().addContent(c.name(), c.position(), c.behind(), c.updatedAt() == null ? "" : ShellInput.time(c.updatedAt()));
        }
        consumers.print(System.out);
        System.out.println();
        TextTable jobs = new TextTable();
        jobs.column("Scheduled job");
        jobs.column("Runs");
        jobs.column("Last run");
        jobs.column("Took").alignRight();
        jobs.column("Outcome");
        jobs.column("Next run");
        for (SystemStatus.Job j : s.jobs()) {
            jobs.addRow().addContent(j.name(), j.schedule(), j.lastStart() == null ? "not since start" : ShellInput.time(j.lastStart()),
                    j.lastMillis() == null ? "" : j.lastMillis() + " ms", j.lastOutcome() == null ? "" : j.lastOutcome(),
                    j.nextRun() == null ? "" : ShellInput.time(j.nextRun()));
        }
        jobs.print(System.out);
        return null;
    }

    private static String megabytes(long bytes) {
        return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1024L * 1024), 1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
