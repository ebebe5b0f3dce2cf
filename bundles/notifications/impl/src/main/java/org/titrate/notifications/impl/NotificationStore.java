package org.titrate.notifications.impl;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.notifications.api.Delivery;
import org.titrate.notifications.api.DeliveryLogEntry;
import org.titrate.notifications.api.DeliveryQuery;
import org.titrate.notifications.api.DeliveryState;
import org.titrate.notifications.api.Inbox;
import org.titrate.notifications.api.InboxMessage;
import org.titrate.notifications.api.NotificationChannel;
import org.titrate.notifications.api.NotificationEvent;
import org.titrate.notifications.api.NotificationService;
import org.titrate.notifications.api.NotificationTemplate;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.security.Roles;

/** The {@code NTF_} tables: stored messages, tracking tokens, saved templates, inboxes (plain JDBC, docs/persistence.md). */
@Component(service = {NotificationService.class, NotificationStore.class})
public class NotificationStore implements NotificationService {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String COLUMNS = "m.ID, m.EVENT_SEQ, m.EVENT, m.CHANNEL, m.RECIPIENT, m.CUSTOMER_CODE, m.ORDER_NUMBER, m.LANGUAGE,"
            + " m.SUBJECT, m.BODY, m.TEMPLATE_CODE, m.STATE, m.ATTEMPTS, m.NEXT_ATTEMPT, m.PROVIDER_ID, m.LAST_ERROR, m.CREATED_AT,"
            + " m.SENT_AT, m.PARAMS";

    @Reference(target = "(titrate.schema=notifications)")
    private DataSource dataSource;

    @Reference
    private TransactionManager transactions;

