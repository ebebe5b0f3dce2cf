package org.titrate.sales.impl;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.titrate.customers.api.Channel;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerService;
import org.titrate.customers.api.CustomerSource;
import org.titrate.customers.api.CustomerStatus;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.Money;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.ProblemException;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.sales.api.CounterMethod;
import org.titrate.sales.api.CounterPayments;
import org.titrate.sales.api.CounterPayments.CounterMoney;
import org.titrate.sales.api.CounterReturnRequest;
import org.titrate.sales.api.CounterSale;
import org.titrate.sales.api.CounterSaleRequest;
import org.titrate.sales.api.CounterSaleRequest.Buyer;
import org.titrate.sales.api.CounterSaleRequest.Payment;
import org.titrate.sales.api.CounterSaleService;
import org.titrate.sales.api.Direction;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderLine;
import org.titrate.sales.api.OrderStatus;
import org.titrate.sales.api.OrderType;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.TillSummary;

/**
 * Counter sales and returns, each one transaction through {@link JpaSalesOrderService#createAndPerform}: the
 * document and its workflow, the posting listeners' stock and ledger bookings, finance's receipt or refund
 * ({@link CounterPayments}, when installed) and the till's row ({@code SAL_COUNTER_PAYMENT}, plain JDBC on the
 * transaction's connection).
 */
@Component(service = CounterSaleService.class)
public class CounterSales implements CounterSaleService {
    private static final List<OrderAction> SALE_STEPS = List.of(OrderAction.CONFIRM, OrderAction.SHIP);
    private static final List<OrderAction> RETURN_STEPS = List.of(OrderAction.SUBMIT, OrderAction.APPROVE, OrderAction.RECEIVE);

    @Reference
    private JpaSalesOrderService orders;

    @Reference
    private CustomerService customers;

    @Reference(target = "(titrate.schema=sales)")
    private DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CounterPayments payments;

    private record Paying(String method, BigDecimal amount, String reference) {
    }

    @Override
    public CounterSale sell(CounterSaleRequest request) {
        CounterSaleRequest r = Check.body(request);
        Check check = new Check();
        String warehouse = check.code("warehouseCode", r.warehouseCode(), true);
        boolean onAccount = onAccount(r.payment());
        Paying paying = paying(check, "payment", r.payment(), !onAccount);
        Buyer buyer = buyer(check, r.buyer());
        String comment = check.text("comment", r.comment(), 1000, false);
        String customerCode = check.code("customerCode", r.customerCode(), false);
        if (onAccount && customerCode == null) {
            check.fail("customerCode", "is required to sell ON_ACCOUNT: only a registered customer buys on account; the walk-in customer pays at the counter");
        }
        check.throwIfInvalid();
        String customer = customerCode != null ? customerCode : walkIn().code();
        if (onAccount && WALK_IN.equals(customer)) {
            throw new ValidationException("customerCode", "the walk-in customer cannot buy ON_ACCOUNT; name the registered customer");
        }
        SalesOrder input = document(OrderType.ORDER, customer, warehouse, null, r.currency(), describe("零售 Counter sale", buyer, comment),
                r.lines());
        // Only a sale on account leaves a debt, so only it is checked against the customer's credit limit.
        CounterSale sale = orders.createAndPerform(input, SALE_STEPS, null, onAccount, null, (em, doc) -> {
            BigDecimal total = doc.totalAmount();
            BigDecimal nothing = Money.of(BigDecimal.ZERO);
            BigDecimal paid = onAccount ? nothing : paying.amount();
            BigDecimal change = onAccount ? nothing : CounterRules.change(paying.amount(), total);
            String money = !onAccount && total.signum() > 0 ? register(false, doc, total, paying) : null;
            till(doc, CounterRules.SALE, paying, total, paid, change, buyer, money);
            return new CounterSale(doc, paying.method(), total, paid, change, money, buyer);
        });
        return reread(sale);
    }

