package org.titrate.products.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.products.api.Product;
import org.titrate.products.api.ProductQuery;
import org.titrate.products.api.ProductService;

@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@Command(scope = "titrate", name = "product-list", description = "Lists products with their chemical data",
        detailedDescription = "列出产品及其化学品数据")
@Service
public class ProductListCommand implements Action {

    @Option(name = "-q", aliases = "--query", description = "Text in SKU, name or CAS number")
    private String query;

    @Option(name = "-c", aliases = "--category", description = "Category code")
    @Completion(CategoryCompleter.class)
    private String category;

    @Option(name = "-n", aliases = "--limit", description = "At most this many rows (1-500)")
    private int limit = 50;

    @Reference
    private ProductService products;

    @Override
    public Object execute() {
        Page<Product> page = products.find(new ProductQuery(query, category, null, null, new PageRequest(0, limit)));
        TextTable table = new TextTable();
        table.column("SKU");
        table.column("Name");
        table.column("Category");
        table.column("Unit");
        table.column("CAS");
        table.column("UN");
        table.column("Class");
        table.column("List price").alignRight();
        table.column("Active");
        for (Product p : page.items()) {
            table.addRow().addContent(p.sku(), p.name(), nz(p.categoryCode()), p.unit(), nz(p.casNumber()), nz(p.unNumber()),
                    nz(p.hazardClass()), p.listPrice().toPlainString() + " " + p.currency(), p.active() ? "yes" : "no");
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " products");
        return null;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
