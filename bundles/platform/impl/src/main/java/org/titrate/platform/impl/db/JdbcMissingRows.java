package org.titrate.platform.impl.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import javax.transaction.SystemException;
import javax.transaction.Transaction;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.db.MissingRows;

/** Suspends the caller's JTA transaction, inserts on an auto-committing connection, resumes. */
@Component(service = MissingRows.class)
public class JdbcMissingRows implements MissingRows {

    @Reference
    private TransactionManager transactions;

    @Reference(target = "(titrate.schema=platform)")
    private DataSource dataSource;

    @Override
    public void insertIfAbsent(String insertSql, Object... parameters) {
        Transaction suspended;
        try {
            suspended = transactions.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("Cannot suspend the transaction to create a row", e);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ins = c.prepareStatement(insertSql)) {
            for (int i = 0; i < parameters.length; i++) {
                ins.setObject(i + 1, parameters[i]);
            }
            ins.executeUpdate();
        } catch (SQLException e) {
            // Class 23: a concurrent creator won, which is what was wanted.
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw new IllegalStateException("Cannot create a row: " + e.getMessage(), e);
            }
        } finally {
            if (suspended != null) {
                try {
                    transactions.resume(suspended);
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot resume the transaction after creating a row", e);
                }
            }
        }
    }
}
