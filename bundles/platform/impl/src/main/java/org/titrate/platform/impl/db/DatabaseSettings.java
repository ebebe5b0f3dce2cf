package org.titrate.platform.impl.db;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a transaction waits for a lock before it gives up (a 409 for the client, who may retry), and after how
 * long a deadlock is looked for. On the embedded Derby these are database properties, set here whenever the
 * configuration is saved and applied at once to the next lock wait (they are also kept in the database, so they hold
 * from the first connection after a restart). On PostgreSQL they are the server's {@code lock_timeout} and
 * {@code deadlock_timeout}: set them there; this component then changes nothing.
 */
@Component(immediate = true, service = DatabaseSettings.class, configurationPid = DatabaseSettings.PID)
@Designate(ocd = DatabaseSettings.Config.class)
public class DatabaseSettings {
    public static final String PID = "org.titrate.platform.database";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSettings.class);

    @ObjectClassDefinition(name = "Titrate database locks", description = "Lock waits of the embedded Derby database")
    public @interface Config {
        @AttributeDefinition(description = "Seconds a transaction waits for a lock before it fails (Derby's derby.locks.waitTimeout)")
        int lockWaitTimeoutSeconds() default 10;

        @AttributeDefinition(description = "Seconds a lock wait lasts before Derby looks for a deadlock (derby.locks.deadlockTimeout);"
                + " less than the lock wait")
        int deadlockTimeoutSeconds() default 5;
    }

    @Reference(target = "(osgi.jndi.service.name=titrate)")
    private DataSource dataSource;

    @Activate
    @Modified
    void apply(Config config) {
        int wait = Math.max(1, config.lockWaitTimeoutSeconds());
        int deadlock = Math.max(1, Math.min(wait, config.deadlockTimeoutSeconds()));
        try (Connection c = dataSource.getConnection()) {
            if (!c.getMetaData().getDatabaseProductName().startsWith("Apache Derby")) {
                return;
            }
            set(c, "derby.locks.waitTimeout", wait);
            set(c, "derby.locks.deadlockTimeout", deadlock);
            LOG.info("Lock waits: {} s, deadlock detection after {} s", wait, deadlock);
        } catch (SQLException e) {
            LOG.error("Cannot set the database's lock timeouts; the previous ones stay", e);
        }
    }

    private static void set(Connection c, String property, int seconds) throws SQLException {
        try (CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)")) {
            call.setString(1, property);
            call.setString(2, Integer.toString(seconds));
            call.execute();
        }
    }
}
