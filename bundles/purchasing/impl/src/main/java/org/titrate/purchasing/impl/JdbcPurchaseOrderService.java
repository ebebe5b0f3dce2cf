package org.titrate.purchasing.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.DocumentNumbers;
import org.titrate.platform.api.Money;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.WarehouseCheck;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.events.Feeds;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.products.api.Product;
import org.titrate.products.api.ProductService;
import org.titrate.purchasing.api.PurchaseAction;
import org.titrate.purchasing.api.PurchaseChange;
import org.titrate.purchasing.api.PurchaseCurrencyTotals;
import org.titrate.purchasing.api.PurchaseDirection;
import org.titrate.purchasing.api.PurchaseLine;
import org.titrate.purchasing.api.PurchaseList;
import org.titrate.purchasing.api.PurchaseOrder;
import org.titrate.purchasing.api.PurchaseOrderService;
import org.titrate.purchasing.api.PurchasePosting;
import org.titrate.purchasing.api.PurchasePostingKind;
import org.titrate.purchasing.api.PurchasePostingLine;
import org.titrate.purchasing.api.PurchasePostingListener;
import org.titrate.purchasing.api.PurchaseQuery;
import org.titrate.purchasing.api.PurchaseSettlements;
import org.titrate.purchasing.api.PurchaseStatus;
import org.titrate.purchasing.api.PurchaseType;
import org.titrate.purchasing.api.PurchasingEvents;
import org.titrate.purchasing.api.ReceivedLot;
import org.titrate.purchasing.api.Supplier;
import org.titrate.purchasing.api.SupplierService;

/**
 * Purchase orders and returns, in the signed-line model of sales. Receiving an order and shipping a
 * return call every {@link PurchasePostingListener} (inventory, finance) in the action's JTA
 * transaction; their bookings use JDBC on that transaction's connection, and so does purchasing
 * itself, so one connection carries the whole posting.
 */
@Component(service = PurchaseOrderService.class)
public class JdbcPurchaseOrderService implements PurchaseOrderService {
    private static final int MAX_LINES = 500;
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("9999999999");
    private static final String ORDER_COLUMNS = "o.ID, o.NUMBER, o.TYPE, o.STATUS, o.SUPPLIER_CODE, o.SUPPLIER_NAME, o.WAREHOUSE_CODE,"
            + " o.SOURCE_ORDER_NUMBER, o.SUPPLIER_REFERENCE, o.CURRENCY, o.ORDER_DATE, o.COMMENT_TEXT, o.RECEIVED_AMOUNT, o.RETURNED_AMOUNT,"
            + " o.TOTAL_AMOUNT, o.VERSION, o.CREATED_AT, o.CREATED_BY, o.UPDATED_AT, o.UPDATED_BY";

    @Reference
    private EventLog events;

    @Reference
    private SupplierService suppliers;

    @Reference
    private ProductService products;

    @Reference
    private DocumentNumbers numbers;

    @Reference
    private TransactionManager transactions;

    @Reference(target = "(titrate.schema=purchasing)")
    private DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<PurchasePostingListener> listeners;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile PurchaseSettlements settlements;

