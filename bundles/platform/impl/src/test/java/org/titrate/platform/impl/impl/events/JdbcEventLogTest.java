package org.titrate.platform.impl.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.Transaction;
import javax.transaction.TransactionManager;
import javax.transaction.xa.XAResource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Test;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.db.SchemaMigrations;
import org.titrate.platform.api.events.LoggedEvent;
import org.titrate.platform.testing.MigrationTesting;

/** The log's rules on a plain Derby database, with transactions that can be held open, suspended and ended in any order. */
public class JdbcEventLogTest {
    private Transactions tm;
    private JdbcEventLog log;

    @Before
    public void freshLog() {
        EmbeddedDataSource derby = MigrationTesting.freshDerby();
        SchemaMigrations.migrate(derby, "platform", getClass().getClassLoader());
        tm = new Transactions(derby);
        log = new JdbcEventLog(tm.dataSource(), tm);
    }

    private long appendCommitted(String key) throws Exception {
        tm.begin();
        long seq = log.append("test/EVENT", key, "tester", Map.of("k", key));
        tm.commit();
        return seq;
    }

    private List<String> keysAfter(long seq) {
        return log.read(seq, 100).stream().map(LoggedEvent::key).toList();
    }

    @Test
    public void aLaterCommitIsHiddenUntilEveryEarlierAppendHasEnded() throws Exception {
        tm.begin();
        long first = log.append("test/EVENT", "A", "tester", Map.of());
        Transaction a = tm.suspend();
        long second = appendCommitted("B");
        assertTrue(first < second);
        assertEquals(List.of(), keysAfter(0));
        assertEquals(first - 1, log.visibleUpTo());

        tm.resume(a);
        tm.commit();
        assertEquals(List.of("A", "B"), keysAfter(0));
        assertEquals(second, log.visibleUpTo());
    }

    @Test
    public void aRolledBackAppendLeavesAGapThatIsPassed() throws Exception {
        tm.begin();
        long gone = log.append("test/EVENT", "GONE", "tester", Map.of());
        Transaction held = tm.suspend();
        long kept = appendCommitted("KEPT");
        assertEquals(List.of(), keysAfter(0));
        tm.resume(held);
        tm.rollback();
        assertEquals(List.of("KEPT"), keysAfter(0));
        assertTrue(gone < kept);
    }

    @Test
    public void timesStrictlyIncreaseWithTheSequence() throws Exception {
        for (int i = 0; i < 50; i++) {
            appendCommitted("T" + i);
        }
        List<LoggedEvent> events = log.read(0, 100);
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).at().isAfter(events.get(i - 1).at()));
        }
        for (LoggedEvent e : events) {
            assertEquals(e.seq(), log.lastSeqAtOrBefore(e.at()));
            assertEquals(e.seq() - 1, log.lastSeqAtOrBefore(e.at().minusNanos(1)));
        }
        assertEquals(50, log.lastSeqAtOrBefore(java.time.Instant.now().plusSeconds(60)));
    }

    @Test
    public void aCursorMovesWithItsTransactionAndOnlyFromWhereItStands() throws Exception {
        long seq = appendCommitted("C");
        assertEquals(0, log.register("consumer", 0));
        tm.begin();
        log.advance("consumer", 0, seq);
        tm.rollback();
        assertEquals(0, log.position("consumer"));
        log.advance("consumer", 0, seq);
        try {
            log.advance("consumer", 0, seq);
            fail("moved from a place it no longer stood at");
        } catch (ConflictException expected) {
            // another consumer handled these events
        }
        try {
            log.advance("consumer", seq, seq + 1);
            fail("moved past what is readable");
        } catch (IllegalArgumentException expected) {
            // nothing there yet
        }
    }

    @Test
    public void pruningKeepsWhatACursorHasNotPassedAndTheNewestEvent() throws Exception {
        long one = appendCommitted("1");
        long two = appendCommitted("2");
        long three = appendCommitted("3");
        log.register("slow", one);
        assertEquals(1, log.prune(three));
        assertEquals(List.of("2", "3"), keysAfter(0));
        log.unregister("slow");
        assertEquals(1, log.prune(three));
        assertEquals(List.of("3"), keysAfter(0));
        assertEquals(3, log.size().lastSeq());
        // Numbering goes on after the newest stored event when the log starts again.
        JdbcEventLog restarted = new JdbcEventLog(tm.dataSource(), tm);
        tm.begin();
        assertEquals(three + 1, restarted.append("test/EVENT", "4", "tester", Map.of()));
        tm.commit();
        assertTrue(two < three);
    }

    @Test
    public void typesReadLikeTopicsAndPayloadsStaySmall() throws Exception {
        tm.begin();
        try {
            log.append("not a topic", "K", "tester", Map.of());
            fail("a type that is no EventAdmin topic");
        } catch (IllegalArgumentException expected) {
            // refused before anything is written
        }
        try {
            log.append("test/EVENT", "K", "tester", Map.of("text", "x".repeat(5000)));
            fail("a payload of 5 000 characters");
        } catch (IllegalArgumentException expected) {
            // refused
        }
        tm.rollback();
        long seq = appendCommitted("K");
        assertEquals(Map.of("k", "K"), log.payload(log.read(seq - 1, 1).get(0)));
    }

    /** One connection per transaction, bound to the thread; suspend and resume move it; synchronizations run around commit. */
    private static final class Transactions implements TransactionManager {
        private final DataSource derby;
        private final ThreadLocal<Tx> current = new ThreadLocal<>();

        Transactions(DataSource derby) {
            this.derby = derby;
        }

        /** The transaction's connection while there is one (closing it does nothing), else a new one that commits each statement. */
        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, args) -> {
                if (!m.getName().equals("getConnection")) {
                    return m.invoke(derby, args);
                }
                Tx tx = current.get();
                if (tx == null) {
                    return derby.getConnection();
                }
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                        (q, n, a) -> n.getName().equals("close") ? null : n.invoke(tx.connection, a));
            });
        }

        @Override
        public void begin() {
            try {
                Connection c = derby.getConnection();
                c.setAutoCommit(false);
                current.set(new Tx(c));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void commit() throws javax.transaction.RollbackException {
            end(true);
        }

        @Override
        public void rollback() {
            end(false);
        }

        private void end(boolean commit) {
            Tx tx = current.get();
            current.remove();
            tx.synchronizations.forEach(Synchronization::beforeCompletion);
            try {
                if (commit) {
                    tx.connection.commit();
                } else {
                    tx.connection.rollback();
                }
                tx.connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            tx.status = commit ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK;
            tx.synchronizations.forEach(s -> s.afterCompletion(tx.status));
        }

        @Override
        public int getStatus() {
            return current.get() == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
        }

        @Override
        public Transaction getTransaction() {
            return current.get();
        }

        @Override
        public void resume(Transaction tx) {
            current.set((Tx) tx);
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setTransactionTimeout(int seconds) {
        }

        @Override
        public Transaction suspend() {
            Tx tx = current.get();
            current.remove();
            return tx;
        }
    }

    private static final class Tx implements Transaction {
        final Connection connection;
        final List<Synchronization> synchronizations = new ArrayList<>();
        int status = Status.STATUS_ACTIVE;

        Tx(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void registerSynchronization(Synchronization s) {
            synchronizations.add(s);
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void commit() {
            throw new UnsupportedOperationException("through the manager");
        }

        @Override
        public void rollback() {
            throw new UnsupportedOperationException("through the manager");
        }

        @Override
        public boolean delistResource(XAResource r, int flag) {
            return false;
        }

        @Override
        public boolean enlistResource(XAResource r) {
            return false;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }
    }
}