    TransactionManager transactions() {
        return transactions;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- the outbox ----

    /** Stores what the follower made, in the caller's transaction (the one that moves the cursor). */
    void store(List<Planned> planned) {
        try (Connection c = dataSource.getConnection()) {
            for (Planned p : planned) {
                if (p.channel() == NotificationChannel.INAPP) {
                    Sql.update(c, "INSERT INTO NTF_INBOX (ID, EVENT_SEQ, AUDIENCE, EVENT, TITLE, BODY, ORDER_NUMBER, CUSTOMER_CODE, CREATED_AT)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), p.seq(), p.audience(), p.event().name(),
                            cut(p.subject(), 500), cut(p.body(), 4000), p.orderNumber(), p.customerCode(), p.due());
                } else {
                    Sql.update(c, "INSERT INTO NTF_MESSAGE (ID, EVENT_SEQ, EVENT, CHANNEL, RECIPIENT, CUSTOMER_CODE, ORDER_NUMBER, LANGUAGE,"
                            + " SUBJECT, BODY, TEMPLATE_CODE, PARAMS, STATE, ATTEMPTS, NEXT_ATTEMPT, CREATED_AT)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", UUID.randomUUID().toString(), p.seq(), p.event().name(),
                            p.channel().name(), p.audience(), p.customerCode(), p.orderNumber(), p.language(), cut(p.subject(), 500),
                            cut(p.body(), 8000), p.templateCode(), p.params(), DeliveryState.PENDING.name(), p.due(), p.due());
                }
            }
        } catch (SQLException e) {
            throw Transactions.failure("Cannot store notifications", e);
        }
    }

    /** Messages whose next attempt is due, oldest first; without e-mail (no SMTP host configured) only the other channels'. */
    List<Delivery> due(Instant now, int limit, boolean withEmail) {
        try (Connection c = dataSource.getConnection()) {
            return Sql.list(c, "SELECT " + COLUMNS + " FROM NTF_MESSAGE m WHERE m.STATE IN ('PENDING', 'FAILED') AND m.NEXT_ATTEMPT <= ?"
                    + (withEmail ? "" : " AND m.CHANNEL <> 'EMAIL'") + " ORDER BY m.NEXT_ATTEMPT, m.EVENT_SEQ, m.ID FETCH FIRST " + limit
                    + " ROWS ONLY", List.of(now), NotificationStore::delivery);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the due notifications", e);
        }
    }

    /** The SMS parameters stored with a message. */
    String params(String id) {
        try (Connection c = dataSource.getConnection()) {
            List<String> found = Sql.list(c, "SELECT PARAMS FROM NTF_MESSAGE WHERE ID = ?", List.of(id), rs -> rs.getString(1));
            return found.isEmpty() ? null : found.get(0);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read a notification", e);
        }
    }

    /** The message was accepted: its state and the attempt's line in the delivery log, in one transaction. */
    void sent(String id, String providerId, Instant at) {
        Transactions.required(transactions, () -> {
            try (Connection c = dataSource.getConnection()) {
                Sql.update(c, "UPDATE NTF_MESSAGE SET STATE = 'SENT', ATTEMPTS = ATTEMPTS + 1, PROVIDER_ID = ?, SENT_AT = ?, LAST_ERROR = NULL"
                        + " WHERE ID = ?", cut(providerId, 300), at, id);
                logLine(c, id, at, DeliveryState.SENT.name(), null, SYSTEM, providerId);
                return null;
            } catch (SQLException e) {
                throw Transactions.failure("Cannot record notification " + id + " as sent", e);
            }
        });
    }

    /** An attempt failed: the message waits until {@code next} (or is given up), the error is in the delivery log. */
    void failed(String id, int attempts, boolean giveUp, Instant next, String error) {
        String state = (giveUp ? DeliveryState.GAVE_UP : DeliveryState.FAILED).name();
        Transactions.required(transactions, () -> {
            try (Connection c = dataSource.getConnection()) {
                Sql.update(c, "UPDATE NTF_MESSAGE SET STATE = ?, ATTEMPTS = ?, NEXT_ATTEMPT = ?, LAST_ERROR = ? WHERE ID = ?", state, attempts, next,
                        cut(error, 1000), id);
                logLine(c, id, now(), state, attempts, SYSTEM, error);
                return null;
            } catch (SQLException e) {
                throw Transactions.failure("Cannot record a failed attempt of notification " + id, e);
            }
        });
    }

    /** Who the delivery log names for the sender's own attempts. */
    static final String SYSTEM = "system";

    /** One line of the delivery log; {@code attempt} null means the attempts the message counts now. */
    private static void logLine(Connection c, String id, Instant at, String kind, Integer attempt, String by, String detail) throws SQLException {
        int n = attempt != null ? attempt
                : Sql.list(c, "SELECT ATTEMPTS FROM NTF_MESSAGE WHERE ID = ?", List.of(id), rs -> rs.getInt(1)).get(0);
        Sql.update(c, "INSERT INTO NTF_DELIVERY_LOG (ID, MESSAGE_ID, LOGGED_AT, KIND, ATTEMPT, BY_USER, DETAIL) VALUES (?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), id, at, kind, n, by, detail == null ? "" : cut(detail, 1000));
    }

    /** Holds a message (quiet hours) without counting an attempt. */
    void hold(String id, Instant until) {
        update("UPDATE NTF_MESSAGE SET NEXT_ATTEMPT = ? WHERE ID = ?", until, id);
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, sql, params);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot update a notification", e);
        }
    }

    @Override
    public Page<Delivery> deliveries(DeliveryQuery q) {
        Sql filter = new Sql().and("m.STATE = ?", q.state() == null ? null : q.state().name())
                .and("m.CHANNEL = ?", q.channel() == null ? null : q.channel().name())
                .and("m.EVENT = ?", q.event() == null ? null : q.event().name())
                .and("m.CUSTOMER_CODE = ?", q.customerCode()).and("m.ORDER_NUMBER = ?", q.orderNumber()).and("m.RECIPIENT = ?", q.recipient());
        return filter.page(dataSource, "SELECT " + COLUMNS, "FROM NTF_MESSAGE m", "m.CREATED_AT DESC, m.EVENT_SEQ DESC, m.ID",
                q.page() == null ? new PageRequest(0, PageRequest.DEFAULT_LIMIT) : q.page(), NotificationStore::delivery, "notifications");
    }

