package org.titrate.finance.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.Before;
import org.junit.Test;
import org.titrate.finance.api.PartyType;
import org.titrate.finance.api.PostingType;
import org.titrate.finance.impl.FinanceLedger.Entry;
import org.titrate.finance.impl.FinanceLedger.Guard;
import org.titrate.finance.impl.FinanceLedger.Written;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.db.SchemaMigrations;
import org.titrate.platform.testing.MigrationTesting;

/** The ledger's writes on a real (in-memory Derby) database: balances, open items and allocations stay consistent. */
public class FinanceLedgerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private DataSource ds;
    private FinanceLedger ledger;

    @Before
    public void database() {
        ds = MigrationTesting.freshDerby();
        // every finance migration, V1 (the ledger) and V2 (requestId unique per kind), on a fresh database
        assertEquals(2, SchemaMigrations.migrate(ds, "finance", getClass().getClassLoader()));
        ledger = new FinanceLedger(ds, (sql, params) -> {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!e.getSQLState().startsWith("23")) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    private Written post(PostingType type, String number, String amount, String preferred, Guard guard) {
        return ledger.post(new Entry(PartyType.CUSTOMER, "C1", type, number, null, "CNY", new BigDecimal(amount), DAY, DAY.plusDays(30),
                "tester", preferred), guard).orElseThrow();
    }

    private BigDecimal sum(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1) == null ? BigDecimal.ZERO : rs.getBigDecimal(1);
        }
    }

    private void assertConsistent(String balance) throws SQLException {
        BigDecimal expected = new BigDecimal(balance);
        assertEquals(0, expected.compareTo(sum("SELECT BALANCE FROM FIN_ACCOUNT WHERE PARTY_CODE = 'C1'")));
        assertEquals(0, expected.compareTo(sum("SELECT SUM(AMOUNT) FROM FIN_POSTING WHERE PARTY_CODE = 'C1'")));
        assertEquals(0, expected.compareTo(sum("SELECT SUM(OPEN_AMOUNT) FROM FIN_OPEN_ITEM WHERE PARTY_CODE = 'C1'")));
        assertEquals(0, sum("SELECT COUNT(*) FROM FIN_OPEN_ITEM WHERE OPEN_AMOUNT = 0").signum());
    }

    @Test
    public void postingsKeepBalanceOpenItemsAndAllocationsInStep() throws Exception {
        post(PostingType.INVOICE, "SO-1", "1000.00", null, Guard.NONE);
        post(PostingType.INVOICE, "SO-2", "250.00", null, Guard.NONE);
        Written receipt = post(PostingType.RECEIPT, "RC-1", "-300.00", "SO-2", Guard.NONE);
        assertEquals("SO-2", receipt.settled().get(0).documentNumber());
        assertEquals(new BigDecimal("250.00"), receipt.settled().get(0).amount());
        assertEquals(new BigDecimal("50.00"), receipt.settled().get(1).amount());
        assertEquals(new BigDecimal("950.00"), receipt.posting().balanceAfter());
        assertConsistent("950.00");
        post(PostingType.CREDIT_NOTE, "RO-1", "-1000.00", "SO-1", Guard.NONE);
        assertConsistent("-50.00");
        // The same document never posts twice.
        assertTrue(ledger.post(new Entry(PartyType.CUSTOMER, "C1", PostingType.INVOICE, "SO-1", null, "CNY", BigDecimal.TEN, DAY, DAY,
                "tester", null), Guard.NONE).isEmpty());
        assertConsistent("-50.00");
        // The guard sees the balance under the lock and can refuse; nothing is written then.
        try {
            post(PostingType.REFUND, "RF-1", "60.00", null, b -> {
                throw new ConflictException("amount", "credit is " + b.negate());
            });
            fail("the guard did not refuse");
        } catch (ConflictException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("50.00"));
        }
        post(PostingType.REFUND, "RF-2", "50.00", null, Guard.NONE);
        assertConsistent("0");
        assertEquals(0, sum("SELECT COUNT(*) FROM FIN_OPEN_ITEM").signum());
        // Every allocation lowered a debit and a credit alike: debits minus credits allocated is zero.
        assertEquals(new BigDecimal("1300.00"), sum("SELECT SUM(AMOUNT) FROM FIN_ALLOCATION"));
    }

    /** Issue 11, item 8: a refund refused for a customer with no account in its currency left an empty account behind. */
    @Test
    public void aRefusedFirstPostingLeavesNoAccount() throws Exception {
        Guard noCredit = balance -> {
            throw new ConflictException("amount", "is more than the credit of " + balance);
        };
        try {
            ledger.post(new Entry(PartyType.CUSTOMER, "C2", PostingType.REFUND, "RF-1", null, "EUR", new BigDecimal("10.00"), DAY, DAY,
                    "tester", null), noCredit);
            fail("a refund without credit was posted");
        } catch (ConflictException expected) {
            // refused
        }
        try {
            ledger.lockAccount(PartyType.CUSTOMER, "C2", "EUR", noCredit);
            fail("the guard was not asked");
        } catch (ConflictException expected) {
            // refused
        }
        assertEquals(0, sum("SELECT COUNT(*) FROM FIN_ACCOUNT WHERE PARTY_CODE = 'C2'").intValue());
        // A posting that goes ahead creates the account as before.
        ledger.lockAccount(PartyType.CUSTOMER, "C2", "EUR", Guard.NONE);
        assertEquals(1, sum("SELECT COUNT(*) FROM FIN_ACCOUNT WHERE PARTY_CODE = 'C2'").intValue());
    }
}
