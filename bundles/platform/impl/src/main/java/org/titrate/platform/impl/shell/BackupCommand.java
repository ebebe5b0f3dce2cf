package org.titrate.platform.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.impl.backup.DatabaseBackups;

/** Admins only (no ACL line grants it). Writes only below the backup root (docs/backup.md). */
@Command(scope = "titrate", name = "backup",
        description = "Takes an online backup of the embedded database while clients keep working, into data/backups/<time> or DIR",
        detailedDescription = "在线备份内置数据库（客户端可继续过账）。默认写入 data/backups/<时间戳>；"
                + "DIR 必须是备份根目录内的新文件夹，根目录之外的路径一律拒绝。恢复请在停止容器后运行 bin/titrate-restore。")
@Service
public class BackupCommand implements Action {

    @Reference
    private DatabaseBackups backups;

    @Argument(index = 0, name = "DIR", required = false, description = "A new folder inside the backup root (relative to it, or absolute)")
    private String directory;

    @Override
    public Object execute() {
        // A refused folder is a ProblemException: the shell shows it and exits with status 1, as for every command.
        DatabaseBackups.Backup b = backups.backup(directory);
        System.out.printf("Backup written to %s: %,d bytes in %d ms%n", b.path(), b.bytes(), b.millis());
        return null;
    }
}
