package org.titrate.inventory.impl;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.junit.Test;
import org.titrate.platform.api.db.SchemaMigrations;
import org.titrate.platform.testing.MigrationTesting;

/** The inventory scripts run on Derby, once; a stock row's key is unique even for stock without a lot. */
public class InventoryMigrationsTest {

    @Test
    public void createsTheSchemaWithAUniqueStockKey() throws Exception {
        DataSource ds = MigrationTesting.freshDerby();
        ClassLoader scripts = getClass().getClassLoader();
        assertEquals(1, SchemaMigrations.migrate(ds, "inventory", scripts));
        assertEquals(1, SchemaMigrations.migrate(ds, "inventory", scripts));
        try (Connection c = ds.getConnection()) {
            insertStock(c, "a");
            try {
                insertStock(c, "b");
                throw new AssertionError("a second row for the same product, warehouse, lot '' and status was stored");
            } catch (SQLException expected) {
                assertEquals("23505", expected.getSQLState());
            }
        }
    }

    private static void insertStock(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO INV_STOCK (ID, SKU, WAREHOUSE_CODE, LOT, STATUS, QUANTITY, UPDATED_AT)"
                + " VALUES (?, 'NA2CO3-40', 'WH1', '', 'AVAILABLE', 1, ?)")) {
            ps.setString(1, id);
            ps.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
            ps.executeUpdate();
        }
    }
}