    /** Every message about an order, oldest first. */
    List<Delivery> about(String orderNumber) {
        try (Connection c = dataSource.getConnection()) {
            return Sql.list(c, "SELECT " + COLUMNS + " FROM NTF_MESSAGE m WHERE m.ORDER_NUMBER = ? ORDER BY m.EVENT_SEQ, m.CHANNEL, m.RECIPIENT",
                    List.of(orderNumber), NotificationStore::delivery);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the notifications of " + orderNumber, e);
        }
    }

    @Override
    public Delivery delivery(String id) {
        try (Connection c = dataSource.getConnection()) {
            List<Delivery> found = Sql.list(c, "SELECT " + COLUMNS + " FROM NTF_MESSAGE m WHERE m.ID = ?", List.of(id), NotificationStore::delivery);
            if (found.isEmpty()) {
                throw new NotFoundException("Notification", id);
            }
            return found.get(0);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read notification " + id, e);
        }
    }

    @Override
    public Delivery retry(String id) {
        Delivery d = delivery(id);
        if (d.state() == DeliveryState.SENT) {
            throw new ConflictException("state", "notification " + id + " was sent at " + d.sentAt() + "; nothing to retry");
        }
        // Due now, attempts and last error kept: the history stays and the retry joins it with who asked and when. A message
        // given up after its last allowed attempt gets this one more attempt; failing again, it is given up again.
        String user = CurrentUser.name();
        Instant now = now();
        Transactions.required(transactions, () -> {
            try (Connection c = dataSource.getConnection()) {
                if (Sql.update(c, "UPDATE NTF_MESSAGE SET STATE = 'PENDING', NEXT_ATTEMPT = ? WHERE ID = ? AND STATE <> 'SENT'", now, id) == 1) {
                    logLine(c, id, now, "RETRY", null, user == null ? SYSTEM : user, "from " + d.state());
                }
                return null;
            } catch (SQLException e) {
                throw Transactions.failure("Cannot retry notification " + id, e);
            }
        });
        return delivery(id);
    }

    @Override
    public List<DeliveryLogEntry> log(String id) {
        delivery(id);
        try (Connection c = dataSource.getConnection()) {
            return Sql.list(c, "SELECT LOGGED_AT, KIND, ATTEMPT, BY_USER, DETAIL FROM NTF_DELIVERY_LOG WHERE MESSAGE_ID = ?"
                    + " ORDER BY LOGGED_AT, ATTEMPT, ID", List.of(id),
                    rs -> new DeliveryLogEntry(Sql.instant(rs, 1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)));
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the delivery log of notification " + id, e);
        }
    }

