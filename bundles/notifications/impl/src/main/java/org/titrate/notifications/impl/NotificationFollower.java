package org.titrate.notifications.impl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerContact;
import org.titrate.customers.api.CustomerService;
import org.titrate.finance.api.FinanceEvents;
import org.titrate.notifications.api.NotificationChannel;
import org.titrate.notifications.api.NotificationEvent;
import org.titrate.notifications.api.NotificationTemplate;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.events.LoggedEvent;
import org.titrate.platform.api.security.Roles;
import org.titrate.sales.api.SalesEvents;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.SalesOrderService;

/**
 * Follows the platform's event log with the durable cursor {@value #CURSOR} and turns sales and finance events into
 * stored messages: one per event, channel and recipient, written in the transaction that moves the cursor, so a
 * replay or a crash never makes a second one and never loses one. Details (contacts, the return) are read through
 * the customers' and sales' services before that transaction; nothing is sent here (the sender does that later), so
 * a business action is never slowed or rolled back by a channel.
 */
@Component(service = NotificationFollower.class)
public class NotificationFollower {
    static final String CURSOR = "notifications";
    private static final Logger LOG = LoggerFactory.getLogger(NotificationFollower.class);

    @Reference
    private NotificationStore store;

    @Reference
    private EventLog log;

    @Reference
    private CustomerService customers;

    @Reference
    private SalesOrderService orders;

    @Activate
    void activate() {
        // A new installation tells nobody about the past: it starts at the end of the log.
        log.register(CURSOR, log.visibleUpTo());
    }

    /** Handles the next batch of events; returns how many events it passed. */
    int follow(int batch, String staffLanguage) {
        long from = log.position(CURSOR);
        List<LoggedEvent> events = log.next(CURSOR, batch);
        if (events.isEmpty()) {
            return 0;
        }
        Map<String, String> tokens = new HashMap<>();
        List<Planned> planned = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Instant now = NotificationStore.now();
        for (LoggedEvent e : events) {
            for (Notice n : notices(e)) {
                for (Planned p : plan(n, tokens, now, staffLanguage)) {
                    if (keys.add(p.key())) {
                        planned.add(p);
                    }
                }
            }
        }
        long to = events.get(events.size() - 1).seq();
        Transactions.required(store.transactions(), () -> {
            store.store(planned);
            log.advance(CURSOR, from, to);
            return null;
        });
        return events.size();
    }

    /** What an event means for whom, before contacts and templates. */
    record Notice(long seq, NotificationEvent event, String customerCode, String orderNumber, Map<String, String> values, String audience) {
    }

