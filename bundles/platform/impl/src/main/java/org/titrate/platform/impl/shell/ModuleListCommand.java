package org.titrate.platform.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.platform.impl.modules.ModuleCatalog;

@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@Command(scope = "titrate", name = "module-list", description = "Lists the Titrate modules, whether each is installed, licensed (until when) and active, what each needs and what needs it, and licence warnings",
        detailedDescription = "列出 Titrate 的模块：是否已安装、是否已授权（到期日）、是否运行、依赖哪些模块、被哪些模块依赖，以及授权提醒")
@Service
public class ModuleListCommand implements Action {

    @Reference
    private ModuleCatalog catalog;

    @Override
    public Object execute() {
        TextTable table = new TextTable();
        table.column("Module");
        table.column("Installed");
        table.column("Licensed");
        table.column("Active");
        table.column("Licensed until");
        table.column("Version");
        table.column("Needs");
        table.column("Needed by");
        table.column("Description");
        java.util.List<String> warnings = new java.util.ArrayList<>();
        for (ModuleCatalog.Module m : catalog.modules()) {
            if (m.warning() != null) {
                warnings.add(m.name() + ": " + m.warning());
            }
            String licensed = m.access() == org.titrate.platform.api.licensing.Access.READ_ONLY ? "read-only" : m.licensed() ? "yes" : "no";
            table.addRow().addContent(m.name(), m.installed() ? "yes" : "no", licensed, m.active() ? "yes" : "no",
                    m.licensedUntil() == null ? "" : m.licensedUntil().toString(), m.version(),
                    String.join(", ", m.needs()), String.join(", ", m.neededBy()), m.description() == null ? "" : m.description());
        }
        table.print(System.out);
        warnings.forEach(w -> System.out.println("Warning: " + w));
        return null;
    }
}
