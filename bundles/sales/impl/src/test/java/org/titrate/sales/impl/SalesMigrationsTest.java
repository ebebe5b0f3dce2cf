package org.titrate.sales.impl;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.Test;
import org.titrate.platform.api.db.SchemaMigrations;
import org.titrate.platform.testing.MigrationTesting;

/** The sales scripts run on Derby, once, and seed the return reasons; V2 adds the salesperson, V3 contracts, V4 the till of counter sales, V5 the credit lock. */
public class SalesMigrationsTest {

    @Test
    public void createsTheSchemaWithTheDefaultReturnReasons() throws Exception {
        DataSource ds = MigrationTesting.freshDerby();
        ClassLoader scripts = getClass().getClassLoader();
        assertEquals(5, SchemaMigrations.migrate(ds, "sales", scripts));
        assertEquals(5, SchemaMigrations.migrate(ds, "sales", scripts));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM SAL_RETURN_REASON WHERE ACTIVE = TRUE")) {
            rs.next();
            assertEquals(5, rs.getInt(1));
        }
    }
}
