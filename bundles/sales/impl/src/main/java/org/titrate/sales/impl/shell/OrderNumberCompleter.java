package org.titrate.sales.impl.shell;

import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.titrate.platform.api.PageRequest;
import org.titrate.sales.api.OrderQuery;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.SalesOrderService;

/** Completes sales and return order numbers: the newest documents, as the order list shows them first. */
@Service
public class OrderNumberCompleter implements Completer {

    @Reference
    private SalesOrderService orders;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter numbers = new StringsCompleter();
        for (SalesOrder o : orders.find(new OrderQuery(null, null, null, null, null, null, null, null, Map.of(),
                new PageRequest(0, PageRequest.MAX_LIMIT))).items()) {
            numbers.getStrings().add(o.number());
        }
        return numbers.complete(session, commandLine, candidates);
    }
}
