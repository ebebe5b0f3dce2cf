package org.titrate.products.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.db.MissingRows;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.products.api.Product;
import org.titrate.products.api.ProductService;
import org.titrate.products.api.ProductTax;
import org.titrate.products.api.ProductTaxService;

/**
 * Tax data in a table of its own beside the product (one statement per change, no other table touched), so the
 * product's record, entity and history stay as they are.
 */
@Component(service = ProductTaxService.class)
public class JdbcProductTaxService implements ProductTaxService {

    @Reference(target = "(titrate.schema=products)")
    private DataSource dataSource;

    @Reference
    private ProductService products;

    @Reference
    private MissingRows missingRows;

    @Override
    public ProductTax get(String sku) {
        Product p = products.get(sku);
        ProductTax t = find(List.of(p.sku())).get(p.sku());
        return t != null ? t : new ProductTax(p.sku(), null, null, null, null, null);
    }

    @Override
    public ProductTax set(String sku, ProductTax body) {
        Check.body(body);
        Product p = products.get(sku);
        Check check = new Check();
        var rate = TaxRules.rate(check, body.taxRate());
        String code = TaxRules.code(check, body.taxCode());
        String specification = TaxRules.specification(check, body.specification());
        check.throwIfInvalid();
        Instant now = BusinessClock.now();
        String user = CurrentUser.name();
        try (Connection c = dataSource.getConnection()) {
            // the row is made apart first (an existing one is no error), so two first saves at once both land on it
            missingRows.insertIfAbsent("INSERT INTO PRD_PRODUCT_TAX (SKU, TAX_RATE, TAX_CODE, SPECIFICATION, UPDATED_AT, UPDATED_BY)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", p.sku(), rate, code, specification, Timestamp.from(now), user);
            Sql.update(c, "UPDATE PRD_PRODUCT_TAX SET TAX_RATE = ?, TAX_CODE = ?, SPECIFICATION = ?, UPDATED_AT = ?, UPDATED_BY = ?"
                    + " WHERE SKU = ?", rate, code, specification, now, user, p.sku());
        } catch (SQLException e) {
            throw Transactions.failure("Cannot store the tax data of " + p.sku(), e);
        }
        return get(p.sku());
    }

    @Override
    public Map<String, ProductTax> find(Collection<String> skus) {
        Map<String, ProductTax> found = new HashMap<>();
        List<String> all = new ArrayList<>(skus);
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < all.size(); i += 500) {
                List<String> part = all.subList(i, Math.min(all.size(), i + 500));
                for (ProductTax t : Sql.list(c, "SELECT SKU, TAX_RATE, TAX_CODE, SPECIFICATION, UPDATED_AT, UPDATED_BY FROM PRD_PRODUCT_TAX"
                        + " WHERE SKU IN (" + Sql.marks(part.size()) + ")", new ArrayList<>(part), rs -> new ProductTax(rs.getString(1),
                                rs.getBigDecimal(2).stripTrailingZeros(), rs.getString(3), rs.getString(4), Sql.instant(rs, 5), rs.getString(6)))) {
                    found.put(t.sku(), t);
                }
            }
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read products' tax data", e);
        }
        return found;
    }
}