    List<Notice> notices(LoggedEvent e) {
        List<Notice> out = new ArrayList<>();
        Map<String, Object> p = log.payload(e);
        if (e.type().startsWith(SalesEvents.TOPIC_PREFIX)) {
            String type = str(p.get(SalesEvents.ORDER_TYPE));
            String action = str(p.get(SalesEvents.ACTION));
            String customer = str(p.get(SalesEvents.CUSTOMER_CODE));
            Map<String, String> v = new LinkedHashMap<>();
            v.put("orderNumber", e.key());
            v.put("stage", str(p.get(SalesEvents.TO_STATUS)));
            v.put("carrier", str(p.get(SalesEvents.CARRIER)));
            v.put("trackingNumber", str(p.get(SalesEvents.TRACKING_NUMBER)));
            v.put("reason", str(p.get(SalesEvents.COMMENT)));
            NotificationEvent event = null;
            if ("RETURN".equals(type)) {
                event = switch (action) {
                    case "SUBMIT" -> NotificationEvent.RETURN_SUBMITTED;
                    case "APPROVE" -> NotificationEvent.RETURN_APPROVED;
                    case "REJECT" -> NotificationEvent.RETURN_REJECTED;
                    case "RECEIVE" -> NotificationEvent.RETURN_RECEIVED;
                    case "TRACKING" -> NotificationEvent.TRACKING_RECORDED;
                    default -> null;
                };
                if ("SUBMIT".equals(action)) {
                    // Who may approve a return: the sales role (and administrators, who read every role's inbox).
                    out.add(new Notice(e.seq(), NotificationEvent.RETURN_AWAITING_APPROVAL, customer, e.key(), v, "role:" + Roles.SALES));
                }
            } else if ("ORDER".equals(type) && ("SHIP".equals(action) || "TRACKING".equals(action) && "SHIPPED".equals(v.get("stage")))) {
                // Shipped, with the courier when it was recorded before; a waybill recorded after the goods left tells it again.
                event = NotificationEvent.ORDER_SHIPPED;
            }
            if (event != null) {
                out.add(new Notice(e.seq(), event, customer, e.key(), v, null));
            }
        } else if (FinanceEvents.MONEY_REGISTERED.equals(e.type()) && "REFUND".equals(str(p.get(FinanceEvents.KIND)))
                && p.get(FinanceEvents.ORDER_NUMBER) != null) {
            SalesOrder order = order(str(p.get(FinanceEvents.ORDER_NUMBER)));
            if (order != null && "RETURN".equals(order.type().name())) {
                Map<String, String> v = new LinkedHashMap<>();
                v.put("orderNumber", order.number());
                v.put("stage", "REFUNDED");
                v.put("amount", str(p.get(FinanceEvents.AMOUNT)));
                v.put("currency", str(p.get(FinanceEvents.CURRENCY)));
                v.put("carrier", order.carrier());
                v.put("trackingNumber", order.trackingNumber());
                out.add(new Notice(e.seq(), NotificationEvent.REFUND_PAID, order.customerCode(), order.number(), v, null));
            }
        } else if (FinanceEvents.REMINDER_RAISED.equals(e.type())) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("orderNumber", str(p.get(FinanceEvents.DOCUMENTS)));
            v.put("amount", str(p.get(FinanceEvents.AMOUNT)));
            v.put("currency", str(p.get(FinanceEvents.CURRENCY)));
            v.put("dueDate", str(p.get(FinanceEvents.DUE_DATE)));
            String customer = str(p.get(FinanceEvents.CUSTOMER_CODE));
            out.add(new Notice(e.seq(), NotificationEvent.PAYMENT_OVERDUE, customer, null, v, null));
            out.add(new Notice(e.seq(), NotificationEvent.DEBT_OVERDUE, customer, null, v, "role:" + Roles.FINANCE));
        }
        return out;
    }

    private List<Planned> plan(Notice n, Map<String, String> tokens, Instant now, String staffLanguage) {
        Map<String, String> values = new LinkedHashMap<>(n.values());
        Customer customer = customer(n.customerCode());
        values.put("customerName", customer == null ? n.customerCode() : customer.name());
        boolean isReturn = n.orderNumber() != null && n.event() != NotificationEvent.ORDER_SHIPPED && n.event() != NotificationEvent.PAYMENT_OVERDUE
                && n.event() != NotificationEvent.DEBT_OVERDUE;
        if (isReturn) {
            // Made at once (outside the cursor's transaction): a token that outlives a failed batch is simply reused.
            String token = tokens.computeIfAbsent(n.orderNumber(), o -> store.token(o, n.customerCode()));
            values.put("link", store.link(token));
        }
        List<Planned> out = new ArrayList<>();
        if (n.audience() != null) {
            values.put("stage", Stages.name(values.get("stage"), staffLanguage));
            NotificationTemplate t = store.template(n.event(), NotificationChannel.INAPP, staffLanguage);
            out.add(new Planned(n.seq(), n.event(), NotificationChannel.INAPP, n.audience(), n.customerCode(), n.orderNumber(), staffLanguage,
                    Templates.render(t.subject(), values, false), Templates.render(t.body(), values, false), null, null, now));
            return out;
        }
        if (customer == null) {
            return out;
        }
        for (CustomerContact c : contacts(n.customerCode())) {
            Map<String, String> localized = new LinkedHashMap<>(values);
            localized.put("stage", Stages.name(values.get("stage"), c.language()));
            if (c.accepts(CustomerContact.EMAIL) && c.email() != null) {
                NotificationTemplate t = store.template(n.event(), NotificationChannel.EMAIL, c.language());
                out.add(new Planned(n.seq(), n.event(), NotificationChannel.EMAIL, c.email(), n.customerCode(), n.orderNumber(), c.language(),
                        Templates.render(t.subject(), localized, false), Templates.render(t.body(), localized, true), null, null, now));
            }
            if (c.accepts(CustomerContact.SMS) && c.mobile() != null) {
                NotificationTemplate t = store.template(n.event(), NotificationChannel.SMS, c.language());
                StringBuilder params = new StringBuilder();
                for (String name : Templates.placeholders(t.body())) {
                    if (params.length() > 0) {
                        params.append('&');
                    }
                    params.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(Templates.value(localized, name), StandardCharsets.UTF_8));
                }
                String text = Templates.render(t.body(), localized, false);
                out.add(new Planned(n.seq(), n.event(), NotificationChannel.SMS, c.mobile(), n.customerCode(), n.orderNumber(), c.language(),
                        t.subject(), text, t.subject(), params.toString(), now));
            }
        }
        return out;
    }

    private Customer customer(String code) {
        if (code == null) {
            return null;
        }
        try {
            return customers.findByCode(code).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("Cannot read customer {} for a notification; it gets none", code, e);
            return null;
        }
    }

    private List<CustomerContact> contacts(String code) {
        try {
            return customers.contacts(code);
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    private SalesOrder order(String number) {
        try {
            return orders.get(number);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