    @Override
    public CounterSale takeBack(CounterReturnRequest request) {
        CounterReturnRequest r = Check.body(request);
        Check check = new Check();
        String saleNumber = check.text("saleNumber", r.saleNumber(), 40, false);
        String reasonCode = check.code("reasonCode", r.reasonCode(), true);
        String reason = check.text("reason", r.reason(), 1000, saleNumber == null);
        Paying paying = paying(check, "refund", r.refund(), false);
        Buyer buyer = buyer(check, r.buyer());
        String warehouse = check.code("warehouseCode", r.warehouseCode(), saleNumber == null);
        check.throwIfInvalid();
        SalesOrder sale = saleNumber == null ? null : orders.get(saleNumber);
        if (sale != null && (sale.type() != OrderType.ORDER
                || (sale.status() != OrderStatus.SHIPPED && sale.status() != OrderStatus.CLOSED))) {
            throw new ConflictException("saleNumber", sale.number() + " is " + (sale.type() != OrderType.ORDER ? "a return" : sale.status())
                    + ": only goods a shipped sale took out can come back against it");
        }
        String customer = sale != null ? sale.customerCode() : walkIn().code();
        List<OrderLine> lines = returnLines(r.lines(), reasonCode, sale);
        SalesOrder input = document(OrderType.RETURN, customer, warehouse != null ? warehouse : sale.warehouseCode(),
                sale == null ? null : sale.number(), sale != null ? sale.currency() : r.currency(),
                describe("零售退货 Counter return", buyer, reason), lines);
        boolean toAccount = onAccount(r.refund());
        if (toAccount && WALK_IN.equals(customer)) {
            throw new ValidationException("refund.method", "ON_ACCOUNT leaves the credit on a registered customer's account;"
                    + " the walk-in customer is refunded in money");
        }
        CounterSale taken = orders.createAndPerform(input, RETURN_STEPS, reason, false, (em, none) -> {
            if (sale != null) {
                requireReturnable(sale, lines);
            }
            return null;
        }, (em, doc) -> {
            BigDecimal total = doc.totalAmount();
            // On account the credit note finance books at receipt stays on the account; otherwise money goes back.
            String money = !toAccount && total.signum() < 0 ? register(true, doc, total.negate(), paying) : null;
            till(doc, CounterRules.RETURN, paying, total, total, Money.of(BigDecimal.ZERO), buyer, money);
            return new CounterSale(doc, paying.method(), total, total, Money.of(BigDecimal.ZERO), money, buyer);
        });
        return reread(taken);
    }

    @Override
    public TillSummary summary(LocalDate date) {
        LocalDate day = date == null ? BusinessClock.today() : date;
        try (Connection c = dataSource.getConnection()) {
            return CounterRules.summary(day, Sql.list(c, "SELECT KIND, METHOD, CURRENCY, COUNT(*), SUM(TOTAL_AMOUNT) FROM SAL_COUNTER_PAYMENT"
                    + " WHERE BUSINESS_DATE = ? GROUP BY KIND, METHOD, CURRENCY", List.of(day),
                    rs -> new CounterRules.Group(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBigDecimal(5))));
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the till of " + day, e);
        }
    }

    // ---- helpers ----

    private static boolean onAccount(Payment p) {
        return p != null && p.method() != null && CounterMethod.ON_ACCOUNT.name().equalsIgnoreCase(p.method().strip());
    }

    private static Paying paying(Check check, String field, Payment p, boolean amountRequired) {
        if (p == null) {
            check.fail(field, "is required: {method" + (amountRequired ? ", amount" : "") + ", reference}");
            return null;
        }
        CounterMethod method = check.choice(field + ".method", p.method(), CounterMethod.class);
        if (p.method() == null || p.method().isBlank()) {
            check.fail(field + ".method", "is required; one of " + java.util.Arrays.toString(CounterMethod.values()));
        }
        BigDecimal amount = amountRequired ? check.decimal(field + ".amount", p.amount(), BigDecimal.ZERO, Money.MAX, Money.SCALE, true) : null;
        String reference = check.text(field + ".reference", p.reference(), 100, false);
        return method == null ? null : new Paying(method.name(), amount, reference);
    }

    private static Buyer buyer(Check check, Buyer b) {
        if (b == null) {
            return null;
        }
        String name = check.text("buyer.name", b.name(), 200, false);
        String phone = check.text("buyer.phone", b.phone(), 40, false);
        return name == null && phone == null ? null : new Buyer(name, phone);
    }

    private static String describe(String what, Buyer buyer, String comment) {
        StringBuilder s = new StringBuilder(what);
        if (buyer != null) {
            s.append(" — ").append(buyer.name() == null ? "" : buyer.name()).append(buyer.phone() == null ? "" : " " + buyer.phone());
        }
        if (comment != null) {
            s.append(": ").append(comment);
        }
        return s.toString();
    }

    private static SalesOrder document(OrderType type, String customer, String warehouse, String source, String currency, String comment,
            List<OrderLine> lines) {
        return new SalesOrder(null, null, type, null, customer, null, null, warehouse, source, currency, null, comment, null, lines, null, null,
                null, null, null, null, null, null, null, null, null, null, null, List.of());
    }

