package org.titrate.products.impl;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.Test;
import org.titrate.platform.api.db.SchemaMigrations;
import org.titrate.platform.testing.MigrationTesting;

/** The products scripts run on Derby, V2 gives products from V1 their first history entry, V3 adds the tax data table,
 * V4 its specification column. */
public class ProductMigrationsTest {

    @Test
    public void upgradesAV1DatabaseWithData() throws Exception {
        DataSource ds = MigrationTesting.freshDerby();
        ClassLoader scripts = getClass().getClassLoader();
        assertEquals(1, SchemaMigrations.migrate(ds, "products", MigrationTesting.scriptsUpTo(scripts, 1)));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO PRD_PRODUCT (ID, SKU, NAME, UNIT, LIST_PRICE, CURRENCY, LOT_TRACKED, ACTIVE, VERSION,"
                    + " CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES ('p1', 'NAOH-25', '氢氧化钠', '袋', 120.00, 'CNY',"
                    + " TRUE, TRUE, 1, CURRENT_TIMESTAMP, 'admin', CURRENT_TIMESTAMP, 'admin')");
        }
        assertEquals(4, SchemaMigrations.migrate(ds, "products", scripts));
        assertEquals(4, SchemaMigrations.migrate(ds, "products", scripts));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TO_ACTIVE, CHANGED_BY, FROM_ACTIVE FROM PRD_PRODUCT_CHANGE WHERE PRODUCT_ID = 'p1'")) {
            rs.next();
            assertEquals("true", rs.getString(1));
            assertEquals("admin", rs.getString(2));
            assertEquals(null, rs.getString(3));
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO PRD_PRODUCT_TAX (SKU, TAX_RATE, TAX_CODE, SPECIFICATION, UPDATED_AT, UPDATED_BY) VALUES ('NAOH-25', 0.13,"
                    + " '1070213010000000000', '99% 25kg/袋', CURRENT_TIMESTAMP, 'admin')");
            ResultSet rs = s.executeQuery("SELECT SPECIFICATION FROM PRD_PRODUCT_TAX WHERE SKU = 'NAOH-25'");
            rs.next();
            assertEquals("99% 25kg/袋", rs.getString(1));
        }
    }
}