    static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getString(1), rs.getLong(2), NotificationEvent.valueOf(rs.getString(3)), NotificationChannel.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                DeliveryState.valueOf(rs.getString(12)), rs.getInt(13), Sql.instant(rs, 14), rs.getString(15), rs.getString(16),
                Sql.instant(rs, 17), Sql.instant(rs, 18));
    }

    // ---- tracking tokens ----

    /** The return's token, made (in the caller's transaction) when it has none. */
    String token(String orderNumber, String customerCode) {
        try (Connection c = dataSource.getConnection()) {
            List<String> found = Sql.list(c, "SELECT TOKEN FROM NTF_TRACKING WHERE ORDER_NUMBER = ?", List.of(orderNumber), rs -> rs.getString(1));
            if (!found.isEmpty()) {
                return found.get(0);
            }
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Sql.update(c, "INSERT INTO NTF_TRACKING (ORDER_NUMBER, TOKEN, CUSTOMER_CODE, CREATED_AT) VALUES (?, ?, ?, ?)", orderNumber, token,
                    customerCode, now());
            return token;
        } catch (SQLException e) {
            throw Transactions.failure("Cannot make the tracking token of " + orderNumber, e);
        }
    }

    Optional<String> orderOfToken(String token) {
        try (Connection c = dataSource.getConnection()) {
            List<String> found = Sql.list(c, "SELECT ORDER_NUMBER FROM NTF_TRACKING WHERE TOKEN = ?", List.of(token), rs -> rs.getString(1));
            return found.stream().findFirst();
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read a tracking token", e);
        }
    }

    String existingToken(String orderNumber) {
        try (Connection c = dataSource.getConnection()) {
            List<String> found = Sql.list(c, "SELECT TOKEN FROM NTF_TRACKING WHERE ORDER_NUMBER = ?", List.of(orderNumber), rs -> rs.getString(1));
            return found.isEmpty() ? null : found.get(0);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the tracking token of " + orderNumber, e);
        }
    }

    private volatile String publicBaseUrl = "http://localhost:8181";

    void publicBaseUrl(String url) {
        publicBaseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    String link(String token) {
        return publicBaseUrl + "/track/" + token;
    }

    @Override
    public String trackingLink(String orderNumber) {
        String token = existingToken(orderNumber);
        return token == null ? null : link(token);
    }

    // ---- templates ----

    /** The template that applies: saved, else shipped; the zh-CN one when the language has none. */
    NotificationTemplate template(NotificationEvent event, NotificationChannel channel, String language) {
        try (Connection c = dataSource.getConnection()) {
            List<NotificationTemplate> saved = Sql.list(c, "SELECT SUBJECT, BODY, UPDATED_AT, UPDATED_BY FROM NTF_TEMPLATE"
                    + " WHERE EVENT = ? AND CHANNEL = ? AND LANGUAGE = ?", List.of(event.name(), channel.name(), language),
                    rs -> new NotificationTemplate(event, channel, language, rs.getString(1), rs.getString(2), true, Sql.instant(rs, 3),
                            rs.getString(4)));
            if (!saved.isEmpty()) {
                return saved.get(0);
            }
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read a template", e);
        }
        NotificationTemplate shipped = DefaultTemplates.get(event, channel, language);
        return shipped != null ? shipped : DefaultTemplates.get(event, channel, DefaultTemplates.LANGUAGES.get(0));
    }

    @Override
    public List<NotificationTemplate> templates() {
        List<NotificationTemplate> all = new ArrayList<>();
        for (NotificationTemplate t : DefaultTemplates.all()) {
            all.add(template(t.event(), t.channel(), t.language()));
        }
        return all;
    }

    @Override
    public NotificationTemplate saveTemplate(NotificationTemplate t) {
        Check.body(t);
        Check check = new Check();
        check.required("event", t.event());
        check.required("channel", t.channel());
        if (t.language() == null || !DefaultTemplates.LANGUAGES.contains(t.language())) {
            check.fail("language", "must be one of " + DefaultTemplates.LANGUAGES);
        }
        if (t.event() != null && t.channel() != null && !DefaultTemplates.channels(t.event()).contains(t.channel())) {
            check.fail("channel", t.event() + " is sent on " + DefaultTemplates.channels(t.event()));
        }
        String subject = check.text("subject", t.subject(), t.channel() == NotificationChannel.SMS ? 100 : 500, true);
        String body = check.text("body", t.body(), 8000, true);
        List<FieldError> unknown = new ArrayList<>();
        for (String name : Templates.unknown(subject, PLACEHOLDERS)) {
            unknown.add(new FieldError("subject", "unknown placeholder {{" + name + "}}; known: " + sorted(PLACEHOLDERS)));
        }
        for (String name : Templates.unknown(body, PLACEHOLDERS)) {
            unknown.add(new FieldError("body", "unknown placeholder {{" + name + "}}; known: " + sorted(PLACEHOLDERS)));
        }
        if (t.channel() == NotificationChannel.SMS && subject != null && !subject.matches("[A-Za-z0-9_.-]+")) {
            unknown.add(new FieldError("subject", "an SMS template's subject is the provider's template code (letters, digits, '_', '.', '-')"));
        }
        check.throwIfInvalid();
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
        Instant now = now();
        String user = CurrentUser.name();
        Transactions.required(transactions, () -> {
            try (Connection c = dataSource.getConnection()) {
                int n = Sql.update(c, "UPDATE NTF_TEMPLATE SET SUBJECT = ?, BODY = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE EVENT = ? AND CHANNEL = ?"
                        + " AND LANGUAGE = ?", subject, body, now, user, t.event().name(), t.channel().name(), t.language());
                if (n == 0) {
                    Sql.update(c, "INSERT INTO NTF_TEMPLATE (EVENT, CHANNEL, LANGUAGE, SUBJECT, BODY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            t.event().name(), t.channel().name(), t.language(), subject, body, now, user);
                }
                return null;
            } catch (SQLException e) {
                throw Transactions.failure("Cannot save the template", e);
            }
        });
        return template(t.event(), t.channel(), t.language());
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    // ---- inbox ----

    /** The audiences a user reads: their own and their roles' (an administrator's: every role's). */
    static List<String> audiences(String user, Set<String> roles) {
        List<String> a = new ArrayList<>();
        a.add("user:" + user);
        Set<String> all = roles.contains(Roles.ADMIN) ? Roles.ALL : roles;
        all.stream().sorted().forEach(r -> a.add("role:" + r));
        return a;
    }

    @Override
    public Inbox inbox(String user, Set<String> roles, PageRequest page) {
        List<String> audiences = audiences(user, roles);
        String in = "i.AUDIENCE IN (" + Sql.marks(audiences.size()) + ")";
        String read = "EXISTS (SELECT 1 FROM NTF_INBOX_READ r WHERE r.MESSAGE_ID = i.ID AND r.USERNAME = ?)";
        List<Object> params = new ArrayList<>();
        params.add(user);
        params.addAll(audiences);
        try (Connection c = dataSource.getConnection()) {
            long total = Sql.list(c, "SELECT COUNT(*) FROM NTF_INBOX i WHERE " + in, new ArrayList<>(audiences), rs -> rs.getLong(1)).get(0);
            long unread = Sql.list(c, "SELECT COUNT(*) FROM NTF_INBOX i WHERE NOT " + read + " AND " + in, params, rs -> rs.getLong(1)).get(0);
            List<InboxMessage> items = Sql.list(c, "SELECT i.ID, i.EVENT, i.TITLE, i.BODY, i.ORDER_NUMBER, i.CUSTOMER_CODE, i.CREATED_AT, CASE WHEN "
                    + read + " THEN 1 ELSE 0 END AS IS_READ FROM NTF_INBOX i WHERE " + in + " ORDER BY IS_READ, i.CREATED_AT DESC, i.ID"
                    + " OFFSET " + page.offset() + " ROWS FETCH NEXT " + page.limit() + " ROWS ONLY", params,
                    rs -> new InboxMessage(rs.getString(1), NotificationEvent.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), Sql.instant(rs, 7), rs.getInt(8) == 1));
            return new Inbox(items, total, unread, page.offset(), page.limit());
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the inbox of " + user, e);
        }
    }

    @Override
    public InboxMessage markRead(String user, Set<String> roles, String id) {
        List<String> audiences = audiences(user, roles);
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(audiences);
        return Transactions.required(transactions, () -> {
            try (Connection c = dataSource.getConnection()) {
                List<InboxMessage> found = Sql.list(c, "SELECT i.ID, i.EVENT, i.TITLE, i.BODY, i.ORDER_NUMBER, i.CUSTOMER_CODE, i.CREATED_AT"
                        + " FROM NTF_INBOX i WHERE i.ID = ? AND i.AUDIENCE IN (" + Sql.marks(audiences.size()) + ")", params,
                        rs -> new InboxMessage(rs.getString(1), NotificationEvent.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), Sql.instant(rs, 7), true));
                if (found.isEmpty()) {
                    throw new NotFoundException("Inbox message", id);
                }
                boolean already = !Sql.list(c, "SELECT 1 FROM NTF_INBOX_READ WHERE MESSAGE_ID = ? AND USERNAME = ?", List.of(id, user),
                        rs -> 1).isEmpty();
                if (!already) {
                    Sql.update(c, "INSERT INTO NTF_INBOX_READ (MESSAGE_ID, USERNAME, READ_AT) VALUES (?, ?, ?)", id, user, now());
                }
                return found.get(0);
            } catch (SQLException e) {
                throw Transactions.failure("Cannot mark inbox message " + id + " read", e);
            }
        });
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