    /** The lines as a return takes them: the reason on each, the sale's price where the till gave none. */
    private static List<OrderLine> returnLines(List<OrderLine> given, String reasonCode, SalesOrder sale) {
        if (given == null) {
            return null;
        }
        Map<String, BigDecimal> prices = new TreeMap<>();
        if (sale != null) {
            sale.lines().stream().filter(l -> l.direction() == Direction.SHIP).forEach(l -> prices.putIfAbsent(l.sku(), l.unitPrice()));
        }
        List<OrderLine> result = new ArrayList<>();
        for (OrderLine l : given) {
            result.add(l == null ? null : new OrderLine(null, l.sku(), null, null, l.direction(), l.quantity(),
                    l.unitPrice() != null || l.sku() == null ? l.unitPrice() : prices.get(l.sku().strip()), null, null, l.lot(), reasonCode,
                    l.note()));
        }
        return result;
    }

    /**
     * Under the sale's row lock (so two returns of one sale queue): no more of a product comes back than the sale
     * shipped less what its earlier returns (not rejected or cancelled) took back.
     */
    private void requireReturnable(SalesOrder sale, List<OrderLine> lines) {
        Map<String, BigDecimal> shipped = CounterRules.quantities(sale.lines().stream().filter(l -> l.direction() == Direction.SHIP).toList());
        Map<String, BigDecimal> returned = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, "UPDATE SAL_ORDER SET VERSION = VERSION WHERE ID = ?", sale.id());
            Sql.list(c, "SELECT l.SKU, SUM(l.QUANTITY) FROM SAL_ORDER o JOIN SAL_ORDER_LINE l ON l.ORDER_ID = o.ID"
                    + " WHERE o.SOURCE_ORDER_NUMBER = ? AND o.ORDER_TYPE = 'RETURN' AND o.STATUS NOT IN ('CANCELLED', 'REJECTED')"
                    + " AND l.DIRECTION = 'RETURN' GROUP BY l.SKU", List.of(sale.number()), rs -> {
                        returned.put(rs.getString(1), rs.getBigDecimal(2).abs());
                        return null;
                    });
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the returns of " + sale.number(), e);
        }
        CounterRules.requireReturnable(sale.number(), lines, shipped, returned);
    }

    private String register(boolean refund, SalesOrder doc, BigDecimal amount, Paying paying) {
        CounterPayments finance = payments;
        return finance == null ? null : finance.register(new CounterMoney(refund, doc.customerCode(), doc.number(), doc.currency(), amount,
                paying.method(), paying.reference(), refund ? "零售退货 Counter return" : "零售 Counter sale"));
    }

    private void till(SalesOrder doc, String kind, Paying paying, BigDecimal total, BigDecimal paid, BigDecimal change, Buyer buyer,
            String money) {
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, "INSERT INTO SAL_COUNTER_PAYMENT (ORDER_ID, ORDER_NUMBER, KIND, METHOD, CURRENCY, BUSINESS_DATE, TOTAL_AMOUNT,"
                    + " PAID_AMOUNT, CHANGE_AMOUNT, REFERENCE, BUYER_NAME, BUYER_PHONE, MONEY_NUMBER, CREATED_AT, CREATED_BY)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", doc.id(), doc.number(), kind, paying.method(), doc.currency(),
                    doc.orderDate(), total, paid, change, paying.reference(), buyer == null ? null : buyer.name(),
                    buyer == null ? null : buyer.phone(), money, Timestamp.from(doc.updatedAt()), CurrentUser.name());
        } catch (SQLException e) {
            throw Transactions.failure("Cannot record " + doc.number() + " in the till", e);
        }
    }

    /** The document as it stands after commit (with finance's paid amounts). */
    private CounterSale reread(CounterSale s) {
        return new CounterSale(orders.get(s.order().number()), s.method(), s.total(), s.paid(), s.change(), s.moneyNumber(), s.buyer());
    }

    /** The walk-in customer, created the first time a counter sells. */
    private Customer walkIn() {
        return customers.findByCode(WALK_IN).orElseGet(() -> {
            try {
                return customers.create(Customer.of(WALK_IN, "零售散客 Walk-in customer", CustomerStatus.ACTIVE, Channel.RETAIL, null, null, null,
                        null, CustomerSource.OTHER, 0, null));
            } catch (ProblemException raced) {
                return customers.findByCode(WALK_IN).orElseThrow(() -> raced);
            }
        });
    }
}
