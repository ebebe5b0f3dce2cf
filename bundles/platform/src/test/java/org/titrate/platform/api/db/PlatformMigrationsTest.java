package org.titrate.platform.api.db;

import static org.junit.Assert.assertEquals;

import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Test;

public class PlatformMigrationsTest {

    @Test
    public void platformScriptsRunOnceOnDerby() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:platform-" + UUID.randomUUID());
        ds.setCreateDatabase("create");
        assertEquals(1, SchemaMigrations.migrate(ds, "platform", getClass().getClassLoader()));
        assertEquals(1, SchemaMigrations.migrate(ds, "platform", getClass().getClassLoader()));
    }
}
