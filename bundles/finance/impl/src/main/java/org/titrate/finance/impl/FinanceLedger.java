package org.titrate.finance.impl;

import org.titrate.platform.api.db.Transactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.finance.api.FinanceEvents;
import org.titrate.finance.api.PartyType;
import org.titrate.finance.api.Posting;
import org.titrate.finance.api.PostingType;
import org.titrate.finance.impl.Settling.Item;
import org.titrate.finance.impl.Settling.Match;
import org.titrate.finance.impl.Settling.Result;
import org.titrate.platform.api.db.MissingRows;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.time.BusinessClock;

/**
 * Writes postings to the finance ledger in the caller's JTA transaction — a sales or purchasing
 * action's, or a money document's — with plain JDBC on the transaction's connection: a second entity
 * manager inside another module's transaction, waiting on row locks, was measured to break pooled XA
 * connections (issue 4), so finance has none. Each posting takes its account's row first; postings of
 * one account therefore queue, and a refund's check against the credit and its booking see the same
 * balance.
 */
@Component(service = FinanceLedger.class)
public class FinanceLedger {

    @Reference
    private MissingRows missingRows;

    @Reference(target = "(titrate.schema=finance)")
    private DataSource dataSource;

    /** Null outside OSGi (the unit tests on a plain database), where there is no platform to append to. */
    @Reference
    private EventLog events;

    public FinanceLedger() {
    }

    /** Outside OSGi, for tests on a plain database. */
    FinanceLedger(DataSource dataSource, MissingRows missingRows) {
        this.dataSource = dataSource;
        this.missingRows = missingRows;
    }

    /** A posting to write; {@code preferred} is the document number to settle first, if any. */
    record Entry(PartyType partyType, String partyCode, PostingType type, String documentNumber, String orderNumber, String currency,
            BigDecimal amount, LocalDate documentDate, LocalDate dueDate, String user, String preferred) {
    }

    /** Decides, under the account's lock, whether the posting may go ahead; throws to refuse it. */
    interface Guard {
        Guard NONE = balance -> { };

        void check(BigDecimal balance);
    }

    /** What was written: the posting and the documents it settled (number and amount). */
    record Written(Posting posting, List<Settled> settled) {
    }

    record Settled(String documentNumber, BigDecimal amount) {
    }

    /**
     * Posts {@code e} unless its document is already on the ledger (then empty: postings are
     * idempotent per document, which is what lets finance book the history it missed).
     */
    Optional<Written> post(Entry e, Guard guard) {
        return post(e, guard, null);
    }

    /**
     * Posts a new document whose number is taken from {@code numbering} once the account's lock is
     * held (and {@code e}'s own number is null): a gap-free series row stays locked until commit, so
     * taking it first would make every party's money documents wait for one busy account.
     */
    Written postNumbered(Entry e, Guard guard, java.util.function.Supplier<String> numbering) {
        return post(e, guard, numbering).orElseThrow();
    }

    private Optional<Written> post(Entry given, Guard guard, java.util.function.Supplier<String> numbering) {
        try (Connection c = dataSource.getConnection()) {
            Locked account = lock(c, given.partyType(), given.partyCode(), given.currency(), guard);
            if (numbering == null && posted(c, given.partyType(), given.documentNumber())) {
                return Optional.empty();
            }
            guard.check(account.balance());
            Entry e = numbering == null ? given : new Entry(given.partyType(), given.partyCode(), given.type(), numbering.get(),
                    given.orderNumber(), given.currency(), given.amount(), given.documentDate(), given.dueDate(), given.user(),
                    given.preferred());
            BigDecimal balance = account.balance();
            Instant at = account.at();
            // Open debits and open credits never stand side by side (each posting settles what it can), so the sign of the
            // balance says whether anything is open that this posting could settle.
            boolean settles = balance.signum() != 0 && balance.signum() != e.amount().signum();
            List<Item> open = settles ? openItems(c, e, balance.abs().min(e.amount().abs())) : List.of();
            String id = UUID.randomUUID().toString();
            Result settled = Settling.settle(new Item(id, e.documentNumber(), e.amount(), e.dueDate(), Settling.order(at, id)), open, e.preferred());
            BigDecimal after = balance.add(e.amount());
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO FIN_POSTING (ID, PARTY_TYPE, PARTY_CODE, TYPE, DOCUMENT_NUMBER,"
                    + " ORDER_NUMBER, CURRENCY, AMOUNT, BALANCE_AFTER, DOCUMENT_DATE, DUE_DATE, POSTED_AT, POSTED_BY)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ins.setString(1, id);
                ins.setString(2, e.partyType().name());
                ins.setString(3, e.partyCode());
                ins.setString(4, e.type().name());
                ins.setString(5, e.documentNumber());
                ins.setString(6, e.orderNumber());
                ins.setString(7, e.currency());
                ins.setBigDecimal(8, e.amount());
                ins.setBigDecimal(9, after);
                ins.setDate(10, Date.valueOf(e.documentDate()));
                ins.setDate(11, Date.valueOf(e.dueDate()));
                ins.setTimestamp(12, Timestamp.from(at));
                ins.setString(13, e.user());
                ins.executeUpdate();
            }
            try (PreparedStatement upd = c.prepareStatement("UPDATE FIN_ACCOUNT SET BALANCE = ?, LAST_POSTED_AT = ?, POSTINGS = POSTINGS + 1"
                    + " WHERE PARTY_TYPE = ? AND PARTY_CODE = ? AND CURRENCY = ?")) {
                upd.setBigDecimal(1, after);
                upd.setTimestamp(2, Timestamp.from(at));
                upd.setString(3, e.partyType().name());
                upd.setString(4, e.partyCode());
                upd.setString(5, e.currency());
                upd.executeUpdate();
            }
            List<Settled> documents = writeSettlement(c, e, id, settled, open, at);
            Posting p = new Posting(id, e.partyType(), e.partyCode(), e.type(), e.documentNumber(), e.orderNumber(), e.currency(),
                    e.amount(), after, e.documentDate(), e.dueDate(), at, e.user());
            if (events != null) {
                events.append(FinanceEvents.POSTED, e.documentNumber(), e.user(), posted(p));
            }
            return Optional.of(new Written(p, documents));
        } catch (SQLException ex) {
            throw Transactions.failure("Cannot post " + (given.documentNumber() == null ? "a " + given.type() : given.documentNumber()), ex);
        }
    }

