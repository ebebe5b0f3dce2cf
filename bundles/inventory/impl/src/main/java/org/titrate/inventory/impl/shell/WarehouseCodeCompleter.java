package org.titrate.inventory.impl.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.titrate.platform.api.PageRequest;
import org.titrate.inventory.api.WarehouseService;

/** Completes the codes of active warehouses. */
@Service
public class WarehouseCodeCompleter implements Completer {

    @Reference
    private WarehouseService warehouses;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter codes = new StringsCompleter();
        warehouses.find(null, true, new PageRequest(0, PageRequest.MAX_LIMIT)).items().stream().map(w -> w.code()).forEach(x -> codes.getStrings().add(x));
        return codes.complete(session, commandLine, candidates);
    }
}
