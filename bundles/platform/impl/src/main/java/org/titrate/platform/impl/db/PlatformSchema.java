package org.titrate.platform.impl.db;

import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.db.SchemaMigrations;

/**
 * The platform's own tables (numbering, idempotency). Components that use them reference this
 * service, so they start only once the schema is in place.
 */
@Component(service = PlatformSchema.class)
public class PlatformSchema {
    public static final String DATASOURCE_FILTER = "(osgi.jndi.service.name=titrate)";

    @Reference(target = DATASOURCE_FILTER)
    private DataSource dataSource;

    @Activate
    void activate() {
        SchemaMigrations.migrate(dataSource, "platform", PlatformSchema.class.getClassLoader());
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
