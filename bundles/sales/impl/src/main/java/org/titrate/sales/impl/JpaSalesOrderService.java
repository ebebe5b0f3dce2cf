package org.titrate.sales.impl;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerService;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.DocumentNumbers;
import org.titrate.platform.api.Money;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.Texts;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.WarehouseCheck;
import org.titrate.platform.api.db.JpaPages;
import org.titrate.platform.api.events.Feeds;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.products.api.Product;
import org.titrate.products.api.ProductService;
import org.titrate.sales.api.CustomField;
import org.titrate.sales.api.DocumentWarning;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderLine;
import org.titrate.sales.api.OrderList;
import org.titrate.sales.api.OrderQuery;
import org.titrate.sales.api.OrderStatus;
import org.titrate.sales.api.OrderType;
import org.titrate.sales.api.PostingKind;
import org.titrate.sales.api.PostingLine;
import org.titrate.sales.api.ReturnChecks;
import org.titrate.sales.api.ReturnReason;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.SalesOrderService;
import org.titrate.sales.api.SalesPosting;
import org.titrate.sales.api.SalesPostingListener;
import org.titrate.sales.api.SalesSettlements;
import org.titrate.sales.api.SalesSetupService;
import org.titrate.sales.api.Settlement;
import org.titrate.sales.api.StatusChange;
import org.titrate.sales.api.Tracking;
import org.titrate.sales.impl.CustomFieldValues.Value;
import org.titrate.sales.impl.entity.OrderFieldEntity;
import org.titrate.sales.impl.entity.OrderHistoryEntity;
import org.titrate.sales.impl.entity.OrderLineEntity;
import org.titrate.sales.impl.entity.SalesOrderEntity;

/**
 * Sales and return orders in the {@code SAL_} tables. Every write is one JTA transaction: the
 * document, its history entry and — for shipments and return receipts — every posting listener's
 * bookings commit together. A document and its lines, history and field values are read with one
 * query each, for a single document or a whole page.
 */
@Component(service = {SalesOrderService.class, JpaSalesOrderService.class})
public class JpaSalesOrderService implements SalesOrderService {
    private static final Logger LOG = LoggerFactory.getLogger(JpaSalesOrderService.class);
    /** Order dates are the sales office's local dates. */
    /** States of documents that moved neither goods nor money. */
    private static final List<OrderStatus> VOID = List.of(OrderStatus.CANCELLED, OrderStatus.REJECTED);
    private static final Settlement UNSETTLED = new Settlement(Money.of(BigDecimal.ZERO), Money.of(BigDecimal.ZERO));

    @Reference(target = "(osgi.unit.name=titrate-sales)")
    private JpaTemplate jpa;

    @Reference
    private DocumentNumbers numbers;

    @Reference
    private CustomerService customers;

    @Reference
    private ProductService products;

    @Reference
    private org.titrate.customers.api.EmployeeService employees;

    /** Also runs the sales schema migrations, so it is active before this component touches a table. */
    @Reference
    private SalesSetupService setup;

    @Reference
    private OrderEvents events;

    @Reference
    private CreditLimits credit;

    /** Sorted by service ranking, lowest first (DS orders reference collections like ServiceReference.compareTo). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<SalesPostingListener> listeners;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SalesSettlements settlements;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ReturnChecks> returnChecks;

    /** Inventory's, when it is installed: a document names an existing, active warehouse. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile WarehouseCheck warehouseCheck;

    /** A document as validated, before it is written. */
    private record Draft(OrderType type, Customer customer, String warehouseCode, String sourceOrderNumber, String currency,
            LocalDate orderDate, String comment, List<OrderLine> lines, Map<String, Value> fields, String salesperson,
            String contractNumber) {
    }

    // ---- reading ----

