package org.titrate.inventory.impl.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.titrate.platform.api.PageRequest;
import org.titrate.products.api.ProductQuery;
import org.titrate.products.api.ProductService;

/** Completes the SKUs of active products. */
@Service
public class SkuCompleter implements Completer {

    @Reference
    private ProductService products;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter codes = new StringsCompleter();
        products.find(new ProductQuery(null, null, true, null, new PageRequest(0, PageRequest.MAX_LIMIT))).items().stream().map(p -> p.sku()).forEach(x -> codes.getStrings().add(x));
        return codes.complete(session, commandLine, candidates);
    }
}
