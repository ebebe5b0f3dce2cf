package org.titrate.platform.testing;

import java.net.URL;
import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** For modules' unit tests of their migration scripts (shipped in the platform's test-jar). */
public final class MigrationTesting {
    private MigrationTesting() {
    }

    /** A fresh in-memory Derby database. */
    public static EmbeddedDataSource freshDerby() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:migrations-" + UUID.randomUUID());
        ds.setCreateDatabase("create");
        return ds;
    }

    /** The module's scripts up to {@code version} only, to test an upgrade from that version with data in it. */
    public static ClassLoader scriptsUpTo(ClassLoader scripts, int version) {
        return new ClassLoader(null) {
            @Override
            public URL getResource(String name) {
                String file = name.substring(name.lastIndexOf('/') + 1);
                if (file.matches("V\\d+\\.sql") && Integer.parseInt(file.substring(1, file.length() - 4)) > version) {
                    return null;
                }
                return scripts.getResource(name);
            }
        };
    }
}
