package org.titrate.finance.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.titrate.platform.api.db.MissingRows;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.licensing.Entitlements;
import org.titrate.platform.api.licensing.LicenceWatch;

/**
 * What finance's backfills share: {@code FIN_CURSOR} (how far finance had looked through each module's change feed before
 * the event log existed), the log they follow now, the ledger they check, and the transactions they book in.
 */
@Component(service = FinanceCursors.class)
public class FinanceCursors {

    @Reference
    private MissingRows missingRows;

    @Reference
    private TransactionManager transactions;

    @Reference(target = "(titrate.schema=finance)")
    private DataSource dataSource;

    @Reference
    private EventLog log;

    @Reference
    private FinanceLedger ledger;

    private final LicenceWatch licence = new LicenceWatch("finance");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindEntitlements(Entitlements e) {
        licence.bind(e);
    }

    void unbindEntitlements(Entitlements e) {
        licence.unbind(e);
    }

    /**
     * Whether finance books now: only while it is licensed (not while read-only). Postings made meanwhile stay in the
     * event log and are booked by the backfills once a licence turns finance on (docs/licensing.md).
     */
    boolean books() {
        return licence.writes();
    }

    /** Calls {@code listener} whenever the licence in force changes; close to stop. */
    AutoCloseable onLicenceChange(Runnable listener) {
        return licence.onChange(listener);
    }

    EventLog log() {
        return log;
    }

    FinanceLedger ledger() {
        return ledger;
    }

    /** The change instant up to which the module's documents are booked; the epoch before the first look. */
    Instant position(String module) {
        try (Connection c = dataSource.getConnection()) {
            List<Instant> found = Sql.list(c, "SELECT POSITION FROM FIN_CURSOR WHERE NAME = ?", List.of(module), rs -> Sql.instant(rs, 1));
            return found.isEmpty() ? Instant.EPOCH : found.get(0);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the " + module + " cursor", e);
        }
    }

    void move(String module, Instant to) {
        missingRows.insertIfAbsent("INSERT INTO FIN_CURSOR (NAME, POSITION) VALUES (?, ?)", module, Timestamp.from(Instant.EPOCH));
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, "UPDATE FIN_CURSOR SET POSITION = ? WHERE NAME = ?", to, module);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot move the " + module + " cursor", e);
        }
    }

    <T> T inTransaction(Supplier<T> work) {
        return Transactions.required(transactions, work);
    }
}
