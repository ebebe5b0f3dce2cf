package org.titrate.sales.impl.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.titrate.platform.api.PageRequest;
import org.titrate.customers.api.CustomerQuery;
import org.titrate.customers.api.CustomerService;

/** Completes customer codes. */
@Service
public class CustomerCodeCompleter implements Completer {

    @Reference
    private CustomerService customers;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter codes = new StringsCompleter();
        customers.find(new CustomerQuery(null, null, null, new PageRequest(0, PageRequest.MAX_LIMIT))).items().stream().map(c -> c.code()).forEach(x -> codes.getStrings().add(x));
        return codes.complete(session, commandLine, candidates);
    }
}
