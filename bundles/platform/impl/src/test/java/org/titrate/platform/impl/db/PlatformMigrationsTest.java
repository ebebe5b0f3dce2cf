package org.titrate.platform.impl.db;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.titrate.platform.api.db.SchemaMigrations;
import org.titrate.platform.testing.MigrationTesting;

public class PlatformMigrationsTest {

    @Test
    public void platformScriptsRunOnceOnDerby() {
        javax.sql.DataSource ds = MigrationTesting.freshDerby();
        assertEquals(5, SchemaMigrations.migrate(ds, "platform", getClass().getClassLoader()));
        assertEquals(5, SchemaMigrations.migrate(ds, "platform", getClass().getClassLoader()));
    }
}
