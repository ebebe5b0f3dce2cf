package org.titrate.sales.impl;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerService;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.Money;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.db.MissingRows;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.sales.api.CreditService;
import org.titrate.sales.api.CustomerCredit;
import org.titrate.sales.api.CustomerReceivables;
import org.titrate.sales.api.CustomerReceivables.Owed;

/**
 * Credit limits. A confirm first takes the customer's credit lock (a row of {@code SAL_CREDIT_LOCK} per customer and
 * currency, before the order's own row), then reads the confirmed orders not shipped and what finance says is owed:
 * two confirms of one customer queue on that row, so the second sees the first's order. Shipments do not take it (an
 * order moves from "not shipped" to "owed" in one transaction; a confirm that reads both in between counts it twice at
 * worst, never not at all).
 */
@Component(service = {CreditLimits.class, CreditService.class}, configurationPid = CreditLimits.PID)
@Designate(ocd = CreditLimits.Config.class)
public class CreditLimits implements CreditService {
    public static final String PID = "org.titrate.sales.credit";
    private static final Owed NOTHING = new Owed(BigDecimal.ZERO, BigDecimal.ZERO, null);

    @ObjectClassDefinition(name = "Titrate credit limits", description = "What blocks confirming an order besides the credit limit")
    public @interface Config {
        @AttributeDefinition(description = "Debts more than this many days past due block new orders of the customer (0: they do not)")
        int overdueDays() default 0;
    }

    @Reference(target = "(osgi.unit.name=titrate-sales)")
    private JpaTemplate jpa;

    @Reference
    private CustomerService customers;

    @Reference
    private MissingRows missingRows;

    /** Also runs the sales schema migrations. */
    @Reference
    private org.titrate.sales.api.SalesSetupService setup;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CustomerReceivables receivables;

    private volatile int overdueDays;

    @Activate
    @Modified
    void apply(Config config) {
        overdueDays = Math.max(0, config.overdueDays());
    }

    @Override
    public CustomerCredit credit(String customerCode) {
        Customer c = customers.findByCode(customerCode).orElseThrow(() -> new NotFoundException("Customer", customerCode));
        String currency = currencyOf(c);
        return jpa.txExpr(TransactionType.Supports, em -> {
            BigDecimal unshipped = unshipped(em, c.code(), currency, null);
            Owed owed = owed(c.code(), currency, BusinessClock.today());
            BigDecimal exposure = CreditRules.exposure(owed.open(), unshipped, null);
            BigDecimal limit = CreditRules.limitOf(c.creditLimit());
            return new CustomerCredit(c.code(), currency, limit, Money.of(owed.open()), Money.of(unshipped), exposure,
                    CreditRules.available(limit, exposure), Money.of(owed.overdue()), owed.oldestDueDate(), overdueDays);
        });
    }

    /**
     * Checks, inside the confirm's transaction and before the order's row is written, that confirming {@code total}
     * in {@code currency} keeps {@code customer} within its limit and free of old debts. Returns what the history
     * records when {@code override} let it pass (null when nothing was overridden); throws 409 otherwise.
     */
    String check(EntityManager em, Customer customer, String orderId, String currency, BigDecimal total, boolean override) {
        if (customer == null) {
            return null;
        }
        BigDecimal limit = currency.equals(currencyOf(customer)) ? CreditRules.limitOf(customer.creditLimit()) : null;
        int days = overdueDays;
        LocalDate dueBefore = CreditRules.blockingDueBefore(BusinessClock.today(), days);
        if (limit == null && dueBefore == null) {
            return null; // no limit, no overdue rule: no statement at all
        }
        lock(em, customer.code(), currency);
        Owed owed = owed(customer.code(), currency, dueBefore == null ? BusinessClock.today() : dueBefore);
        String refusal = null;
        String field = null;
        if (limit != null) {
            BigDecimal exposure = CreditRules.exposure(owed.open(), unshipped(em, customer.code(), currency, orderId), total);
            if (CreditRules.exceeds(limit, exposure)) {
                field = "creditLimit";
                refusal = CreditRules.overLimit(customer.code(), exposure, limit, currency);
            }
        }
        if (refusal == null && dueBefore != null && owed.overdue() != null && owed.overdue().signum() > 0) {
            field = "overdue";
            refusal = CreditRules.overdue(customer.code(), Money.of(owed.overdue()), owed.oldestDueDate(), days, currency);
        }
        if (refusal == null) {
            return null;
        }
        if (!override) {
            throw new ConflictException(field, refusal);
        }
        return "credit check overridden: " + refusal;
    }

    /** The customer's limit is in its own currency (the house currency when it has none). */
    private static String currencyOf(Customer c) {
        return c.currency() != null ? c.currency() : Money.DEFAULT_CURRENCY;
    }

    private Owed owed(String customerCode, String currency, LocalDate dueBefore) {
        CustomerReceivables finance = receivables;
        Owed owed = finance == null ? null : finance.owed(customerCode, currency, dueBefore);
        return owed == null ? NOTHING : owed;
    }

    private static BigDecimal unshipped(EntityManager em, String customerCode, String currency, String exceptOrderId) {
        Object sum = em.createNativeQuery("SELECT SUM(TOTAL_AMOUNT) FROM SAL_ORDER WHERE CUSTOMER_CODE = ? AND CURRENCY = ?"
                + " AND ORDER_TYPE = 'ORDER' AND STATUS = 'CONFIRMED' AND ID <> ?")
                .setParameter(1, customerCode).setParameter(2, currency).setParameter(3, exceptOrderId == null ? "" : exceptOrderId)
                .getSingleResult();
        return sum == null ? BigDecimal.ZERO : new BigDecimal(sum.toString());
    }

    /** Takes the customer's credit lock until the transaction ends (the row is created outside it the first time). */
    private void lock(EntityManager em, String customerCode, String currency) {
        for (int attempt = 0; attempt < 2; attempt++) {
            int locked = em.createNativeQuery("UPDATE SAL_CREDIT_LOCK SET LOCKED_AT = ? WHERE CUSTOMER_CODE = ? AND CURRENCY = ?")
                    .setParameter(1, Timestamp.from(Instant.now())).setParameter(2, customerCode).setParameter(3, currency).executeUpdate();
            if (locked == 1) {
                return;
            }
            missingRows.insertIfAbsent("INSERT INTO SAL_CREDIT_LOCK (CUSTOMER_CODE, CURRENCY, LOCKED_AT) VALUES (?, ?, ?)", customerCode,
                    currency, Timestamp.from(Instant.EPOCH));
        }
        throw new IllegalStateException("The credit lock of " + customerCode + " " + currency + " cannot be created");
    }
}