    /** Inventory's, when it is installed: a document names an existing, active warehouse. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile WarehouseCheck warehouseCheck;

    // ---- reading ----

    @Override
    public PurchaseList find(PurchaseQuery query) {
        Sql filter = new Sql().and("o.TYPE = ?", query.type()).and("o.STATUS = ?", query.status())
                .and("o.SUPPLIER_CODE = ?", query.supplierCode()).and("o.ORDER_DATE >= ?", query.from()).and("o.ORDER_DATE <= ?", query.to());
        if (query.q() != null && !query.q().isBlank()) {
            String like = "%" + query.q().strip().toLowerCase(Locale.ROOT) + "%";
            filter.and("(LOWER(o.NUMBER) LIKE ? OR LOWER(o.SUPPLIER_NAME) LIKE ? OR LOWER(o.SUPPLIER_REFERENCE) LIKE ?)", like, like, like);
        }
        var page = filter.page(dataSource, "SELECT " + ORDER_COLUMNS, "FROM PUR_ORDER o", "o.ORDER_DATE DESC, o.CREATED_AT DESC, o.NUMBER DESC",
                query.page(), JdbcPurchaseOrderService::header, "purchase orders");
        try (Connection c = dataSource.getConnection()) {
            // Cancelled documents never moved goods or money: they count for nothing. One row per currency.
            List<PurchaseCurrencyTotals> byCurrency = Sql.list(c, "SELECT o.CURRENCY,"
                    + " SUM(CASE WHEN o.STATUS = 'CANCELLED' THEN 0 ELSE o.RECEIVED_AMOUNT END),"
                    + " SUM(CASE WHEN o.STATUS = 'CANCELLED' THEN 0 ELSE o.RETURNED_AMOUNT END)"
                    + " FROM PUR_ORDER o" + filter.where() + " GROUP BY o.CURRENCY ORDER BY o.CURRENCY", filter.params(), rs -> {
                        BigDecimal received = Money.of(rs.getBigDecimal(2));
                        BigDecimal returned = Money.of(rs.getBigDecimal(3));
                        return new PurchaseCurrencyTotals(rs.getString(1), received, returned, received.add(returned));
                    });
            BigDecimal zero = Money.of(BigDecimal.ZERO);
            PurchaseCurrencyTotals one = byCurrency.isEmpty() ? new PurchaseCurrencyTotals(Money.DEFAULT_CURRENCY, zero, zero, zero)
                    : byCurrency.size() == 1 ? byCurrency.get(0) : new PurchaseCurrencyTotals(null, null, null, null);
            return new PurchaseList(assemble(c, page.items()), page.total(), page.offset(), page.limit(), one.receivedAmount(),
                    one.returnedAmount(), one.netAmount(), one.currency(), byCurrency);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot list purchase orders", e);
        }
    }

    @Override
    public PurchaseOrder get(String idOrNumber) {
        try (Connection c = dataSource.getConnection()) {
            return assemble(c, List.of(header(c, idOrNumber))).get(0);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read " + idOrNumber, e);
        }
    }

    @Override
    public List<PurchaseOrder> changedSince(Instant since, int limit) {
        return changed(since, limit, BusinessClock.now().minus(Feeds.SETTLING));
    }

    @Override
    public List<PurchaseOrder> committedSince(Instant since, int limit) {
        return changed(since, limit, null);
    }

    /** Documents changed after {@code since}, up to {@code settled} if given. */
    private List<PurchaseOrder> changed(Instant since, int limit, Instant settled) {
        if (since == null) {
            throw new ValidationException("since", "is required: the instant after which changes are wanted");
        }
        try (Connection c = dataSource.getConnection()) {
            List<PurchaseOrder> changed = new ArrayList<>(Sql.list(c, "SELECT " + ORDER_COLUMNS + " FROM PUR_ORDER o WHERE o.UPDATED_AT > ?"
                    + (settled == null ? "" : " AND o.UPDATED_AT <= ?") + " ORDER BY o.UPDATED_AT, o.ID FETCH FIRST " + limit + " ROWS ONLY",
                    settled == null ? List.of(since) : List.of(since, settled), JdbcPurchaseOrderService::header));
            if (changed.size() == limit) {
                Instant last = changed.get(limit - 1).updatedAt();
                Set<String> seen = changed.stream().map(PurchaseOrder::id).collect(Collectors.toSet());
                Sql.list(c, "SELECT " + ORDER_COLUMNS + " FROM PUR_ORDER o WHERE o.UPDATED_AT = ? ORDER BY o.ID", List.of(last),
                        JdbcPurchaseOrderService::header).stream().filter(o -> !seen.contains(o.id())).forEach(changed::add);
            }
            return assemble(c, changed);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot list changed purchase orders", e);
        }
    }

