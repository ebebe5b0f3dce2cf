package org.titrate.platform.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.titrate.platform.impl.modules.ModuleCatalog;

/** What {@code titrate:module-install} and {@code titrate:module-uninstall} share: the module typed, and the answer. */
abstract class ModuleChangeCommand implements Action {

    @Argument(name = "module", description = "The module, e.g. finance", required = true)
    @Completion(ModuleNameCompleter.class)
    String module;

    @Reference
    ModuleCatalog catalog;

    abstract ModuleCatalog.Module change();

    @Override
    public Object execute() {
        ModuleCatalog.Module m = change();
        System.out.println("Module " + m.name() + " is " + (m.installed() ? "installed" : "uninstalled"));
        return null;
    }
}
