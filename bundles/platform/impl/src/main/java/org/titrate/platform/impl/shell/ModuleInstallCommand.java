package org.titrate.platform.impl.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.impl.modules.ModuleCatalog;

/** Admin only (no {@code @Allowed}). */
@Command(scope = "titrate", name = "module-install", description = "Installs a module and the modules it needs",
        detailedDescription = "安装一个模块及其依赖的模块")
@Service
public class ModuleInstallCommand extends ModuleChangeCommand {

    @Override
    ModuleCatalog.Module change() {
        return catalog.install(module);
    }
}
