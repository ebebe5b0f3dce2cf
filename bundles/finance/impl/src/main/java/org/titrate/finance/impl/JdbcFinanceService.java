package org.titrate.finance.impl;

import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.db.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.titrate.customers.api.CustomerService;
import org.titrate.finance.api.Allocation;
import org.titrate.finance.api.Balance;
import org.titrate.finance.api.BalanceQuery;
import org.titrate.finance.api.FinanceEvents;
import org.titrate.finance.api.FinanceService;
import org.titrate.finance.api.MoneyDocument;
import org.titrate.finance.api.MoneyKind;
import org.titrate.finance.api.MoneyQuery;
import org.titrate.finance.api.OpenItem;
import org.titrate.finance.api.OpenItemQuery;
import org.titrate.finance.api.PartyType;
import org.titrate.finance.api.PaymentMethod;
import org.titrate.finance.api.Posting;
import org.titrate.finance.api.PostingQuery;
import org.titrate.finance.api.PostingType;
import org.titrate.finance.api.SequencedPosting;
import org.titrate.finance.impl.FinanceLedger.Entry;
import org.titrate.finance.impl.FinanceLedger.Guard;
import org.titrate.finance.impl.FinanceLedger.Written;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.DocumentNumbers;
import org.titrate.platform.api.Money;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.events.Feeds;
import org.titrate.platform.api.events.LoggedEvent;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.purchasing.api.PurchaseOrder;
import org.titrate.purchasing.api.PurchaseOrderService;
import org.titrate.purchasing.api.PurchaseStatus;
import org.titrate.purchasing.api.PurchaseType;
import org.titrate.purchasing.api.SupplierService;
import org.titrate.sales.api.OrderStatus;
import org.titrate.sales.api.OrderType;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.SalesOrderService;

/** The finance ledger's views and its money documents, on plain JDBC (see {@link FinanceLedger}). */
@Component(service = {FinanceService.class, JdbcFinanceService.class})
public class JdbcFinanceService implements FinanceService {

    private static final String POSTING_COLUMNS = "p.ID, p.PARTY_TYPE, p.PARTY_CODE, p.TYPE, p.DOCUMENT_NUMBER, p.ORDER_NUMBER,"
            + " p.CURRENCY, p.AMOUNT, p.BALANCE_AFTER, p.DOCUMENT_DATE, p.DUE_DATE, p.POSTED_AT, p.POSTED_BY";
    private static final String MONEY_COLUMNS = "m.ID, m.NUMBER, m.KIND, m.PARTY_CODE, m.AMOUNT, m.CURRENCY, m.METHOD, m.VALUE_DATE,"
            + " m.ORDER_NUMBER, m.REFERENCE, m.COMMENT_TEXT, m.POSTED_AT, m.POSTED_BY, m.REQUEST_ID";

    @Reference
    private FinanceLedger ledger;

    /** Views read the ledger once the history finance missed is booked (bookedHistory()): right from the first answer. */
    @Reference
    private SalesHistoryBackfill salesHistory;

    @Reference
    private PurchaseHistoryBackfill purchaseHistory;

    @Reference
    private DocumentNumbers numbers;

    @Reference
    private PaymentReminders paymentReminders;

    @Reference
    private TransactionManager transactions;

    @Reference
    private CustomerService customers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SalesOrderService sales;

    /** Present while purchasing is installed: suppliers and purchase documents are looked up there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SupplierService suppliers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile PurchaseOrderService purchases;

    @Reference
    private EventLog events;

    @Reference(target = "(titrate.schema=finance)")
    private DataSource dataSource;

    /** What sales and purchasing posted while finance was away is on the ledger before a view reads it or money is booked. */
    private void bookedHistory() {
        salesHistory.awaitFirstPass();
        purchaseHistory.awaitFirstPass();
    }

    // ---- balances and open items ----

    @Override
    public List<Balance> balance(PartyType partyType, String partyCode) {
        return balances(new BalanceQuery(partyType, partyCode, null, false, new org.titrate.platform.api.PageRequest(0, 500))).items();
    }

