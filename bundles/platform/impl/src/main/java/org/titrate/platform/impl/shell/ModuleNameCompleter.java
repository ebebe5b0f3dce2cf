package org.titrate.platform.impl.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.titrate.platform.impl.modules.ModuleCatalog;

/** Completes the names of the Titrate modules. */
@Service
public class ModuleNameCompleter implements Completer {

    @Reference
    private ModuleCatalog catalog;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        catalog.modules().forEach(m -> names.getStrings().add(m.name()));
        return names.complete(session, commandLine, candidates);
    }
}
