package org.titrate.products.impl.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.titrate.platform.api.PageRequest;
import org.titrate.products.api.Category;
import org.titrate.products.api.ProductService;

/** Completes category codes. */
@Service
public class CategoryCompleter implements Completer {

    @Reference
    private ProductService products;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (Category c : products.findCategories(null, new PageRequest(0, PageRequest.MAX_LIMIT)).items()) {
            delegate.getStrings().add(c.code());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