    @Override
    public OrderList find(OrderQuery query) {
        Check check = new Check();
        StringBuilder from = new StringBuilder("SalesOrderEntity o");
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.type() != null) {
            where.add("o.type = :type");
            params.put("type", query.type());
        }
        if (query.status() != null) {
            where.add("o.status = :status");
            params.put("status", query.status());
        }
        if (query.customerCode() != null) {
            where.add("o.customerCode = :customer");
            params.put("customer", query.customerCode());
        }
        if (query.channel() != null) {
            where.add("o.channel = :channel");
            params.put("channel", query.channel());
        }
        if (query.currency() != null) {
            where.add("o.currency = :currency");
            params.put("currency", query.currency());
        }
        if (query.salesperson() != null) {
            where.add("o.salesperson = :salesperson");
            params.put("salesperson", query.salesperson());
        }
        if (query.contractNumber() != null) {
            where.add("o.contractNumber = :contract");
            params.put("contract", query.contractNumber());
        }
        if (query.from() != null) {
            where.add("o.orderDate >= :from");
            params.put("from", java.sql.Date.valueOf(query.from()));
        }
        if (query.to() != null) {
            where.add("o.orderDate <= :to");
            params.put("to", java.sql.Date.valueOf(query.to()));
        }
        if (query.q() != null && !query.q().isBlank()) {
            where.add("(LOWER(o.number) LIKE :q ESCAPE '!' OR LOWER(o.customerName) LIKE :q ESCAPE '!'"
                    + " OR LOWER(o.sourceOrderNumber) LIKE :q ESCAPE '!' OR LOWER(o.trackingNumber) LIKE :q ESCAPE '!')");
            params.put("q", Texts.containsPattern(query.q()));
        }
        if (query.customFields() != null && !query.customFields().isEmpty()) {
            Map<String, CustomField> defs = setup.fieldsOf(SalesSetupService.SALES_ORDER).stream()
                    .collect(Collectors.toMap(CustomField::key, f -> f));
            int i = 0;
            for (Map.Entry<String, String> cf : new TreeMap<>(query.customFields()).entrySet()) {
                String field = "cf." + cf.getKey();
                CustomField def = defs.get(cf.getKey());
                if (def == null) {
                    check.fail(field, "unknown custom field; defined: " + new TreeMap<>(defs).keySet());
                    continue;
                }
                String value = CustomFieldValues.canonical(check, field, def, cf.getValue());
                if (value != null) {
                    // A join, not a subquery: Derby then starts from the field index instead of probing it per order.
                    from.append(", OrderFieldEntity f").append(i);
                    where.add("f" + i + ".orderId = o.id AND f" + i + ".key = :cfk" + i + " AND f" + i + ".value = :cfv" + i);
                    params.put("cfk" + i, def.key());
                    params.put("cfv" + i, value);
                    i++;
                }
            }
        }
        check.throwIfInvalid();
        String condition = where.isEmpty() ? "" : " WHERE " + JpaPages.and(where);
        PageRequest page = query.page();
        OrderList list = jpa.txExpr(TransactionType.Supports, em -> {
            // Count and totals of the whole filtered list in one statement, per currency, then the page.
            // Cancelled orders and rejected returns are listed but never moved goods or money: they count for nothing.
            var totalsQuery = em.createQuery("SELECT o.currency, COUNT(o), "
                    + "SUM(CASE WHEN o.status IN :void THEN 0 ELSE o.shippedAmount END), "
                    + "SUM(CASE WHEN o.status IN :void THEN 0 ELSE o.returnedAmount END) FROM " + from + condition
                    + " GROUP BY o.currency ORDER BY o.currency", Object[].class);
            params.forEach(totalsQuery::setParameter);
            totalsQuery.setParameter("void", VOID);
            ListTotals sums = ListTotals.of(totalsQuery.getResultList(), query.currency());
            long total = sums.count();
            List<SalesOrder> items = List.of();
            if (total > page.offset()) {
                var itemsQuery = em.createQuery("SELECT o FROM " + from + condition
                        + " ORDER BY o.orderDate DESC, o.createdAt DESC, o.number DESC", SalesOrderEntity.class);
                params.forEach(itemsQuery::setParameter);
                items = assemble(em, itemsQuery.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList());
            }
            return new OrderList(items, total, page.offset(), page.limit(), sums.totals(), sums.byCurrency());
        });
        return new OrderList(warned(list.items()), list.total(), list.offset(), list.limit(), list.totals(), list.totalsByCurrency());
    }

    @Override
    public SalesOrder get(String idOrNumber) {
        return warnedOne(jpa.txExpr(TransactionType.Supports, em -> assemble(em, List.of(order(em, idOrNumber))).get(0)));
    }

    @Override
    public Page<StatusChange> history(String idOrNumber, PageRequest page) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            SalesOrderEntity o = order(em, idOrNumber);
            return JpaPages.page(em, OrderHistoryEntity.class, "OrderHistoryEntity", "h", "h.orderId = :order", "h.seq",
                    Map.of("order", o.id()), page).map(OrderHistoryEntity::toRecord);
        });
    }

    @Override
    public List<SalesOrder> changedSince(Instant since, int limit) {
        // A change is stamped before its transaction commits; the feed shows it once every transaction that could
        // still commit with an earlier stamp has ended, so a poller continuing from the last updatedAt misses nothing.
        return changed(since, limit, Timestamp.from(JpaSalesSetupService.now().minus(Feeds.SETTLING)));
    }

    @Override
    public List<SalesOrder> committedSince(Instant since, int limit) {
        return changed(since, limit, null);
    }

    /** Documents changed after {@code since}, up to {@code settled} if given. */
    private List<SalesOrder> changed(Instant since, int limit, Timestamp settled) {
        if (since == null) {
            throw new ValidationException("since", "is required: the instant after which changes are wanted");
        }
        return warned(jpa.txExpr(TransactionType.Supports, em -> {
            var query = em.createQuery("SELECT o FROM SalesOrderEntity o WHERE o.updatedAt > :since"
                    + (settled == null ? "" : " AND o.updatedAt <= :settled") + " ORDER BY o.updatedAt, o.id", SalesOrderEntity.class)
                    .setParameter("since", Timestamp.from(since));
            if (settled != null) {
                query.setParameter("settled", settled);
            }
            List<SalesOrderEntity> changed = new ArrayList<>(query.setMaxResults(limit).getResultList());
            if (changed.size() == limit) {
                // Never cut between documents changed in the same millisecond: the next poll starts after it.
                Timestamp last = Timestamp.from(changed.get(limit - 1).updatedAt());
                Set<String> seen = changed.stream().map(SalesOrderEntity::id).collect(Collectors.toSet());
                em.createQuery("SELECT o FROM SalesOrderEntity o WHERE o.updatedAt = :last ORDER BY o.id", SalesOrderEntity.class)
                        .setParameter("last", last).getResultList().stream().filter(o -> !seen.contains(o.id())).forEach(changed::add);
            }
            return assemble(em, changed);
        }));
    }

    // ---- writing ----

    @Override
    public SalesOrder create(SalesOrder input) {
        Draft d = validate(Check.body(input));
        return warnedOne(jpa.txExpr(TransactionType.Required, em -> {
            String user = CurrentUser.name();
            Instant now = JpaSalesSetupService.now();
            SalesOrderEntity e = insert(em, d, user, now);
            StatusChange change = record(em, e, 1, OrderAction.CREATE, null, user, now, d.comment());
            em.flush();
            SalesOrder created = e.toRecord(d.lines(), List.of(change), render(d.fields()), UNSETTLED);
            events.afterCommit(created, change);
            return created;
        }));
    }

    /** A new document from a validated draft: its number, header and lines written (its history is the caller's). */
    private SalesOrderEntity insert(EntityManager em, Draft d, String user, Instant now) {
        SalesOrderEntity e = SalesOrderEntity.create(numbers.next(d.type() == OrderType.ORDER ? "SO" : "RO"), d.type(), user, now);
        apply(e, d, BusinessClock.today());
        em.persist(e);
        writeLines(em, e, d);
        return e;
    }

    @Override
    public SalesOrder update(String idOrNumber, SalesOrder input) {
        SalesOrder o = Check.body(input);
        long version = Check.version(o.version());
        Draft d = validate(o);
        return warnedOne(jpa.txExpr(TransactionType.Required, em -> {
            SalesOrderEntity e = order(em, idOrNumber);
            if (d.type() != e.type()) {
                throw new ValidationException("type", "cannot be changed (it is " + e.type() + "); create a new document instead");
            }
            if (!OrderWorkflow.editable(e.status())) {
                throw new ConflictException("status", e.number() + " is " + e.status() + ": only drafts are changed in place; "
                        + "a posted document is corrected by a new one (a return, a cancellation)");
            }
            ConflictException.requireCurrentVersion("Sales document", e.number(), e.version(), version);
            String user = CurrentUser.name();
            Instant now = JpaSalesSetupService.now();
            List<StatusChange> history = loadHistory(em, List.of(e.id())).getOrDefault(e.id(), List.of());
            apply(e, d, e.orderDate());
            e.moveTo(OrderStatus.DRAFT, user, now);
            // Lines and values may change while the header stays the same: the version must move all the same,
            // and it is checked before the lines are touched.
            em.lock(e, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            em.flush();
            // SQL, not JPQL: OpenJPA writes a bulk JPQL delete as "WHERE ID IN (SELECT ... FROM the same table)", which
            // Derby may run as a table scan that waits on other drafts' rows (the crosswise deadlock seen on INV_ITEM).
            for (String table : List.of("SAL_ORDER_LINE", "SAL_ORDER_FIELD")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE ORDER_ID = ?").setParameter(1, e.id()).executeUpdate();
            }
            writeLines(em, e, d);
            StatusChange change = record(em, e, history.size() + 1, OrderAction.UPDATE, OrderStatus.DRAFT, user, now, d.comment());
            em.flush();
            SalesOrder updated = e.toRecord(d.lines(), append(history, change), render(d.fields()), settlement(e.number()));
            events.afterCommit(updated, change);
            return updated;
        }));
    }

    @Override
    public SalesOrder createReturn(String sourceIdOrNumber, String comment) {
        Check check = new Check();
        String note = check.text("comment", comment, 2000, false);
        check.throwIfInvalid();
        SalesOrder source = get(sourceIdOrNumber);
        OrderWorkflow.requireReturnable(source.number(), source.type(), source.status());
        Set<String> active = setup.fieldsOf(SalesSetupService.SALES_ORDER).stream().filter(f -> Boolean.TRUE.equals(f.active()))
                .map(CustomField::key).collect(Collectors.toSet());
        Map<String, Object> fields = new LinkedHashMap<>(source.customFields());
        fields.keySet().retainAll(active);
        SalesOrder draft = new SalesOrder(null, null, OrderType.RETURN, null, source.customerCode(), null, null, source.warehouseCode(),
                source.number(), source.currency(), null, note != null ? note : "Return of " + source.number(), fields,
                OrderRules.returnLinesOf(source.lines()), null, null, null, null, null, null, null, null, null, null, null, null, null,
                List.of(), source.salesperson(), null);
        return create(draft);
    }

    @Override
    public SalesOrder act(String idOrNumber, OrderAction action, String comment, Long version) {
        return act(idOrNumber, action, comment, version, false);
    }

    @Override
    public SalesOrder confirm(String idOrNumber, String comment, Long version, boolean overrideCreditLimit) {
        return act(idOrNumber, OrderAction.CONFIRM, comment, version, overrideCreditLimit);
    }

    private SalesOrder act(String idOrNumber, OrderAction action, String comment, Long version, boolean overrideCreditLimit) {
        if (action == null || action == OrderAction.CREATE || action == OrderAction.UPDATE || action == OrderAction.TRACKING) {
            throw new ValidationException("action", "must be one of CONFIRM, SHIP, CANCEL, SUBMIT, APPROVE, REJECT, RECEIVE, CLOSE");
        }
        Check check = new Check();
        String note = check.text(action == OrderAction.REJECT || overrideCreditLimit ? "reason" : "comment", comment, 2000, false);
        check.throwIfInvalid();
        if (action == OrderAction.REJECT && note == null) {
            throw new ValidationException("reason", "is required to reject a return: the customer is told why");
        }
        if (overrideCreditLimit && note == null) {
            throw new ValidationException("reason", "is required to override the credit check: the history keeps why");
        }
        // The credit check needs the customer's limit, read before the transaction (customers' own unit never joins it).
        Customer customer = action == OrderAction.CONFIRM ? customerOf(idOrNumber) : null;
        return warnedOne(jpa.txExpr(TransactionType.Required, em -> {
            SalesOrderEntity e = order(em, idOrNumber);
            if (version != null) {
                ConflictException.requireCurrentVersion("Sales document", e.number(), e.version(), version);
            }
            String history = note;
            if (action == OrderAction.CONFIRM && e.type() == OrderType.ORDER && e.status() == OrderStatus.DRAFT) {
                // Before the order's row is written: the credit lock is always taken before any order row.
                String overridden = credit.check(em, customer, e.id(), e.currency(), e.totalAmount(), overrideCreditLimit);
                history = overridden == null ? note : note + " — " + overridden;
            }
            if (action == OrderAction.CONFIRM && e.contractNumber() != null) {
                // The contract may have expired or been terminated since the draft was written.
                Check usable = new Check();
                JpaContractService.usable(em, usable, e.contractNumber(), e.customerCode(), e.currency(), BusinessClock.today());
                usable.throwIfInvalid();
            }
            List<OrderLine> lines = loadLines(em, List.of(e.id())).getOrDefault(e.id(), List.of());
            List<StatusChange> before = loadHistory(em, List.of(e.id())).getOrDefault(e.id(), List.of());
            StatusChange change = perform(em, e, action, lines, before.size() + 1, history, CurrentUser.name(), JpaSalesSetupService.now());
            return announce(em, e, lines, before, change);
        }));
    }

    /** The customer of a document, as customers has it now; null when the document or the customer is unknown. */
    private Customer customerOf(String idOrNumber) {
        String code = jpa.txExpr(TransactionType.Supports, em -> JpaPages.byKeyOrId(em, SalesOrderEntity.class, "number", idOrNumber)
                .map(SalesOrderEntity::customerCode).orElse(null));
        return code == null ? null : customers.findByCode(code).orElse(null);
    }

    /**
     * Moves {@code e} by {@code action} in the caller's transaction: the new state (its version checked at the flush),
     * the history entry number {@code seq} and, for shipments and return receipts, every listener's bookings.
     */
    private StatusChange perform(EntityManager em, SalesOrderEntity e, OrderAction action, List<OrderLine> lines, int seq, String note,
            String user, Instant now) {
        OrderStatus from = e.status();
        OrderStatus to = OrderWorkflow.next(e.type(), from, action);
        if (action == OrderAction.SUBMIT) {
            OrderRules.requireReasons(lines);
        }
        e.moveTo(to, user, now);
        // The version check, before anything else is written: of two clients acting at once, only one gets
        // past this line; the other waits for its row lock and then finds the version moved (409).
        em.flush();
        StatusChange change = record(em, e, seq, action, from, user, now, note);
        if (action == OrderAction.SHIP || action == OrderAction.RECEIVE) {
            post(e, action == OrderAction.SHIP ? PostingKind.SHIPMENT : PostingKind.RETURN_RECEIPT, lines, user, now);
        }
        return change;
    }

    /** What a one-step document does in its transaction once it is posted; throwing undoes it all. */
    interface Posted<T> {
        T apply(EntityManager em, SalesOrder document);
    }

    /**
     * Creates a document and moves it through {@code actions} in one transaction: {@code first} (optional) runs before
     * anything is written (locks that must come before the document's row), {@code then} after the last action. With
     * {@code checkCredit}, a confirm among the actions checks the customer's credit limit without override (a sale on
     * account; a sale paid on the spot owes nothing). The counter sales' one step.
     */
    <T> T createAndPerform(SalesOrder input, List<OrderAction> actions, String note, boolean checkCredit, Posted<Void> first, Posted<T> then) {
        Draft d = validate(Check.body(input));
        return jpa.txExpr(TransactionType.Required, em -> {
            String user = CurrentUser.name();
            Instant now = JpaSalesSetupService.now();
            if (first != null) {
                first.apply(em, null);
            }
            if (checkCredit && actions.contains(OrderAction.CONFIRM)) {
                credit.check(em, d.customer(), null, d.currency(), OrderRules.shipped(d.lines()).add(OrderRules.returned(d.lines())), false);
            }
            SalesOrderEntity e = insert(em, d, user, now);
            List<StatusChange> history = new ArrayList<>();
            history.add(record(em, e, 1, OrderAction.CREATE, null, user, now, d.comment()));
            for (OrderAction action : actions) {
                history.add(perform(em, e, action, d.lines(), history.size() + 1, note, user, now));
            }
            em.flush();
            SalesOrder done = e.toRecord(d.lines(), history, render(d.fields()), UNSETTLED);
            history.forEach(change -> events.afterCommit(done, change));
            return then.apply(em, done);
        });
    }

    @Override
    public SalesOrder track(String idOrNumber, Tracking tracking) {
        Tracking t = Check.body(tracking);
        Check check = new Check();
        String carrier = check.text("carrier", t.carrier(), 100, true);
        String number = check.text("trackingNumber", t.trackingNumber(), 100, true);
        check.throwIfInvalid();
        return warnedOne(jpa.txExpr(TransactionType.Required, em -> {
            SalesOrderEntity e = order(em, idOrNumber);
            if (!OrderWorkflow.trackable(e.type(), e.status())) {
                throw new ConflictException("status", e.type() == OrderType.ORDER
                        ? e.number() + " is " + e.status() + ": an order's shipment is tracked once it is confirmed, until it is closed"
                        : e.number() + " is " + e.status() + ": the return shipment can be tracked until the goods are received");
            }
            List<OrderLine> lines = loadLines(em, List.of(e.id())).getOrDefault(e.id(), List.of());
            List<StatusChange> history = loadHistory(em, List.of(e.id())).getOrDefault(e.id(), List.of());
            String user = CurrentUser.name();
            Instant now = JpaSalesSetupService.now();
            e.track(carrier, number, user, now);
            em.flush();
            StatusChange change = record(em, e, history.size() + 1, OrderAction.TRACKING, e.status(), user, now, carrier + " " + number);
            return announce(em, e, lines, history, change);
        }));
    }

    // ---- helpers ----

    private SalesOrder warnedOne(SalesOrder document) {
        return warned(List.of(document)).get(0);
    }

    /**
     * The documents with what the registered return checks found. Runs after the document's transaction: a
     * check that fails must never undo a sales action, and it can only cost the warnings.
     */
    private List<SalesOrder> warned(List<SalesOrder> documents) {
        List<ReturnChecks> checks = returnChecks;
        List<SalesOrder> returns = documents.stream().filter(o -> o.type() == OrderType.RETURN).toList();
        if (checks == null || checks.isEmpty() || returns.isEmpty()) {
            return documents;
        }
        Map<String, List<DocumentWarning>> found = new HashMap<>();
        for (ReturnChecks check : checks) {
            try {
                check.check(returns).forEach((id, w) -> found.computeIfAbsent(id, k -> new ArrayList<>()).addAll(w));
            } catch (RuntimeException e) {
                LOG.warn("Return check {} failed; documents are shown without its warnings", check.getClass().getName(), e);
            }
        }
        return found.isEmpty() ? documents
                : documents.stream().map(o -> found.containsKey(o.id()) ? o.withWarnings(found.get(o.id())) : o).toList();
    }

    private Draft validate(SalesOrder o) {
        Check check = new Check();
        OrderType type = check.required("type", o.type());
        String customerCode = check.code("customerCode", o.customerCode(), true);
        String warehouseCode = check.code("warehouseCode", o.warehouseCode(), false);
        WarehouseCheck.validate(warehouseCheck, check, "warehouseCode", warehouseCode);
        String source = check.text("sourceOrderNumber", o.sourceOrderNumber(), 40, false);
        if (type == OrderType.ORDER && source != null) {
            check.fail("sourceOrderNumber", "only returns refer to a source order");
        }
        String currency = check.currency("currency", o.currency());
        String comment = check.text("comment", o.comment(), 2000, false);
        // Null keeps a draft's date on update; a new document gets today's.
        LocalDate orderDate = o.orderDate();
        Customer customer = null;
        if (customerCode != null) {
            customer = customers.findByCode(customerCode).orElse(null);
            if (customer == null) {
                check.fail("customerCode", "unknown customer '" + customerCode + "'");
            } else if (!customer.canOrder()) {
                check.fail("customerCode", "customer '" + customerCode + "' is inactive");
            }
        }
        List<OrderLine> given = o.lines() == null ? List.of() : o.lines();
        Map<String, Product> found = products.findBySkus(given.stream()
                .filter(l -> l != null && l.sku() != null).map(l -> l.sku().strip()).collect(Collectors.toSet()));
        Set<String> reasons = setup.activeReturnReasons().stream().map(ReturnReason::code).collect(Collectors.toSet());
        String salesperson = SalesPeople.salesperson(check, employees, o.salesperson(), customer, type == OrderType.ORDER);
        String contractNumber = check.code("contractNumber", o.contractNumber(), false);
        Map<String, java.math.BigDecimal> agreed = Map.of();
        if (contractNumber != null && type == OrderType.RETURN) {
            check.fail("contractNumber", "only orders are made under a contract");
        } else if (contractNumber != null && customer != null) {
            LocalDate day = orderDate != null ? orderDate : BusinessClock.today();
            agreed = jpa.txExpr(TransactionType.Supports, em -> JpaContractService.pricesForOrder(em, check, contractNumber,
                    customerCode, currency, day));
        }
        List<OrderLine> lines = OrderRules.lines(check, type, currency, ContractRules.withContractPrices(o.lines(), agreed), found,
                reasons);
        Map<String, Value> fields = CustomFieldValues.validate(check, o.customFields(), setup.fieldsOf(SalesSetupService.SALES_ORDER));
        check.throwIfInvalid();
        return new Draft(type, customer, warehouseCode, source, currency, orderDate, comment, lines, fields, salesperson, contractNumber);
    }

    private static void apply(SalesOrderEntity e, Draft d, LocalDate dateIfNone) {
        e.apply(d.customer().code(), d.customer().name(), d.customer().channel().name(), d.warehouseCode(), d.sourceOrderNumber(),
                d.currency(), d.orderDate() != null ? d.orderDate() : dateIfNone, d.comment(), OrderRules.shipped(d.lines()),
                OrderRules.returned(d.lines()));
        e.assign(d.salesperson(), d.contractNumber());
    }

    private static void writeLines(EntityManager em, SalesOrderEntity e, Draft d) {
        for (OrderLine l : d.lines()) {
            em.persist(OrderLineEntity.of(e.id(), l));
        }
        d.fields().forEach((key, v) -> em.persist(OrderFieldEntity.of(e.id(), key, v.type(), v.text())));
    }

    private static StatusChange record(EntityManager em, SalesOrderEntity e, int seq, OrderAction action, OrderStatus from, String user,
            Instant now, String comment) {
        OrderHistoryEntity h = OrderHistoryEntity.of(e.id(), seq, action, from, e.status(), user, now, comment);
        em.persist(h);
        return h.toRecord();
    }

    /** Hands a shipment or return receipt to every listener, inside the caller's transaction; one refusal undoes it all. */
    private void post(SalesOrderEntity e, PostingKind kind, List<OrderLine> lines, String user, Instant now) {
        List<SalesPostingListener> current = listeners;
        if (current == null || current.isEmpty()) {
            return;
        }
        SalesPosting posting = new SalesPosting(kind, e.id(), e.number(), e.type(), e.sourceOrderNumber(), e.customerCode(), e.channel(),
                e.warehouseCode(), e.currency(), e.orderDate(), e.totalAmount(),
                lines.stream().map(l -> new PostingLine(l.lineNo(), l.sku(), l.direction(), l.quantity(), l.unitPrice(), l.amount(),
                        l.lot(), l.reasonCode())).toList(), now, user);
        List<SalesPostingListener> ordered = new ArrayList<>(current);
        Collections.reverse(ordered);
        for (SalesPostingListener listener : ordered) {
            listener.posted(posting);
        }
    }

    private List<SalesOrder> assemble(EntityManager em, List<SalesOrderEntity> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        List<String> ids = orders.stream().map(SalesOrderEntity::id).toList();
        Map<String, List<OrderLine>> lines = loadLines(em, ids);
        Map<String, List<StatusChange>> history = loadHistory(em, ids);
        Map<String, Map<String, Object>> fields = loadFields(em, ids);
        Map<String, Settlement> settled = settlementsOf(orders.stream().map(SalesOrderEntity::number).toList());
        return orders.stream().map(o -> o.toRecord(lines.getOrDefault(o.id(), List.of()), history.getOrDefault(o.id(), List.of()),
                fields.getOrDefault(o.id(), Map.of()), settled.getOrDefault(o.number(), UNSETTLED))).toList();
    }

    private static Map<String, List<OrderLine>> loadLines(EntityManager em, List<String> ids) {
        Map<String, List<OrderLine>> result = new HashMap<>();
        em.createQuery("SELECT l FROM OrderLineEntity l WHERE l.orderId IN :ids ORDER BY l.orderId, l.lineNo", OrderLineEntity.class)
                .setParameter("ids", ids).getResultList()
                .forEach(l -> result.computeIfAbsent(l.orderId(), k -> new ArrayList<>()).add(l.toRecord()));
        return result;
    }

    private static Map<String, List<StatusChange>> loadHistory(EntityManager em, List<String> ids) {
        Map<String, List<StatusChange>> result = new HashMap<>();
        em.createQuery("SELECT h FROM OrderHistoryEntity h WHERE h.orderId IN :ids ORDER BY h.orderId, h.seq", OrderHistoryEntity.class)
                .setParameter("ids", ids).getResultList()
                .forEach(h -> result.computeIfAbsent(h.orderId(), k -> new ArrayList<>()).add(h.toRecord()));
        return result;
    }

    private Map<String, Map<String, Object>> loadFields(EntityManager em, List<String> ids) {
        Map<String, Map<String, Object>> result = new HashMap<>();
        if (setup.fieldsOf(SalesSetupService.SALES_ORDER).isEmpty()) {
            return result; // nothing can be stored while no field is defined: spare the query
        }
        em.createQuery("SELECT f FROM OrderFieldEntity f WHERE f.orderId IN :ids ORDER BY f.orderId, f.key", OrderFieldEntity.class)
                .setParameter("ids", ids).getResultList()
                .forEach(f -> result.computeIfAbsent(f.orderId(), k -> new LinkedHashMap<>())
                        .put(f.key(), CustomFieldValues.render(f.type(), f.value())));
        return result;
    }

    private static Map<String, Object> render(Map<String, Value> fields) {
        Map<String, Object> result = new LinkedHashMap<>();
        fields.forEach((k, v) -> result.put(k, CustomFieldValues.render(v.type(), v.text())));
        return result;
    }

    private Settlement settlement(String number) {
        return settlementsOf(List.of(number)).getOrDefault(number, UNSETTLED);
    }

    private Map<String, Settlement> settlementsOf(List<String> orderNumbers) {
        SalesSettlements finance = settlements;
        return finance == null ? Map.of() : finance.settlements(orderNumbers);
    }

    /** The document as it stands after {@code change}; its event is posted once the transaction commits. */
    private SalesOrder announce(EntityManager em, SalesOrderEntity e, List<OrderLine> lines, List<StatusChange> history,
            StatusChange change) {
        Map<String, Object> fields = loadFields(em, List.of(e.id())).getOrDefault(e.id(), Map.of());
        SalesOrder result = e.toRecord(lines, append(history, change), fields, settlement(e.number()));
        events.afterCommit(result, change);
        return result;
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> result = new ArrayList<>(list);
        result.add(item);
        return result;
    }

    private static SalesOrderEntity order(EntityManager em, String idOrNumber) {
        return JpaPages.byKeyOrId(em, SalesOrderEntity.class, "number", idOrNumber)
                .orElseThrow(() -> new NotFoundException("Sales document", idOrNumber));
    }
}
