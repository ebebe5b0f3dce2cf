package org.titrate.customers.impl;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.Test;
import org.titrate.platform.api.db.SchemaMigrations;
import org.titrate.platform.testing.MigrationTesting;

/** The customers scripts run on Derby, V2 gives customers from V1 their first history entry, V3 adds their contacts, V4 employees, V5 the customer's salesperson, V6 their buyer tax data. */
public class CustomerMigrationsTest {

    @Test
    public void upgradesAV1DatabaseWithData() throws Exception {
        DataSource ds = MigrationTesting.freshDerby();
        ClassLoader scripts = getClass().getClassLoader();
        assertEquals(1, SchemaMigrations.migrate(ds, "customers", MigrationTesting.scriptsUpTo(scripts, 1)));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO CUS_CUSTOMER (ID, CODE, NAME, STATUS, CHANNEL, PAYMENT_TERM_DAYS, CREDIT_LIMIT, CURRENCY, VERSION,"
                    + " CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES ('c1', 'C1', '江苏恒瑞精细化工有限公司', 'ACTIVE',"
                    + " 'WHOLESALE', 30, 500000.00, 'CNY', 1, CURRENT_TIMESTAMP, 'admin', CURRENT_TIMESTAMP, 'admin')");
        }
        assertEquals(6, SchemaMigrations.migrate(ds, "customers", scripts));
        assertEquals(6, SchemaMigrations.migrate(ds, "customers", scripts));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TO_STATUS, CHANGED_BY, FROM_STATUS FROM CUS_CUSTOMER_CHANGE WHERE CUSTOMER_ID = 'c1'")) {
            rs.next();
            assertEquals("ACTIVE", rs.getString(1));
            assertEquals("admin", rs.getString(2));
            assertEquals(null, rs.getString(3));
        }
        // V3: contacts, with Chinese names and their accepted channels.
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO CUS_CONTACT (ID, CUSTOMER_ID, POSITION, NAME, MOBILE, EMAIL, LANGUAGE, CHANNELS)"
                    + " VALUES ('k1', 'c1', 0, '王经理', '13800138000', 'wang@example.cn', 'zh-CN', 'EMAIL,SMS')");
            try (ResultSet rs = s.executeQuery("SELECT NAME, CHANNELS FROM CUS_CONTACT WHERE CUSTOMER_ID = 'c1'")) {
                rs.next();
                assertEquals("王经理", rs.getString(1));
                assertEquals("EMAIL,SMS", rs.getString(2));
            }
            // V4, V5: an employee owns the customer.
            s.execute("INSERT INTO CUS_EMPLOYEE (CODE, NAME, DEPARTMENT, ACTIVE, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY)"
                    + " VALUES ('E1', '张伟', '华东销售部', TRUE, 1, CURRENT_TIMESTAMP, 'admin', CURRENT_TIMESTAMP, 'admin')");
            s.execute("UPDATE CUS_CUSTOMER SET SALESPERSON = 'E1' WHERE ID = 'c1'");
            try (ResultSet rs = s.executeQuery("SELECT e.NAME FROM CUS_CUSTOMER c JOIN CUS_EMPLOYEE e ON e.CODE = c.SALESPERSON")) {
                rs.next();
                assertEquals("张伟", rs.getString(1));
            }
        }
    }
}