    @Override
    public Page<Balance> balances(BalanceQuery query) {
        bookedHistory();
        // An account without postings is only the row its first posting locks (created outside that posting's transaction):
        // a request that was refused after taking it changed nothing, and shows nothing.
        Sql filter = new Sql().and("a.POSTINGS > 0").and("a.PARTY_TYPE = ?", query.partyType()).and("a.PARTY_CODE = ?", query.partyCode())
                .and("a.CURRENCY = ?", query.currency());
        if (query.openOnly()) {
            filter.and("(a.BALANCE <> 0 OR EXISTS (SELECT 1 FROM FIN_OPEN_ITEM o WHERE o.PARTY_TYPE = a.PARTY_TYPE"
                    + " AND o.PARTY_CODE = a.PARTY_CODE AND o.CURRENCY = a.CURRENCY))");
        }
        LocalDate today = BusinessClock.today();
        // The open sums come with each account (correlated sums use the open items' account index).
        String select = "SELECT a.PARTY_TYPE, a.PARTY_CODE, a.CURRENCY, a.BALANCE, a.POSTINGS, a.LAST_POSTED_AT,"
                + " (SELECT COALESCE(SUM(o.OPEN_AMOUNT), 0) FROM FIN_OPEN_ITEM o WHERE o.PARTY_TYPE = a.PARTY_TYPE"
                + "   AND o.PARTY_CODE = a.PARTY_CODE AND o.CURRENCY = a.CURRENCY AND o.OPEN_AMOUNT > 0),"
                + " (SELECT COALESCE(SUM(o.OPEN_AMOUNT), 0) FROM FIN_OPEN_ITEM o WHERE o.PARTY_TYPE = a.PARTY_TYPE"
                + "   AND o.PARTY_CODE = a.PARTY_CODE AND o.CURRENCY = a.CURRENCY AND o.OPEN_AMOUNT > 0 AND o.DUE_DATE < "
                + "CAST('" + today + "' AS DATE))";
        return filter.page(dataSource, select, "FROM FIN_ACCOUNT a", "a.PARTY_TYPE, a.PARTY_CODE, a.CURRENCY", query.page(),
                rs -> {
                    BigDecimal balance = rs.getBigDecimal(4);
                    BigDecimal debit = rs.getBigDecimal(7);
                    return new Balance(PartyType.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), balance, Money.of(debit),
                            Money.of(balance.subtract(debit)), Money.of(rs.getBigDecimal(8)), rs.getLong(5), Sql.instant(rs, 6));
                }, "balances");
    }

    @Override
    public Page<OpenItem> openItems(OpenItemQuery query) {
        bookedHistory();
        LocalDate asOf = query.asOf() == null ? BusinessClock.today() : query.asOf();
        Sql filter = new Sql().and("o.PARTY_TYPE = ?", query.partyType()).and("o.PARTY_CODE = ?", query.partyCode())
                .and("o.CURRENCY = ?", query.currency()).and("p.DOCUMENT_DATE >= ?", query.from()).and("p.DOCUMENT_DATE <= ?", query.to());
        if (query.overdue()) {
            filter.and("o.OPEN_AMOUNT > 0").and("o.DUE_DATE < ?", asOf);
        }
        return filter.page(dataSource, "SELECT o.POSTING_ID, p.PARTY_TYPE, p.PARTY_CODE, p.TYPE, p.DOCUMENT_NUMBER, p.ORDER_NUMBER,"
                + " p.CURRENCY, p.AMOUNT, o.OPEN_AMOUNT, p.DOCUMENT_DATE, o.DUE_DATE",
                "FROM FIN_OPEN_ITEM o JOIN FIN_POSTING p ON p.ID = o.POSTING_ID", "o.DUE_DATE, p.POSTED_AT, o.POSTING_ID", query.page(),
                rs -> {
                    BigDecimal open = rs.getBigDecimal(9);
                    LocalDate due = Sql.date(rs, 11);
                    int overdue = open.signum() > 0 && due.isBefore(asOf) ? (int) ChronoUnit.DAYS.between(due, asOf) : 0;
                    return new OpenItem(rs.getString(1), PartyType.valueOf(rs.getString(2)), rs.getString(3),
                            PostingType.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8),
                            open, Sql.date(rs, 10), due, overdue);
                }, "open items");
    }

    // ---- the ledger ----

    @Override
    public Page<Posting> postings(PostingQuery query) {
        bookedHistory();
        Sql filter = new Sql().and("p.PARTY_TYPE = ?", query.partyType()).and("p.PARTY_CODE = ?", query.partyCode())
                .and("p.TYPE = ?", query.type()).and("p.DOCUMENT_NUMBER = ?", query.documentNumber())
                .and("p.DOCUMENT_DATE >= ?", query.from()).and("p.DOCUMENT_DATE <= ?", query.to());
        return filter.page(dataSource, "SELECT " + POSTING_COLUMNS, "FROM FIN_POSTING p", "p.POSTED_AT DESC, p.ID DESC", query.page(),
                JdbcFinanceService::posting, "postings");
    }

    @Override
    public Posting posting(String id) {
        Check check = new Check();
        String given = check.text("id", id, 100, true);
        check.throwIfInvalid();
        bookedHistory();
        try (Connection c = dataSource.getConnection()) {
            return Sql.list(c, "SELECT " + POSTING_COLUMNS + " FROM FIN_POSTING p WHERE p.ID = ?", List.of(given), JdbcFinanceService::posting)
                    .stream().findFirst().orElseThrow(() -> new NotFoundException("posting", given));
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read posting " + given, e);
        }
    }

    @Override
    public List<Posting> postingsSince(Instant since, int limit) {
        bookedHistory();
        // Postings from before the log existed come from the ledger itself, up to the log's first event: they were
        // committed long before it. The rest follow the log, whose times order it as its numbers do.
        Instant logStart = events.read(0, 1).stream().map(LoggedEvent::at).findFirst().orElse(null);
        if (logStart == null || since.isBefore(logStart)) {
            try (Connection c = dataSource.getConnection()) {
                Instant before = logStart != null ? logStart : BusinessClock.now().minus(Feeds.SETTLING);
                List<Posting> rows = Sql.list(c, "SELECT " + POSTING_COLUMNS + " FROM FIN_POSTING p WHERE p.POSTED_AT > ? AND p.POSTED_AT < ?"
                        + " ORDER BY p.POSTED_AT, p.ID FETCH FIRST " + limit + " ROWS ONLY", List.of(since, before), JdbcFinanceService::posting);
                if (!rows.isEmpty()) {
                    return rows;
                }
            } catch (SQLException e) {
                throw Transactions.failure("Cannot list postings", e);
            }
        }
        return postingsAfter(events.lastSeqAtOrBefore(since), limit).stream().map(SequencedPosting::posting).toList();
    }

    @Override
    public List<SequencedPosting> postingsAfter(long afterSeq, int limit) {
        bookedHistory();
        List<LoggedEvent> posted = events.read(afterSeq, limit, FinanceEvents.POSTED);
        if (posted.isEmpty()) {
            return List.of();
        }
        Map<String, Long> seqById = new java.util.LinkedHashMap<>();
        for (LoggedEvent e : posted) {
            seqById.put((String) events.payload(e).get(FinanceEvents.POSTING_ID), e.seq());
        }
        try (Connection c = dataSource.getConnection()) {
            Map<String, Posting> byId = new HashMap<>();
            Sql.list(c, "SELECT " + POSTING_COLUMNS + " FROM FIN_POSTING p WHERE p.ID IN (" + Sql.marks(seqById.size()) + ")",
                    List.copyOf(seqById.keySet()), JdbcFinanceService::posting).forEach(p -> byId.put(p.id(), p));
            return seqById.entrySet().stream().filter(e -> byId.containsKey(e.getKey()))
                    .map(e -> new SequencedPosting(e.getValue(), byId.get(e.getKey()))).toList();
        } catch (SQLException e) {
            throw Transactions.failure("Cannot list postings", e);
        }
    }

    static Posting posting(ResultSet rs) throws SQLException {
        return new Posting(rs.getString(1), PartyType.valueOf(rs.getString(2)), rs.getString(3), PostingType.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9), Sql.date(rs, 10),
                Sql.date(rs, 11), Sql.instant(rs, 12), rs.getString(13));
    }

    // ---- payment reminders ----

    @Override
    public List<org.titrate.finance.api.PaymentReminder> reminders(LocalDate asOf) {
        bookedHistory();
        return paymentReminders.due(asOf == null ? BusinessClock.today() : asOf);
    }

    @Override
    public List<org.titrate.finance.api.PaymentReminder> raiseReminders(LocalDate asOf) {
        bookedHistory();
        return paymentReminders.raise(asOf == null ? BusinessClock.today() : asOf);
    }

    // ---- money documents ----

    @Override
    public MoneyDocument register(MoneyDocument body) {
        bookedHistory();
        Check.body(body);
        MoneyKind kind = body.kind();
        PartyType party = kind.postingType().partyType();
        boolean customer = party == PartyType.CUSTOMER;
        String partyField = customer ? "customerCode" : "supplierCode";
        String orderField = customer ? "salesOrderNumber" : "purchaseOrderNumber";
        Check check = new Check();
        String partyCode = check.code(partyField, customer ? body.customerCode() : body.supplierCode(), true);
        BigDecimal amount = check.decimal("amount", body.amount(), new BigDecimal("0.01"), Money.MAX, Money.SCALE, true);
        String currency = body.currency() == null ? Money.DEFAULT_CURRENCY : check.currency("currency", body.currency());
        PaymentMethod method = check.required("method", body.method());
        LocalDate today = BusinessClock.today();
        LocalDate date = body.date() == null ? today : check.date("date", body.date());
        if (date != null && date.isAfter(today)) {
            check.fail("date", "is after today (" + today + "): register money when it has moved");
        }
        String orderNumber = check.text(orderField, customer ? body.salesOrderNumber() : body.purchaseOrderNumber(), 40, false);
        String reference = check.text("reference", body.reference(), 100, false);
        String comment = check.text("comment", body.comment(), 1000, false);
        String requestId = check.text("requestId", body.requestId(), 100, false);
        check.throwIfInvalid();
        checkParty(party, partyField, partyCode);
        String user = CurrentUser.name();
        Guard guard = guard(kind, customer, partyCode, amount, currency);
        return Transactions.required(transactions, () -> {
            // The document the money names is read before the account's lock: one not on the ledger yet is asked of sales
            // or purchasing, whose row a shipment holds while it waits for this account's lock.
            Named named = orderNumber == null ? null : named(kind, orderField, partyCode, currency, orderNumber);
            if (requestId != null || named != null) {
                // Under the account's lock, a retry finds the first document or is the first itself, and a document shipped
                // at this moment is either on the ledger already or is booked after this money.
                ledger.lockAccount(party, partyCode, currency, guard);
            }
            if (requestId != null) {
                MoneyDocument first = byRequest(kind, requestId);
                if (first != null) {
                    List<String> differ = RequestRetry.differences(first, partyField, partyCode, amount, currency, method,
                            body.date() == null ? null : date, orderField, orderNumber, reference, comment);
                    if (!differ.isEmpty()) {
                        throw new ConflictException("requestId", "'" + requestId + "' was used for " + first.number() + " ("
                                + RequestRetry.party(first) + ", " + first.amount().toPlainString() + " " + first.currency() + "); this request"
                                + " differs in " + String.join(", ", differ) + ": a different document needs a different requestId");
                    }
                    return first;
                }
            }
            if (named != null) {
                checkUnderLock(kind, orderField, partyCode, currency, orderNumber, named);
            } else if (!kind.limitedByCredit()) {
                checkOwedCurrency(party, partyCode, currency);
            }
            return book(kind, partyCode, amount, currency, method, date, orderNumber, reference, comment, user, requestId, guard);
        });
    }

    /**
     * The money of a customer's document posted in the caller's transaction — a counter sale's receipt, a counter
     * return's refund: the caller vouches for the customer and the document, so neither is looked up in another module.
     */
    MoneyDocument registerForPosted(MoneyKind kind, String customerCode, BigDecimal amount, String currency, PaymentMethod method,
            String orderNumber, String reference, String comment) {
        Guard guard = guard(kind, true, customerCode, amount, currency);
        return Transactions.required(transactions, () -> book(kind, customerCode, amount, currency, method, BusinessClock.today(), orderNumber,
                reference, comment, CurrentUser.name(), null, guard));
    }

    /** A refund never takes back more than the party's credit, checked under the account's lock. */
    private static Guard guard(MoneyKind kind, boolean customer, String partyCode, BigDecimal amount, String currency) {
        return !kind.limitedByCredit() ? Guard.NONE : balance -> {
            BigDecimal credit = balance.negate().max(BigDecimal.ZERO);
            if (amount.compareTo(credit) > 0) {
                throw new ConflictException("amount", "a refund of " + amount + " " + currency + " is more than " + (customer
                        ? partyCode + "'s credit of " + Money.of(credit) + " " + currency + " (what they paid or were credited beyond"
                                + " what they owe)"
                        : "our credit with " + partyCode + " of " + Money.of(credit) + " " + currency + " (what we paid or were"
                                + " credited beyond what we owe)"));
            }
        };
    }

    /** Posts the money document (its number taken under the account's lock) and stores it. */
    private MoneyDocument book(MoneyKind kind, String partyCode, BigDecimal amount, String currency, PaymentMethod method, LocalDate date,
            String orderNumber, String reference, String comment, String user, String requestId, Guard guard) {
        PartyType party = kind.postingType().partyType();
        boolean customer = party == PartyType.CUSTOMER;
        BigDecimal signed = kind.postingType().debit() ? amount : amount.negate();
        Written w = ledger.postNumbered(new Entry(party, partyCode, kind.postingType(), null, orderNumber, currency, signed, date, date,
                user, orderNumber), guard, () -> numbers.next(kind.series()));
        String number = w.posting().documentNumber();
        String id = UUID.randomUUID().toString();
        insertMoney(id, number, kind, partyCode, amount, currency, method, date, orderNumber, reference, comment, w.posting().postedAt(),
                user, requestId);
        return new MoneyDocument(id, number, kind, customer ? partyCode : null, customer ? null : partyCode, amount, currency, method, date,
                customer ? orderNumber : null, customer ? null : orderNumber, reference, comment,
                w.settled().stream().map(s -> new Allocation(s.documentNumber(), s.amount())).toList(), w.posting().postedAt(), user,
                requestId);
    }

    private void checkParty(PartyType party, String field, String code) {
        if (party == PartyType.CUSTOMER) {
            if (customers.findByCode(code).isEmpty()) {
                throw new ValidationException(field, "no customer has the code " + code);
            }
            return;
        }
        SupplierService s = suppliers;
        if (s == null) {
            throw new ConflictException(field, "suppliers are kept by the purchasing module, which is not installed");
        }
        if (s.findByCode(code).isEmpty()) {
            throw new ValidationException(field, "no supplier has the code " + code);
        }
    }

    /**
     * The document money names, as far as it can be known before the account's lock: its posting (checked at once), or
     * else what its own module says of it (a document of the party's that is not on the ledger yet).
     */
    private record Named(Posting posting, Source source) {
    }

    /** A sales or purchase document as its module has it: whose, in which state, and whether that state is on the ledger. */
    private record Source(String partyCode, String status, boolean posted, String step, String currency, BigDecimal total) {
    }

    /** Goods documents: what money may name. Money documents (a refund, a payment) are not orders. */
    private static final Set<PostingType> GOODS = EnumSet.of(PostingType.INVOICE, PostingType.CREDIT_NOTE,
            PostingType.BILL, PostingType.DEBIT_NOTE);

    private Named named(MoneyKind kind, String field, String partyCode, String currency, String number) {
        PartyType party = kind.postingType().partyType();
        Posting p = postingOf(party, number);
        if (p != null) {
            checkNamedDocument(kind, field, partyCode, currency, p);
            return new Named(p, null);
        }
        Source source = source(party, number);
        String documents = party == PartyType.CUSTOMER ? "sales order or return" : "purchase order or return";
        if (source == null) {
            throw new ValidationException(field, "no " + documents + " has the number " + number);
        }
        if (!source.partyCode().equals(partyCode)) {
            throw new ValidationException(field, number + " is not a document of " + partyCode);
        }
        if (source.total() != null && source.total().signum() != 0 && (source.total().signum() > 0) == kind.postingType().debit()) {
            throw wrongSide(kind, field, number);
        }
        return new Named(null, source);
    }

    /**
     * Under the account's lock: a document that was not on the ledger before may be now (shipped meanwhile); otherwise it
     * is in a state that owes nothing yet, and stays so until this money is booked.
     */
    private void checkUnderLock(MoneyKind kind, String field, String partyCode, String currency, String number, Named named) {
        if (named.posting() != null) {
            return;
        }
        Posting p = postingOf(kind.postingType().partyType(), number);
        if (p != null) {
            checkNamedDocument(kind, field, partyCode, currency, p);
            return;
        }
        Source s = named.source();
        if (!s.posted()) {
            throw new ConflictException(field, number + " is " + s.status() + ": nothing is owed on it until it " + s.step()
                    + "; register the money without " + field + " to keep it on account");
        }
        if (!s.currency().equals(currency)) {
            throw new ValidationException("currency", number + " is in " + s.currency() + "; money in " + currency
                    + " cannot settle it until exchange rates exist");
        }
        if (s.total() == null || s.total().signum() == 0) {
            throw new ValidationException(field, number + " is worth nothing: there is nothing on it to settle");
        }
        throw new ConflictException(field, number + " is " + s.status() + " but not on the ledger yet: finance is still booking what"
                + " was posted while it was not installed; try again in a minute, or register the money without " + field);
    }

    /** The document money names must be a goods document of the party's, in this currency, and on the other side of the account. */
    private static void checkNamedDocument(MoneyKind kind, String field, String partyCode, String currency, Posting p) {
        PartyType party = kind.postingType().partyType();
        String number = p.documentNumber();
        if (!GOODS.contains(p.type())) {
            throw new ValidationException(field, number + " is a " + p.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", not a "
                    + (party == PartyType.CUSTOMER ? "sales order or return" : "purchase order or return") + " of " + partyCode
                    + ": name the document the money is for");
        }
        if (!p.partyCode().equals(partyCode)) {
            throw new ValidationException(field, number + " is not a document of " + partyCode);
        }
        if (!p.currency().equals(currency)) {
            throw new ValidationException("currency", number + " is in " + p.currency() + "; money in " + currency
                    + " cannot settle it until exchange rates exist");
        }
        if (p.type().debit() == kind.postingType().debit()) {
            throw wrongSide(kind, field, number);
        }
    }

    private static ValidationException wrongSide(MoneyKind kind, String field, String number) {
        PartyType party = kind.postingType().partyType();
        return new ValidationException(field, kind.limitedByCredit()
                ? number + " is a debt, not a credit: a refund pays back a return"
                : number + " is a credit, not a debt: " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + "s settle what was " + (party == PartyType.CUSTOMER ? "shipped" : "received"));
    }

    private Posting postingOf(PartyType party, String number) {
        try (Connection c = dataSource.getConnection()) {
            List<Posting> found = Sql.list(c, "SELECT " + POSTING_COLUMNS + " FROM FIN_POSTING p WHERE p.PARTY_TYPE = ?"
                    + " AND p.DOCUMENT_NUMBER = ?", List.of(party, number), JdbcFinanceService::posting);
            return found.isEmpty() ? null : found.get(0);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read " + number, e);
        }
    }

    /** The document as sales or purchasing has it; null when it has no such document (or is not installed). */
    private Source source(PartyType party, String number) {
        try {
            SalesOrderService s = sales;
            PurchaseOrderService pu = purchases;
            if (party == PartyType.CUSTOMER && s != null) {
                SalesOrder o = s.get(number);
                boolean order = o.type() == OrderType.ORDER;
                boolean posted = o.status() == OrderStatus.CLOSED
                        || o.status() == (order ? OrderStatus.SHIPPED : OrderStatus.RECEIVED);
                return new Source(o.customerCode(), o.status().name(), posted, order ? "ships" : "is received", o.currency(), o.totalAmount());
            }
            if (party == PartyType.SUPPLIER && pu != null) {
                PurchaseOrder o = pu.get(number);
                boolean order = o.type() == PurchaseType.ORDER;
                boolean posted = o.status() == PurchaseStatus.CLOSED
                        || o.status() == (order ? PurchaseStatus.RECEIVED : PurchaseStatus.SHIPPED);
                return new Source(o.supplierCode(), o.status().name(), posted, order ? "is received" : "is shipped back", o.currency(),
                        o.totalAmount());
            }
        } catch (NotFoundException unknown) {
            return null;
        }
        return null;
    }

    /** Money in a currency nothing is owed in, while something is owed in another, is a mistake until exchange rates exist. */
    private void checkOwedCurrency(PartyType party, String partyCode, String currency) {
        List<Balance> accounts = balance(party, partyCode);
        boolean owesHere = accounts.stream().anyMatch(b -> b.currency().equals(currency) && b.openDebit().signum() > 0);
        List<String> owedElsewhere = accounts.stream().filter(b -> !b.currency().equals(currency) && b.openDebit().signum() > 0)
                .map(Balance::currency).toList();
        if (!owesHere && !owedElsewhere.isEmpty()) {
            throw new ValidationException("currency", (party == PartyType.CUSTOMER ? partyCode + " owes" : "we owe " + partyCode) + " in "
                    + String.join(", ", owedElsewhere) + ", not in " + currency
                    + ": money in another currency than the open items cannot settle them until exchange rates exist");
        }
    }

    private void insertMoney(String id, String number, MoneyKind kind, String party, BigDecimal amount, String currency,
            PaymentMethod method, LocalDate date, String orderNumber, String reference, String comment, Instant at, String user,
            String requestId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ins = c.prepareStatement("INSERT INTO FIN_MONEY (ID, NUMBER, KIND,"
                + " PARTY_CODE, AMOUNT, CURRENCY, METHOD, VALUE_DATE, ORDER_NUMBER, REFERENCE, COMMENT_TEXT, POSTED_AT, POSTED_BY, REQUEST_ID)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Sql.bind(ins, java.util.Arrays.asList(id, number, kind, party, amount, currency, method, date, orderNumber, reference, comment,
                    at, user, requestId));
            ins.executeUpdate();
        } catch (SQLException e) {
            if (requestId != null && "23505".equals(e.getSQLState())) {
                // the same requestId for another party, posted at this moment under that party's lock
                throw new ConflictException("requestId", "'" + requestId + "' was used for another " + kind.name().toLowerCase(java.util.Locale.ROOT)
                        + " at the same moment: a different document needs a different requestId");
            }
            throw Transactions.failure("Cannot store " + number, e);
        }
        Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put(FinanceEvents.KIND, kind);
        facts.put(FinanceEvents.PARTY_CODE, party);
        facts.put(FinanceEvents.AMOUNT, amount.toPlainString());
        facts.put(FinanceEvents.CURRENCY, currency);
        facts.put(FinanceEvents.ORDER_NUMBER, orderNumber);
        events.append(FinanceEvents.MONEY_REGISTERED, number, user, facts);
    }

    @Override
    public Page<MoneyDocument> moneyDocuments(MoneyQuery query) {
        bookedHistory();
        Sql filter = new Sql().and("m.KIND = ?", query.kind()).and("m.PARTY_CODE = ?", query.partyCode())
                .and("m.METHOD = ?", query.method()).and("m.ORDER_NUMBER = ?", query.orderNumber())
                .and("m.VALUE_DATE >= ?", query.from()).and("m.VALUE_DATE <= ?", query.to());
        Page<MoneyDocument> page = filter.page(dataSource, "SELECT " + MONEY_COLUMNS, "FROM FIN_MONEY m",
                "m.VALUE_DATE DESC, m.POSTED_AT DESC, m.ID DESC", query.page(), JdbcFinanceService::money, "money documents");
        return new Page<>(withAllocations(page.items()), page.total(), page.offset(), page.limit());
    }

    @Override
    public MoneyDocument moneyDocument(MoneyKind kind, String idOrNumber) {
        try (Connection c = dataSource.getConnection()) {
            List<MoneyDocument> found = Sql.list(c, "SELECT " + MONEY_COLUMNS + " FROM FIN_MONEY m WHERE m.KIND = ? AND (m.NUMBER = ? OR m.ID = ?)",
                    List.of(kind.name(), idOrNumber, idOrNumber), JdbcFinanceService::money);
            if (found.isEmpty()) {
                throw new NotFoundException(kind.name().charAt(0) + kind.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' '),
                        idOrNumber);
            }
            return withAllocations(found).get(0);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read " + idOrNumber, e);
        }
    }

    /** The document of this kind a {@code requestId} was first used for, whoever's it is ({@code requestId} is unique per kind). */
    private MoneyDocument byRequest(MoneyKind kind, String requestId) {
        try (Connection c = dataSource.getConnection()) {
            List<MoneyDocument> found = Sql.list(c, "SELECT " + MONEY_COLUMNS + " FROM FIN_MONEY m WHERE m.KIND = ? AND m.REQUEST_ID = ?",
                    List.of(kind, requestId), JdbcFinanceService::money);
            return found.isEmpty() ? null : withAllocations(found).get(0);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot look up request " + requestId, e);
        }
    }

    private static MoneyDocument money(ResultSet rs) throws SQLException {
        MoneyKind kind = MoneyKind.valueOf(rs.getString(3));
        boolean customer = kind.postingType().partyType() == PartyType.CUSTOMER;
        return new MoneyDocument(rs.getString(1), rs.getString(2), kind, customer ? rs.getString(4) : null, customer ? null : rs.getString(4),
                rs.getBigDecimal(5), rs.getString(6), PaymentMethod.valueOf(rs.getString(7)), Sql.date(rs, 8), customer ? rs.getString(9) : null,
                customer ? null : rs.getString(9), rs.getString(10), rs.getString(11), List.of(), Sql.instant(rs, 12), rs.getString(13),
                rs.getString(14));
    }

    /** What each document has settled so far: the allocations of its posting, with the other side's number. */
    private List<MoneyDocument> withAllocations(List<MoneyDocument> docs) {
        if (docs.isEmpty()) {
            return docs;
        }
        List<Object> numbersOf = new ArrayList<>();
        numbersOf.add(docs.get(0).kind().postingType().partyType());
        numbersOf.addAll(docs.stream().map(MoneyDocument::number).toList());
        Map<String, List<Allocation>> byNumber = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            String sql = "SELECT p.DOCUMENT_NUMBER, o.DOCUMENT_NUMBER, a.AMOUNT FROM FIN_POSTING p"
                    + " JOIN FIN_ALLOCATION a ON a.%s = p.ID JOIN FIN_POSTING o ON o.ID = a.%s"
                    + " WHERE p.PARTY_TYPE = ? AND p.DOCUMENT_NUMBER IN (" + Sql.marks(numbersOf.size() - 1) + ") ORDER BY a.ALLOCATED_AT, a.ID";
            for (String[] sides : new String[][] {{"CREDIT_POSTING_ID", "DEBIT_POSTING_ID"}, {"DEBIT_POSTING_ID", "CREDIT_POSTING_ID"}}) {
                Sql.list(c, String.format(sql, sides[0], sides[1]), numbersOf, rs -> byNumber.computeIfAbsent(rs.getString(1),
                        k -> new ArrayList<>()).add(new Allocation(rs.getString(2), rs.getBigDecimal(3))));
            }
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read allocations", e);
        }
        return docs.stream().map(d -> new MoneyDocument(d.id(), d.number(), d.kind(), d.customerCode(), d.supplierCode(), d.amount(),
                d.currency(), d.method(), d.date(), d.salesOrderNumber(), d.purchaseOrderNumber(), d.reference(), d.comment(),
                byNumber.getOrDefault(d.number(), List.of()), d.postedAt(), d.postedBy(), d.requestId())).toList();
    }
}