    private static PurchaseOrder header(Connection c, String idOrNumber) throws SQLException {
        return Sql.list(c, "SELECT " + ORDER_COLUMNS + " FROM PUR_ORDER o WHERE o.NUMBER = ? OR o.ID = ?", List.of(idOrNumber, idOrNumber),
                JdbcPurchaseOrderService::header).stream().findFirst().orElseThrow(() -> new NotFoundException("Purchase order", idOrNumber));
    }

    private static PurchaseOrder header(ResultSet rs) throws SQLException {
        return new PurchaseOrder(rs.getString(1), rs.getString(2), PurchaseType.valueOf(rs.getString(3)), PurchaseStatus.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), Sql.date(rs, 11),
                rs.getString(12), null, rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getBigDecimal(15), null, null, null, rs.getLong(16),
                Sql.instant(rs, 17), rs.getString(18), Sql.instant(rs, 19), rs.getString(20));
    }

    /** Headers with their lines, history and settlement, three statements for the whole page. */
    private List<PurchaseOrder> assemble(Connection c, List<PurchaseOrder> headers) throws SQLException {
        if (headers.isEmpty()) {
            return headers;
        }
        List<Object> ids = new ArrayList<>(headers.stream().map(PurchaseOrder::id).toList());
        Map<String, List<PurchaseLine>> lines = new HashMap<>();
        Sql.list(c, "SELECT ORDER_ID, LINE_NO, SKU, PRODUCT_NAME, UNIT, DIRECTION, QUANTITY, UNIT_PRICE, AMOUNT, LOT, EXPIRY_DATE, DELIVERY_DATE"
                + " FROM PUR_ORDER_LINE WHERE ORDER_ID IN (" + Sql.marks(ids.size()) + ") ORDER BY ORDER_ID, LINE_NO", ids,
                rs -> lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PurchaseLine(rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), PurchaseDirection.valueOf(rs.getString(6)), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), rs.getString(10), Sql.date(rs, 11), Sql.date(rs, 12))));
        Map<String, List<PurchaseChange>> history = new HashMap<>();
        Sql.list(c, "SELECT ORDER_ID, ACTION, FROM_STATUS, TO_STATUS, CHANGED_AT, CHANGED_BY, COMMENT_TEXT FROM PUR_ORDER_HISTORY"
                + " WHERE ORDER_ID IN (" + Sql.marks(ids.size()) + ") ORDER BY ORDER_ID, SEQ", ids,
                rs -> history.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PurchaseChange(
                        PurchaseAction.valueOf(rs.getString(2)), rs.getString(3) == null ? null : PurchaseStatus.valueOf(rs.getString(3)),
                        PurchaseStatus.valueOf(rs.getString(4)), Sql.instant(rs, 5), rs.getString(6), rs.getString(7))));
        PurchaseSettlements finance = settlements;
        Map<String, PurchaseSettlements.Settlement> settled = finance == null ? Map.of()
                : finance.purchaseSettlements(headers.stream().map(PurchaseOrder::number).toList());
        BigDecimal zero = Money.of(BigDecimal.ZERO);
        return headers.stream().map(h -> {
            PurchaseSettlements.Settlement s = settled.get(h.number());
            return new PurchaseOrder(h.id(), h.number(), h.type(), h.status(), h.supplierCode(), h.supplierName(), h.warehouseCode(),
                    h.sourceOrderNumber(), h.supplierReference(), h.currency(), h.orderDate(), h.comment(), lines.getOrDefault(h.id(), List.of()),
                    h.receivedAmount(), h.returnedAmount(), h.totalAmount(), s == null ? zero : s.paidAmount(),
                    s == null ? zero : s.outstandingAmount(), history.getOrDefault(h.id(), List.of()), h.version(), h.createdAt(),
                    h.createdBy(), h.updatedAt(), h.updatedBy());
        }).toList();
    }

    // ---- writing ----

    /** A validated document: header fields and lines with their products. */
    private record Draft(PurchaseType type, Supplier supplier, String warehouseCode, String sourceOrderNumber, String supplierReference,
            String currency, String comment, List<PurchaseLine> lines) {
    }

    @Override
    public PurchaseOrder create(PurchaseOrder body) {
        Draft d = validate(Check.body(body));
        String user = CurrentUser.name();
        String id = UUID.randomUUID().toString();
        return Transactions.required(transactions, () -> {
            String number = numbers.next(d.type() == PurchaseType.ORDER ? "PO" : "PN");
            Instant now = BusinessClock.now();
            try (Connection c = dataSource.getConnection()) {
                BigDecimal[] sums = sums(d.lines());
                Sql.update(c, "INSERT INTO PUR_ORDER (ID, NUMBER, TYPE, STATUS, SUPPLIER_CODE, SUPPLIER_NAME, WAREHOUSE_CODE, SOURCE_ORDER_NUMBER,"
                        + " SUPPLIER_REFERENCE, CURRENCY, ORDER_DATE, COMMENT_TEXT, RECEIVED_AMOUNT, RETURNED_AMOUNT, TOTAL_AMOUNT, VERSION,"
                        + " CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id, number, d.type(), PurchaseStatus.DRAFT, d.supplier().code(), d.supplier().name(), d.warehouseCode(),
                        d.sourceOrderNumber(), d.supplierReference(), d.currency(), BusinessClock.today(), d.comment(), sums[0], sums[1],
                        sums[0].add(sums[1]), 1L, now, user, now, user);
                insertLines(c, id, d.lines());
                history(c, id, 1, PurchaseAction.CREATE, null, PurchaseStatus.DRAFT, now, user, d.comment());
                return announce(assemble(c, List.of(header(c, id))).get(0));
            } catch (SQLException e) {
                throw Transactions.failure("Cannot store the purchase order", e);
            }
        });
    }

    @Override
    public PurchaseOrder update(String idOrNumber, PurchaseOrder body) {
        Check.body(body);
        long version = Check.version(body.version());
        Draft d = validate(body);
        String user = CurrentUser.name();
        return Transactions.required(transactions, () -> {
            try (Connection c = dataSource.getConnection()) {
                PurchaseOrder current = header(c, idOrNumber);
                if (current.status() != PurchaseStatus.DRAFT) {
                    throw new ConflictException("status", current.number() + " is " + current.status()
                            + ": only drafts are edited; correct a confirmed document by cancelling it or with a return");
                }
                if (d.type() != current.type()) {
                    throw new ValidationException("type", "is " + current.type() + " and cannot change");
                }
                Instant now = BusinessClock.now();
                BigDecimal[] sums = sums(d.lines());
                int changed = Sql.update(c, "UPDATE PUR_ORDER SET SUPPLIER_CODE = ?, SUPPLIER_NAME = ?, WAREHOUSE_CODE = ?,"
                        + " SOURCE_ORDER_NUMBER = ?, SUPPLIER_REFERENCE = ?, CURRENCY = ?, COMMENT_TEXT = ?, RECEIVED_AMOUNT = ?,"
                        + " RETURNED_AMOUNT = ?, TOTAL_AMOUNT = ?, VERSION = VERSION + 1, UPDATED_AT = ?, UPDATED_BY = ?"
                        + " WHERE ID = ? AND VERSION = ?", d.supplier().code(), d.supplier().name(), d.warehouseCode(), d.sourceOrderNumber(),
                        d.supplierReference(), d.currency(), d.comment(), sums[0], sums[1], sums[0].add(sums[1]), now, user, current.id(), version);
                if (changed == 0) {
                    throw stale(current);
                }
                Sql.update(c, "DELETE FROM PUR_ORDER_LINE WHERE ORDER_ID = ?", current.id());
                insertLines(c, current.id(), d.lines());
                history(c, current.id(), historySize(c, current.id()) + 1, PurchaseAction.UPDATE, PurchaseStatus.DRAFT, PurchaseStatus.DRAFT,
                        now, user, null);
                return announce(assemble(c, List.of(header(c, current.id()))).get(0));
            } catch (SQLException e) {
                throw Transactions.failure("Cannot store " + idOrNumber, e);
            }
        });
    }

    @Override
    public PurchaseOrder createReturn(String sourceIdOrNumber, String comment) {
        PurchaseOrder source = get(sourceIdOrNumber);
        if (source.type() != PurchaseType.ORDER || (source.status() != PurchaseStatus.RECEIVED && source.status() != PurchaseStatus.CLOSED)) {
            throw new ConflictException(null, source.number() + " is a " + source.type() + " that is " + source.status()
                    + ": goods go back to the supplier only from a received order");
        }
        List<PurchaseLine> lines = source.lines().stream().map(l -> new PurchaseLine(null, l.sku(), null, null, PurchaseDirection.RETURN,
                l.quantity().negate(), l.unitPrice(), null, l.lot(), null, null)).toList();
        return create(new PurchaseOrder(null, null, PurchaseType.RETURN, null, source.supplierCode(), null, source.warehouseCode(),
                source.number(), null, source.currency(), null, comment, lines, null, null, null, null, null, null, null, null, null, null,
                null));
    }

    @Override
    public PurchaseOrder act(String idOrNumber, PurchaseAction action, String comment, Long version, List<ReceivedLot> lots) {
        Check check = new Check();
        String note = check.text("comment", comment, 1000, false);
        check.throwIfInvalid();
        if (action == PurchaseAction.CREATE || action == PurchaseAction.UPDATE) {
            throw new ValidationException("action", action + " is not an action on a document");
        }
        String user = CurrentUser.name();
        return Transactions.required(transactions, () -> {
            try (Connection c = dataSource.getConnection()) {
                PurchaseOrder current = assemble(c, List.of(header(c, idOrNumber))).get(0);
                if (version != null && version.longValue() != current.version()) {
                    throw stale(current);
                }
                PurchaseStatus to = PurchaseWorkflow.next(current.type(), current.status(), action);
                if (to == null) {
                    throw new ConflictException("status", "cannot " + action.name().toLowerCase(Locale.ROOT) + " a purchase "
                            + current.type().name().toLowerCase(Locale.ROOT) + " that is " + current.status() + "; possible now: "
                            + PurchaseWorkflow.possible(current.type(), current.status()));
                }
                if ((lots != null && !lots.isEmpty()) && action != PurchaseAction.RECEIVE) {
                    throw new ValidationException("lots", "are given only when receiving");
                }
                Instant now = BusinessClock.now();
                // Taking the version first queues concurrent actions on one document: the second sees the first's state.
                if (Sql.update(c, "UPDATE PUR_ORDER SET STATUS = ?, VERSION = VERSION + 1, UPDATED_AT = ?, UPDATED_BY = ?"
                        + " WHERE ID = ? AND VERSION = ?", to, now, user, current.id(), current.version()) == 0) {
                    throw stale(current);
                }
                List<PurchaseLine> lines = current.lines();
                if (action == PurchaseAction.RECEIVE) {
                    lines = receivedLots(c, current, lots);
                }
                if (action == PurchaseAction.RECEIVE || action == PurchaseAction.SHIP) {
                    post(current, lines, action == PurchaseAction.RECEIVE ? PurchasePostingKind.RECEIPT : PurchasePostingKind.RETURN_SHIPMENT,
                            now, user);
                }
                history(c, current.id(), current.history().size() + 1, action, current.status(), to, now, user, note);
                return announce(assemble(c, List.of(header(c, current.id()))).get(0));
            } catch (SQLException e) {
                throw Transactions.failure("Cannot " + action.name().toLowerCase(Locale.ROOT) + " " + idOrNumber, e);
            }
        });
    }

    /** Appends the document's latest action to the platform's event log, in the action's transaction. */
    private PurchaseOrder announce(PurchaseOrder o) {
        PurchaseChange change = o.history().get(o.history().size() - 1);
        Map<String, Object> facts = new HashMap<>();
        facts.put(PurchasingEvents.ORDER_TYPE, o.type());
        facts.put(PurchasingEvents.SUPPLIER_CODE, o.supplierCode());
        facts.put(PurchasingEvents.FROM_STATUS, change.fromStatus());
        facts.put(PurchasingEvents.TO_STATUS, change.toStatus());
        facts.put(PurchasingEvents.COMMENT, change.comment());
        events.append(PurchasingEvents.topic(change.action()), o.number(), change.by(), facts);
        return o;
    }

    /** The lines with the lots they arrived with; every lot-tracked line needs one by now. Stored on the lines. */
    private List<PurchaseLine> receivedLots(Connection c, PurchaseOrder order, List<ReceivedLot> lots) throws SQLException {
        Check check = new Check();
        Map<Integer, ReceivedLot> given = new HashMap<>();
        List<ReceivedLot> sent = lots == null ? List.of() : lots;
        for (int i = 0; i < sent.size(); i++) {
            ReceivedLot r = sent.get(i);
            String f = "lots[" + i + "]";
            if (r == null || r.lineNo() == null || r.lineNo() < 1 || r.lineNo() > order.lines().size()) {
                check.fail(f + ".lineNo", "names no line of " + order.number() + " (1 to " + order.lines().size() + ")");
                continue;
            }
            check.code(f + ".lot", r.lot(), true);
            check.date(f + ".expiryDate", r.expiryDate());
            if (given.put(r.lineNo(), r) != null) {
                check.fail(f + ".lineNo", "line " + r.lineNo() + " is named twice");
            }
        }
        check.throwIfInvalid();
        Map<String, Product> found = products.findBySkus(order.lines().stream().map(PurchaseLine::sku).collect(Collectors.toSet()));
        List<PurchaseLine> result = new ArrayList<>();
        for (PurchaseLine l : order.lines()) {
            ReceivedLot r = given.get(l.lineNo());
            Product p = found.get(l.sku());
            boolean tracked = p != null && Boolean.TRUE.equals(p.lotTracked());
            String f = "lines[" + (l.lineNo() - 1) + "]";
            if (r != null && !tracked) {
                check.fail(f + ".lot", l.sku() + " is not lot-tracked: receive it without a lot");
            }
            String lot = r != null ? r.lot() : l.lot();
            LocalDate expiry = r != null && r.expiryDate() != null ? r.expiryDate() : l.expiryDate();
            if (tracked && lot == null) {
                check.fail(f + ".lot", l.sku() + " is lot-tracked: name the supplier's lot of line " + l.lineNo() + " under \"lots\"");
            }
            result.add(new PurchaseLine(l.lineNo(), l.sku(), l.productName(), l.unit(), l.direction(), l.quantity(), l.unitPrice(), l.amount(),
                    lot, expiry, l.deliveryDate()));
        }
        check.throwIfInvalid();
        for (PurchaseLine l : result) {
            Sql.update(c, "UPDATE PUR_ORDER_LINE SET LOT = ?, EXPIRY_DATE = ? WHERE ORDER_ID = ? AND LINE_NO = ?", l.lot(), l.expiryDate(),
                    order.id(), l.lineNo());
        }
        return result;
    }

    private void post(PurchaseOrder o, List<PurchaseLine> lines, PurchasePostingKind kind, Instant now, String user) {
        List<PurchasePostingListener> current = listeners;
        if (current == null || current.isEmpty()) {
            return;
        }
        Integer terms = suppliers.findByCode(o.supplierCode()).map(Supplier::paymentTermDays).orElse(0);
        PurchasePosting posting = new PurchasePosting(kind, o.number(), o.sourceOrderNumber(), o.supplierCode(), terms, o.warehouseCode(),
                o.currency(), o.totalAmount(), lines.stream().map(l -> new PurchasePostingLine(l.lineNo(), l.sku(), l.direction(), l.quantity(),
                        l.unitPrice(), l.amount(), l.lot(), l.expiryDate())).toList(), now, user);
        for (PurchasePostingListener l : current) {
            l.posted(posting);
        }
    }

    private static ConflictException stale(PurchaseOrder current) {
        return new ConflictException("version", current.number() + " was changed meanwhile (version " + current.version()
                + "); read it again");
    }

    private Draft validate(PurchaseOrder b) {
        Check check = new Check();
        PurchaseType type = check.required("type", b.type());
        String supplierCode = check.code("supplierCode", b.supplierCode(), true);
        String warehouseCode = check.code("warehouseCode", b.warehouseCode(), false);
        WarehouseCheck.validate(warehouseCheck, check, "warehouseCode", warehouseCode);
        String source = check.text("sourceOrderNumber", b.sourceOrderNumber(), 40, false);
        String reference = check.text("supplierReference", b.supplierReference(), 100, false);
        String currency = b.currency() == null ? Money.DEFAULT_CURRENCY : check.currency("currency", b.currency());
        String comment = check.text("comment", b.comment(), 1000, false);
        List<PurchaseLine> sent = b.lines() == null ? List.of() : b.lines();
        if (sent.isEmpty()) {
            check.fail("lines", "at least one line is required");
        } else if (sent.size() > MAX_LINES) {
            check.fail("lines", "at most " + MAX_LINES + " lines per document");
        }
        Set<String> skus = new HashSet<>();
        sent.stream().filter(l -> l != null && l.sku() != null).forEach(l -> skus.add(l.sku()));
        Map<String, Product> found = skus.isEmpty() ? Map.of() : products.findBySkus(skus);
        List<PurchaseLine> lines = new ArrayList<>();
        for (int i = 0; i < sent.size() && sent.size() <= MAX_LINES; i++) {
            PurchaseLine l = sent.get(i);
            String f = "lines[" + i + "]";
            if (l == null) {
                check.fail(f, "is empty");
                continue;
            }
            String sku = check.code(f + ".sku", l.sku(), true);
            Product p = sku == null ? null : found.get(sku);
            if (sku != null && p == null) {
                check.fail(f + ".sku", "no product has the SKU " + sku);
            }
            PurchaseDirection direction = l.direction() != null ? l.direction()
                    : type == PurchaseType.RETURN ? PurchaseDirection.RETURN : PurchaseDirection.RECEIVE;
            if (type == PurchaseType.ORDER && direction != PurchaseDirection.RECEIVE) {
                check.fail(f + ".direction", "an ORDER holds RECEIVE lines only; goods go back on a RETURN");
            } else if (type == PurchaseType.RETURN && direction != PurchaseDirection.RETURN) {
                check.fail(f + ".direction", "a RETURN holds RETURN lines only; replacements come on a new ORDER");
            }
            BigDecimal quantity = check.decimal(f + ".quantity", l.quantity(), MAX_QUANTITY.negate(), MAX_QUANTITY, 3, true);
            if (quantity != null && quantity.signum() == 0) {
                check.fail(f + ".quantity", "must not be 0");
            } else if (quantity != null && direction == PurchaseDirection.RECEIVE && quantity.signum() < 0) {
                check.fail(f + ".quantity", "RECEIVE lines have positive quantities");
            } else if (quantity != null && direction == PurchaseDirection.RETURN && quantity.signum() > 0) {
                check.fail(f + ".quantity", "RETURN lines have negative quantities");
            }
            BigDecimal price = check.decimal(f + ".unitPrice", l.unitPrice(), BigDecimal.ZERO, Money.MAX, 4, true);
            String lot = check.code(f + ".lot", l.lot(), false);
            if (lot != null && p != null && !Boolean.TRUE.equals(p.lotTracked())) {
                check.fail(f + ".lot", sku + " is not lot-tracked");
            }
            LocalDate expiry = check.date(f + ".expiryDate", l.expiryDate());
            if (expiry != null && lot == null) {
                check.fail(f + ".expiryDate", "belongs to a lot: give the lot too");
            }
            LocalDate delivery = check.date(f + ".deliveryDate", l.deliveryDate());
            BigDecimal amount = quantity == null || price == null ? null : quantity.multiply(price).setScale(Money.SCALE, RoundingMode.HALF_UP);
            if (amount != null && amount.abs().compareTo(Money.MAX) > 0) {
                check.fail(f + ".quantity", "quantity × unitPrice exceeds " + Money.MAX.toPlainString() + ": split the line or check the figures");
            } else if (amount != null && p != null) {
                lines.add(new PurchaseLine(i + 1, sku, p.name(), p.unit(), direction, quantity, price, amount, lot, expiry, delivery));
            }
        }
        Supplier supplier = null;
        if (supplierCode != null) {
            supplier = suppliers.findByCode(supplierCode).orElse(null);
            if (supplier == null) {
                check.fail("supplierCode", "no supplier has the code " + supplierCode);
            } else if (!Boolean.TRUE.equals(supplier.active())) {
                check.fail("supplierCode", supplierCode + " is inactive: reactivate the supplier to order from it");
            }
        }
        check.throwIfInvalid();
        return new Draft(type, supplier, warehouseCode, source, reference, currency, comment, lines);
    }

    /** Received (RECEIVE lines) and returned (RETURN lines, ≤ 0) amounts. */
    private static BigDecimal[] sums(List<PurchaseLine> lines) {
        BigDecimal received = Money.of(BigDecimal.ZERO);
        BigDecimal returned = Money.of(BigDecimal.ZERO);
        for (PurchaseLine l : lines) {
            if (l.direction() == PurchaseDirection.RECEIVE) {
                received = received.add(l.amount());
            } else {
                returned = returned.add(l.amount());
            }
        }
        return new BigDecimal[] {received, returned};
    }

    private static void insertLines(Connection c, String orderId, List<PurchaseLine> lines) throws SQLException {
        for (PurchaseLine l : lines) {
            Sql.update(c, "INSERT INTO PUR_ORDER_LINE (ORDER_ID, LINE_NO, SKU, PRODUCT_NAME, UNIT, DIRECTION, QUANTITY, UNIT_PRICE, AMOUNT, LOT,"
                    + " EXPIRY_DATE, DELIVERY_DATE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", orderId, l.lineNo(), l.sku(), l.productName(),
                    l.unit(), l.direction(), l.quantity(), l.unitPrice(), l.amount(), l.lot(), l.expiryDate(), l.deliveryDate());
        }
    }

    private static int historySize(Connection c, String orderId) throws SQLException {
        return Sql.list(c, "SELECT COUNT(*) FROM PUR_ORDER_HISTORY WHERE ORDER_ID = ?", List.of(orderId), rs -> rs.getInt(1)).get(0);
    }

    private static void history(Connection c, String orderId, int seq, PurchaseAction action, PurchaseStatus from, PurchaseStatus to,
            Instant at, String user, String comment) throws SQLException {
        Sql.update(c, "INSERT INTO PUR_ORDER_HISTORY (ORDER_ID, SEQ, ACTION, FROM_STATUS, TO_STATUS, CHANGED_AT, CHANGED_BY, COMMENT_TEXT)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", orderId, seq, action, from, to, at, user, comment);
    }
}
