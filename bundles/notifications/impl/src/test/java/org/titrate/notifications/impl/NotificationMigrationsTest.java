package org.titrate.notifications.impl;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.Test;
import org.titrate.platform.api.db.SchemaMigrations;
import org.titrate.platform.testing.MigrationTesting;

/** The notifications script runs on Derby, and the outbox refuses a second message for the same event, channel and recipient. */
public class NotificationMigrationsTest {

    @Test
    public void oneMessagePerEventChannelAndRecipient() throws Exception {
        DataSource ds = MigrationTesting.freshDerby();
        assertEquals(2, SchemaMigrations.migrate(ds, "notifications", getClass().getClassLoader()));
        String insert = "INSERT INTO NTF_MESSAGE (ID, EVENT_SEQ, EVENT, CHANNEL, RECIPIENT, LANGUAGE, SUBJECT, BODY, STATE, ATTEMPTS,"
                + " NEXT_ATTEMPT, CREATED_AT) VALUES ('%s', 7, 'RETURN_APPROVED', 'EMAIL', 'wang@example.cn', 'zh-CN', '退货单已批准', '<p>x</p>',"
                + " 'PENDING', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(String.format(insert, "m1"));
            try {
                s.execute(String.format(insert, "m2"));
                throw new AssertionError("a second message for the same event, channel and recipient was stored");
            } catch (SQLException expected) {
                assertEquals("23505", expected.getSQLState());
            }
        }
    }
}