    private static Map<String, Object> posted(Posting p) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(FinanceEvents.POSTING_ID, p.id());
        facts.put(FinanceEvents.PARTY_TYPE, p.partyType());
        facts.put(FinanceEvents.PARTY_CODE, p.partyCode());
        facts.put(FinanceEvents.POSTING_TYPE, p.type());
        facts.put(FinanceEvents.ORDER_NUMBER, p.orderNumber());
        facts.put(FinanceEvents.CURRENCY, p.currency());
        facts.put(FinanceEvents.AMOUNT, p.amount().toPlainString());
        facts.put(FinanceEvents.BALANCE_AFTER, p.balanceAfter().toPlainString());
        return facts;
    }

    private List<Settled> writeSettlement(Connection c, Entry e, String id, Result settled, List<Item> open, Instant at)
            throws SQLException {
        try (PreparedStatement upd = c.prepareStatement("UPDATE FIN_OPEN_ITEM SET OPEN_AMOUNT = ? WHERE POSTING_ID = ?");
             PreparedStatement del = c.prepareStatement("DELETE FROM FIN_OPEN_ITEM WHERE POSTING_ID = ?")) {
            for (Item i : settled.changed()) {
                if (i.open().signum() == 0) {
                    del.setString(1, i.postingId());
                    del.executeUpdate();
                } else {
                    upd.setBigDecimal(1, i.open());
                    upd.setString(2, i.postingId());
                    upd.executeUpdate();
                }
            }
        }
        List<Settled> documents = new ArrayList<>();
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO FIN_ALLOCATION (ID, DEBIT_POSTING_ID, CREDIT_POSTING_ID, AMOUNT,"
                + " ALLOCATED_AT) VALUES (?, ?, ?, ?, ?)")) {
            for (Match m : settled.matches()) {
                ins.setString(1, UUID.randomUUID().toString());
                ins.setString(2, m.debitId());
                ins.setString(3, m.creditId());
                ins.setBigDecimal(4, m.amount());
                ins.setTimestamp(5, Timestamp.from(at));
                ins.executeUpdate();
                String other = m.debitId().equals(id) ? m.creditId() : m.debitId();
                open.stream().filter(i -> i.postingId().equals(other)).findFirst()
                        .ifPresent(i -> documents.add(new Settled(i.documentNumber(), m.amount())));
            }
        }
        if (settled.remaining().signum() != 0) {
            Sql.update(c, "INSERT INTO FIN_OPEN_ITEM (POSTING_ID, PARTY_TYPE, PARTY_CODE, CURRENCY, DOCUMENT_NUMBER, OPEN_AMOUNT, DUE_DATE,"
                    + " POSTED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, e.partyType(), e.partyCode(), e.currency(), e.documentNumber(),
                    settled.remaining(), e.dueDate(), at);
        }
        return documents;
    }

    /**
     * Takes the account's lock for the caller's transaction (before it looks for something only the lock makes certain);
     * {@code guard} decides first, on a balance of zero, whether an account that does not exist yet is worth creating.
     */
    void lockAccount(PartyType type, String code, String currency, Guard guard) {
        try (Connection c = dataSource.getConnection()) {
            lock(c, type, code, currency, guard);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot lock the account of " + code, e);
        }
    }

    /** The account's balance under its lock, and the instant of the posting about to be written. */
    private record Locked(BigDecimal balance, Instant at) {
    }

    /**
     * Takes the account's row (created on its first posting, outside the transaction, so that two
     * first postings do not fail each other) and reads its balance and the instant of this posting:
     * after the account's last one, so the account's postings are in the order they took the lock.
     * A posting {@code guard} refuses on an account that does not exist (a refund to a customer with
     * no credit in that currency) is refused before the row is created: a refused request leaves no
     * account behind.
     */
    private Locked lock(Connection c, PartyType type, String code, String currency, Guard guard) throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try (PreparedStatement upd = c.prepareStatement("UPDATE FIN_ACCOUNT SET LAST_POSTED_AT = LAST_POSTED_AT"
                    + " WHERE PARTY_TYPE = ? AND PARTY_CODE = ? AND CURRENCY = ?")) {
                upd.setString(1, type.name());
                upd.setString(2, code);
                upd.setString(3, currency);
                if (upd.executeUpdate() == 1) {
                    return locked(c, type, code, currency);
                }
            }
            if (attempt == 0) {
                guard.check(BigDecimal.ZERO);
            }
            missingRows.insertIfAbsent("INSERT INTO FIN_ACCOUNT (PARTY_TYPE, PARTY_CODE, CURRENCY, BALANCE, POSTINGS, LAST_POSTED_AT)"
                    + " VALUES (?, ?, ?, 0, 0, ?)", type.name(), code, currency, Timestamp.from(Instant.EPOCH));
        }
        throw new IllegalStateException("The account " + type + " " + code + " " + currency + " cannot be created");
    }

    private static Locked locked(Connection c, PartyType type, String code, String currency) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT BALANCE, LAST_POSTED_AT FROM FIN_ACCOUNT"
                + " WHERE PARTY_TYPE = ? AND PARTY_CODE = ? AND CURRENCY = ?")) {
            q.setString(1, type.name());
            q.setString(2, code);
            q.setString(3, currency);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                Instant last = rs.getTimestamp(2).toInstant();
                Instant now = BusinessClock.now();
                return new Locked(rs.getBigDecimal(1), now.isAfter(last) ? now : last.plusMillis(1));
            }
        }
    }

    /** Whether the document is on the party's ledger already: one look-up, no lock. */
    boolean booked(PartyType type, String documentNumber) {
        try (Connection c = dataSource.getConnection()) {
            return posted(c, type, documentNumber);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot look up " + documentNumber, e);
        }
    }

    private static boolean posted(Connection c, PartyType type, String documentNumber) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT ID FROM FIN_POSTING WHERE PARTY_TYPE = ? AND DOCUMENT_NUMBER = ?")) {
            q.setString(1, type.name());
            q.setString(2, documentNumber);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The account's open items {@code e} settles, in settling order — the document it names first,
     * then by due date and posting — as far as {@code needed} (what the posting can settle at most)
     * reaches: read along the account's index, so a receipt on an account with a thousand open
     * invoices reads the few it pays.
     */
    private static List<Item> openItems(Connection c, Entry e, BigDecimal needed) throws SQLException {
        String sql = "SELECT POSTING_ID, DOCUMENT_NUMBER, OPEN_AMOUNT, DUE_DATE, POSTED_AT FROM FIN_OPEN_ITEM"
                + " WHERE PARTY_TYPE = ? AND PARTY_CODE = ? AND CURRENCY = ? AND OPEN_AMOUNT " + (e.amount().signum() > 0 ? "< 0" : "> 0");
        List<Item> items = new ArrayList<>();
        BigDecimal covered = BigDecimal.ZERO;
        if (e.preferred() != null) {
            for (Item i : Sql.list(c, sql + " AND DOCUMENT_NUMBER = ?", List.of(e.partyType(), e.partyCode(), e.currency(), e.preferred()),
                    FinanceLedger::item)) {
                items.add(i);
                covered = covered.add(i.open().abs());
            }
        }
        try (PreparedStatement q = c.prepareStatement(sql + " ORDER BY DUE_DATE, POSTED_AT, POSTING_ID")) {
            q.setFetchSize(16);
            Sql.bind(q, List.of(e.partyType(), e.partyCode(), e.currency()));
            try (ResultSet rs = q.executeQuery()) {
                while (covered.compareTo(needed) < 0 && rs.next()) {
                    Item i = item(rs);
                    if (!i.documentNumber().equals(e.preferred())) {
                        items.add(i);
                        covered = covered.add(i.open().abs());
                    }
                }
            }
        }
        return items;
    }

    private static Item item(ResultSet rs) throws SQLException {
        return new Item(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getDate(4).toLocalDate(),
                Settling.order(rs.getTimestamp(5).toInstant(), rs.getString(1)));
    }
}
