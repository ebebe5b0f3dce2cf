package org.titrate.platform.api.db;

import java.sql.SQLException;
import java.util.function.Supplier;
import javax.transaction.Status;
import javax.transaction.SystemException;
import javax.transaction.TransactionManager;
import org.titrate.platform.api.ConflictException;

/**
 * Runs work in the caller's JTA transaction or, where there is none, in a new one, for modules that
 * work with plain JDBC on the transaction's connection: those that book inside other modules'
 * transactions (a second entity manager there, waiting on row locks, was measured to break pooled XA
 * connections), and whose documents post together with such bookings.
 */
public final class Transactions {

    private Transactions() {
    }

    public static <T> T required(TransactionManager tm, Supplier<T> work) {
        try {
            if (tm.getStatus() == Status.STATUS_ACTIVE) {
                return work.get();
            }
            tm.begin();
        } catch (javax.transaction.NotSupportedException | SystemException e) {
            throw new IllegalStateException("Cannot start a transaction", e);
        }
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            rollback(tm, e);
            throw e;
        }
        try {
            tm.commit();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot commit: " + e.getMessage(), e);
        }
        return result;
    }

    private static void rollback(TransactionManager tm, Throwable cause) {
        try {
            tm.rollback();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    /** A database error as the client should see it: lock waits that gave up are worth a retry (409), the rest is ours (500). */
    public static RuntimeException failure(String what, SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("40")) {
            return new ConflictException(null, what + ": the account is busy with another posting; try again");
        }
        return new IllegalStateException(what + ": " + e.getMessage(), e);
    }
}
