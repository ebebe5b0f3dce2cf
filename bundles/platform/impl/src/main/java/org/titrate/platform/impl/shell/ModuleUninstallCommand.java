package org.titrate.platform.impl.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.impl.modules.ModuleCatalog;

/** Admin only (no {@code @Allowed}). */
@Command(scope = "titrate", name = "module-uninstall", description = "Uninstalls a module; refused while an installed module needs it",
        detailedDescription = "卸载一个模块；有已安装的模块依赖它时拒绝")
@Service
public class ModuleUninstallCommand extends ModuleChangeCommand {

    @Override
    ModuleCatalog.Module change() {
        return catalog.uninstall(module);
    }
}
