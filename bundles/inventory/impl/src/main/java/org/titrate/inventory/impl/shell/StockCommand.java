package org.titrate.inventory.impl.shell;

import java.math.BigDecimal;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.inventory.api.StockQuery;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.inventory.api.StockRow;
import org.titrate.inventory.api.StockService;
import org.titrate.inventory.api.StockStatus;
import org.titrate.inventory.api.WarehouseService;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.ShellInput;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.products.api.ProductService;
import org.titrate.platform.api.licensing.Entitlements;

@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@Command(scope = "titrate", name = "stock-show", description = "Shows what is on hand of a product (warehouse, lot, expiry, status, quantity),"
        + " or with --expiring DAYS the lots of every product that expire within that many days",
        detailedDescription = "查看一个产品的库存（仓库、批号、有效期、状态、数量），或用 --expiring 天数 查看所有产品中在该天数内到期的批次")
@Service
public class StockCommand implements Action {

    /** Read at each run: a module that is not licensed refuses its commands (docs/licensing.md). */
    @Reference(optional = true)
    private Entitlements entitlements;

    @Argument(index = 0, name = "sku", description = "Product SKU (optional with --expiring)", required = false)
    @Completion(SkuCompleter.class)
    private String sku;

    @Option(name = "--expiring", description = "Lots that expire within this many days (expired ones included), soonest first")
    private String expiring;

    @Option(name = "--warehouse", aliases = "-w", description = "Only this warehouse")
    @Completion(WarehouseCodeCompleter.class)
    private String warehouse;

    @Reference
    private StockService stock;

    @Reference
    private ProductService products;

    @Reference
    private WarehouseService warehouses;

    @Override
    public Object execute() {
        Entitlements.require(entitlements, "inventory", false);
        // Unknown codes are errors (exit 1), not "no stock"; codes typed in lower case are found.
        Check check = new Check();
        Integer days = check.integer("expiring", expiring, 0, 36_500);
        if (sku == null && expiring == null) {
            check.fail("sku", "give a SKU, or --expiring DAYS for the lots of every product");
        }
        check.throwIfInvalid();
        String skuFound = sku == null ? null : ShellInput.find(sku, products::get).sku();
        String warehouseFound = warehouse == null ? null : ShellInput.find(warehouse, warehouses::get).code();
        if (days != null) {
            return expiring(skuFound, warehouseFound, days);
        }
        List<StockRow> rows = stock.stockOf(skuFound, warehouseFound);
        if (rows.isEmpty()) {
            System.out.println("No stock of " + skuFound + (warehouseFound == null ? "" : " in " + warehouseFound));
            return null;
        }
        System.out.println(rows.get(0).sku() + "  " + (rows.get(0).productName() == null ? "" : rows.get(0).productName()));
        TextTable table = new TextTable();
        table.column("Warehouse");
        table.column("Lot");
        table.column("Expiry");
        table.column("Days").alignRight();
        table.column("Status");
        table.column("Quantity").alignRight();
        table.column("Unit");
        BigDecimal available = BigDecimal.ZERO;
        BigDecimal quarantined = BigDecimal.ZERO;
        for (StockRow r : rows) {
            table.addRow().addContent(r.warehouseCode(), r.lot() == null ? "" : r.lot(), r.expiryDate() == null ? "" : r.expiryDate(),
                    r.daysToExpiry() == null ? "" : r.daysToExpiry(), r.status(), r.quantity().toPlainString(),
                    r.unit() == null ? "" : r.unit());
            if (r.status() == StockStatus.AVAILABLE) {
                available = available.add(r.quantity());
            } else {
                quarantined = quarantined.add(r.quantity());
            }
        }
        table.print(System.out);
        System.out.println("Available " + available.toPlainString() + ", in quarantine " + quarantined.toPlainString());
        return null;
    }

    private Object expiring(String skuFound, String warehouseFound, int days) {
        Page<StockRow> rows = stock.stock(new StockQuery(skuFound, warehouseFound, null, null, days, new PageRequest(0, PageRequest.MAX_LIMIT)));
        TextTable table = new TextTable();
        table.column("Expiry");
        table.column("Days").alignRight();
        table.column("SKU");
        table.column("Product");
        table.column("Warehouse");
        table.column("Lot");
        table.column("Status");
        table.column("Quantity").alignRight();
        table.column("Unit");
        for (StockRow r : rows.items()) {
            table.addRow().addContent(r.expiryDate(), r.daysToExpiry(), r.sku(), r.productName() == null ? "" : r.productName(),
                    r.warehouseCode(), r.lot() == null ? "" : r.lot(), r.status(), r.quantity().toPlainString(), r.unit() == null ? "" : r.unit());
        }
        table.print(System.out);
        System.out.println(rows.items().size() + " of " + rows.total() + " lots expire within " + days + " days");
        return null;
    }
}
