package org.titrate.finance.impl;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import javax.transaction.Transaction;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.finance.api.FinanceEvents;
import org.titrate.finance.api.PaymentReminder;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.time.BusinessClock;

/**
 * Payment reminders: debts of a customer that fell due on a day and are still open the day after
 * raise one EventAdmin event per customer, currency and due date, once (the raise is recorded in
 * {@code FIN_REMINDER} before the event goes out, so a restart never sends it twice). Checked on
 * Karaf's scheduler by {@link PaymentReminderSchedule}, as often as {@code etc/org.titrate.finance.reminders.cfg} says.
 */
@Component(service = PaymentReminders.class)
public class PaymentReminders {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentReminders.class);

    @Reference
    private TransactionManager transactions;

    @Reference(target = "(titrate.schema=finance)")
    private DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    List<PaymentReminder> due(LocalDate asOf) {
        Map<String, PaymentReminder> byKey = new LinkedHashMap<>();
        Map<String, List<String>> documents = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            Sql.list(c, "SELECT o.PARTY_CODE, o.CURRENCY, o.DUE_DATE, o.OPEN_AMOUNT, p.DOCUMENT_NUMBER, r.RAISED_AT"
                    + " FROM FIN_OPEN_ITEM o JOIN FIN_POSTING p ON p.ID = o.POSTING_ID"
                    + " LEFT JOIN FIN_REMINDER r ON r.PARTY_CODE = o.PARTY_CODE AND r.CURRENCY = o.CURRENCY AND r.DUE_DATE = o.DUE_DATE"
                    + " WHERE o.PARTY_TYPE = 'CUSTOMER' AND o.OPEN_AMOUNT > 0 AND o.DUE_DATE < ?"
                    + " ORDER BY o.DUE_DATE, o.PARTY_CODE, o.CURRENCY, p.DOCUMENT_NUMBER", List.of(asOf), rs -> {
                        LocalDate due = Sql.date(rs, 3);
                        String key = rs.getString(1) + '\u0000' + rs.getString(2) + '\u0000' + due;
                        PaymentReminder before = byKey.get(key);
                        BigDecimal amount = rs.getBigDecimal(4).add(before == null ? BigDecimal.ZERO : before.amount());
                        documents.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(5));
                        byKey.put(key, new PaymentReminder(rs.getString(1), rs.getString(2), due, amount, documents.get(key),
                                (int) ChronoUnit.DAYS.between(due, asOf), Sql.instant(rs, 6)));
                        return null;
                    });
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the payment reminders", e);
        }
        return byKey.values().stream().map(r -> new PaymentReminder(r.customerCode(), r.currency(), r.dueDate(), r.amount(),
                List.copyOf(r.documents()), r.daysOverdue(), r.raisedAt())).toList();
    }

    /** Raises what is due and not raised yet; nothing while no EventAdmin is there to carry it. */
    List<PaymentReminder> raise(LocalDate asOf) {
        EventAdmin events = eventAdmin;
        if (events == null) {
            return List.of();
        }
        List<PaymentReminder> raised = new ArrayList<>();
        for (PaymentReminder r : due(asOf)) {
            if (r.raisedAt() != null) {
                continue;
            }
            Instant now = BusinessClock.now();
            if (!record(r, now)) {
                continue; // raised meanwhile by another run
            }
            Map<String, Object> props = new HashMap<>();
            props.put(FinanceEvents.CUSTOMER_CODE, r.customerCode());
            props.put(FinanceEvents.CURRENCY, r.currency());
            props.put(FinanceEvents.DUE_DATE, r.dueDate().toString());
            props.put(FinanceEvents.AMOUNT, r.amount().toPlainString());
            props.put(FinanceEvents.DOCUMENTS, r.documents().toArray(new String[0]));
            props.put(FinanceEvents.DAYS_OVERDUE, r.daysOverdue());
            events.postEvent(new Event(FinanceEvents.PAYMENT_OVERDUE, props));
            raised.add(new PaymentReminder(r.customerCode(), r.currency(), r.dueDate(), r.amount(), r.documents(), r.daysOverdue(), now));
        }
        return raised;
    }

    /** Records the reminder in a transaction of its own, committed before the event goes out; false if it was there already. */
    private boolean record(PaymentReminder r, Instant now) {
        Transaction caller = null;
        try {
            caller = transactions.suspend();
            return Transactions.required(transactions, () -> {
                try (Connection c = dataSource.getConnection()) {
                    // Inserted only where absent, selecting from the account's own row: a duplicate-key error would abort
                    // the transaction on PostgreSQL, and SQL has no portable one-row table.
                    return Sql.update(c, "INSERT INTO FIN_REMINDER (PARTY_CODE, CURRENCY, DUE_DATE, AMOUNT, RAISED_AT)"
                            + " SELECT ?, ?, ?, ?, ? FROM FIN_ACCOUNT WHERE PARTY_TYPE = 'CUSTOMER' AND PARTY_CODE = ? AND CURRENCY = ?"
                            + " AND NOT EXISTS (SELECT 1 FROM FIN_REMINDER WHERE PARTY_CODE = ? AND CURRENCY = ? AND DUE_DATE = ?)",
                            r.customerCode(), r.currency(), r.dueDate(), r.amount(), now, r.customerCode(), r.currency(), r.customerCode(),
                            r.currency(), r.dueDate()) == 1;
                } catch (SQLException e) {
                    if ("23505".equals(e.getSQLState())) {
                        return false;
                    }
                    throw Transactions.failure("Cannot record the payment reminder of " + r.customerCode(), e);
                }
            });
        } catch (javax.transaction.SystemException e) {
            throw new IllegalStateException("Cannot suspend the transaction to record a reminder", e);
        } finally {
            if (caller != null) {
                try {
                    transactions.resume(caller);
                } catch (Exception e) {
                    LOG.warn("Cannot resume the caller's transaction after recording a reminder", e);
                }
            }
        }
    }
}
