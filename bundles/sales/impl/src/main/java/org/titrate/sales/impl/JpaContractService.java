package org.titrate.sales.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerService;
import org.titrate.customers.api.EmployeeService;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.DocumentNumbers;
import org.titrate.platform.api.Money;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.Texts;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.db.JpaPages;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.products.api.ProductService;
import org.titrate.sales.api.Contract;
import org.titrate.sales.api.ContractAction;
import org.titrate.sales.api.ContractAttachment;
import org.titrate.sales.api.ContractChange;
import org.titrate.sales.api.ContractPrice;
import org.titrate.sales.api.ContractProgress;
import org.titrate.sales.api.ContractQuery;
import org.titrate.sales.api.ContractService;
import org.titrate.sales.api.ContractStatus;
import org.titrate.sales.api.OrderStatus;
import org.titrate.sales.api.OrderType;
import org.titrate.sales.api.SalesInvoicing;
import org.titrate.sales.api.SalesSettlements;
import org.titrate.sales.api.Settlement;
import org.titrate.sales.impl.entity.ContractAttachmentEntity;
import org.titrate.sales.impl.entity.ContractEntity;
import org.titrate.sales.impl.entity.ContractHistoryEntity;
import org.titrate.sales.impl.entity.ContractPriceEntity;

/**
 * Sales contracts in the sales unit ({@code SAL_CONTRACT*}); contracts live in sales because orders take their prices
 * while they are written (docs/architecture.md). Signed scans are files under {@code data/titrate/contracts}, named by
 * the attachment's generated id: no name from a client ever reaches the file system.
 */
@Component(service = ContractService.class)
public class JpaContractService implements ContractService {
    /** Orders that count as ordered under a contract (confirmed and later), and those whose goods left. */
    static final List<OrderStatus> ORDERED = List.of(OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.CLOSED);
    static final List<OrderStatus> SHIPPED = List.of(OrderStatus.SHIPPED, OrderStatus.CLOSED);
    /** Returns whose goods came back. */
    static final List<OrderStatus> RECEIVED = List.of(OrderStatus.RECEIVED, OrderStatus.CLOSED);

    @Reference(target = "(osgi.unit.name=titrate-sales)")
    private JpaTemplate jpa;

    @Reference
    private DocumentNumbers numbers;

    @Reference
    private CustomerService customers;

    @Reference
    private EmployeeService employees;

    @Reference
    private ProductService products;

    @Reference
    private EventLog events;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SalesInvoicing invoicing;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SalesSettlements settlements;

    // ---- reading ----

    @Override
    public Page<Contract> find(ContractQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.customerCode() != null) {
            where.add("c.customerCode = :customer");
            params.put("customer", query.customerCode());
        }
        if (query.status() != null) {
            where.add("c.status = :status");
            params.put("status", query.status());
        }
        if (query.salesperson() != null) {
            where.add("c.salesperson = :salesperson");
            params.put("salesperson", query.salesperson());
        }
        if (query.expiringWithinDays() != null) {
            LocalDate today = BusinessClock.today();
            where.add("c.status = :active AND c.validUntil >= :today AND c.validUntil <= :last");
            params.put("active", ContractStatus.ACTIVE);
            params.put("today", Date.valueOf(today));
            params.put("last", Date.valueOf(today.plusDays(query.expiringWithinDays())));
        }
        if (query.q() != null && !query.q().isBlank()) {
            where.add("(LOWER(c.number) LIKE :q ESCAPE '!' OR LOWER(c.customerName) LIKE :q ESCAPE '!')");
            params.put("q", Texts.containsPattern(query.q()));
        }
        String order = query.expiringWithinDays() != null ? "c.validUntil, c.number" : "c.createdAt DESC, c.number DESC";
        return jpa.txExpr(TransactionType.Supports, em -> {
            Page<ContractEntity> page = JpaPages.page(em, ContractEntity.class, "ContractEntity", "c", JpaPages.and(where), order, params,
                    query.page());
            List<Contract> items = assemble(em, page.items());
            return new Page<>(items, page.total(), page.offset(), page.limit());
        });
    }

    @Override
    public Contract get(String idOrNumber) {
        return jpa.txExpr(TransactionType.Supports, em -> assemble(em, List.of(contract(em, idOrNumber))).get(0));
    }

    @Override
    public ContractProgress progress(String idOrNumber) {
        record Orders(ContractEntity contract, Contract terms, List<Object[]> rows, BigDecimal quantity, Object[] returns) {
        }
        Orders o = jpa.txExpr(TransactionType.Supports, em -> {
            ContractEntity c = contract(em, idOrNumber);
            List<Object[]> rows = em.createQuery("SELECT o.number, o.status, o.totalAmount, o.shippedAmount FROM SalesOrderEntity o"
                    + " WHERE o.contractNumber = :number AND o.type = :type AND o.status IN :ordered ORDER BY o.number", Object[].class)
                    .setParameter("number", c.number()).setParameter("type", OrderType.ORDER).setParameter("ordered", ORDERED)
                    .getResultList();
            BigDecimal quantity = em.createQuery("SELECT SUM(l.quantity) FROM OrderLineEntity l, SalesOrderEntity o"
                    + " WHERE l.orderId = o.id AND o.contractNumber = :number AND o.type = :type AND o.status IN :ordered", BigDecimal.class)
                    .setParameter("number", c.number()).setParameter("type", OrderType.ORDER).setParameter("ordered", ORDERED)
                    .getSingleResult();
            // Returns received against those orders: what came back (≤ 0) and what an exchange sent out instead.
            Object[] returns = em.createQuery("SELECT SUM(r.returnedAmount), SUM(r.shippedAmount) FROM SalesOrderEntity r, SalesOrderEntity o"
                    + " WHERE r.sourceOrderNumber = o.number AND r.type = :return AND r.status IN :received AND o.contractNumber = :number"
                    + " AND o.type = :type", Object[].class).setParameter("return", OrderType.RETURN).setParameter("received", RECEIVED)
                    .setParameter("number", c.number()).setParameter("type", OrderType.ORDER).getSingleResult();
            return new Orders(c, c.toRecord(List.of(), List.of(), List.of()), rows, quantity, returns);
        });
        List<String> orderNumbers = o.rows().stream().map(r -> (String) r[0]).toList();
        BigDecimal ordered = Money.of(BigDecimal.ZERO);
        BigDecimal shipped = Money.of(BigDecimal.ZERO);
        for (Object[] r : o.rows()) {
            ordered = ordered.add((BigDecimal) r[2]);
            if (SHIPPED.contains((OrderStatus) r[1])) {
                shipped = shipped.add((BigDecimal) r[3]);
            }
        }
        BigDecimal returned = o.returns() == null || o.returns()[0] == null ? Money.of(BigDecimal.ZERO) : ((BigDecimal) o.returns()[0]).negate();
        BigDecimal replaced = o.returns() == null || o.returns()[1] == null ? Money.of(BigDecimal.ZERO) : (BigDecimal) o.returns()[1];
        shipped = shipped.subtract(returned).add(replaced);
        BigDecimal invoiced = Money.of(BigDecimal.ZERO);
        BigDecimal received = Money.of(BigDecimal.ZERO);
        SalesInvoicing inv = invoicing;
        if (inv != null && !orderNumbers.isEmpty()) {
            for (BigDecimal a : inv.invoiced(orderNumbers).values()) {
                invoiced = invoiced.add(a);
            }
        }
        SalesSettlements fin = settlements;
        if (fin != null && !orderNumbers.isEmpty()) {
            for (Settlement s : fin.settlements(orderNumbers).values()) {
                received = received.add(s.paidAmount());
            }
        }
        Contract t = o.terms();
        BigDecimal quantity = o.quantity() == null ? BigDecimal.ZERO.setScale(OrderRules.QUANTITY_SCALE) : o.quantity();
        return new ContractProgress(t.number(), t.status(), t.currency(), t.agreedAmount(), t.agreedQuantity(), ordered, quantity, shipped,
                Money.of(returned), Money.of(invoiced), Money.of(received), t.agreedAmount() == null ? null : t.agreedAmount().subtract(ordered),
                t.agreedQuantity() == null ? null : t.agreedQuantity().subtract(quantity), orderNumbers);
    }

    // ---- writing ----

    @Override
    public Contract create(Contract input) {
        Contract c = checked(input);
        return jpa.txExpr(TransactionType.Required, em -> {
            String number = c.number() != null ? c.number() : numbers.next("SC");
            if (JpaPages.byKey(em, ContractEntity.class, "number", number).isPresent()) {
                throw new ConflictException("number", "a contract numbered '" + number + "' already exists");
            }
            String user = CurrentUser.name();
            Instant now = JpaSalesSetupService.now();
            ContractEntity e = ContractEntity.create(number, user, now);
            e.apply(c, c.customerName(), user, now);
            em.persist(e);
            writePrices(em, e, c.prices());
            ContractChange change = record(em, e, 1, ContractAction.CREATE, null, user, now, null);
            em.flush();
            return announce(em, e, change);
        });
    }

    @Override
    public Contract update(String idOrNumber, Contract input) {
        long version = Check.version(Check.body(input).version());
        Contract c = checked(input);
        return jpa.txExpr(TransactionType.Required, em -> {
            ContractEntity e = contract(em, idOrNumber);
            if (c.number() != null && !c.number().equals(e.number())) {
                throw new ValidationException("number", "cannot be changed (it is '" + e.number() + "')");
            }
            ConflictException.requireCurrentVersion("Contract", e.number(), e.version(), version);
            if (e.status() != ContractStatus.DRAFT) {
                throw new ConflictException("status", "contract " + e.number() + " is " + e.status() + ": only a draft can be changed");
            }
            String user = CurrentUser.name();
            Instant now = JpaSalesSetupService.now();
            e.apply(c, c.customerName(), user, now);
            em.flush();
            em.createNativeQuery("DELETE FROM SAL_CONTRACT_PRICE WHERE CONTRACT_ID = ?").setParameter(1, e.id()).executeUpdate();
            writePrices(em, e, c.prices());
            ContractChange change = record(em, e, nextSeq(em, e), ContractAction.UPDATE, e.status(), user, now, null);
            em.flush();
            return announce(em, e, change);
        });
    }

    @Override
    public Contract act(String idOrNumber, ContractAction action, String reason, Long version) {
        Check check = new Check();
        String why = check.text("reason", reason, 2000, false);
        check.throwIfInvalid();
        if (action == null || action == ContractAction.CREATE || action == ContractAction.UPDATE || action == ContractAction.ATTACH) {
            throw new ValidationException("action", "must be one of ACTIVATE, EXPIRE, TERMINATE");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            ContractEntity e = contract(em, idOrNumber);
            if (version != null) {
                ConflictException.requireCurrentVersion("Contract", e.number(), e.version(), version);
            }
            ContractStatus from = e.status();
            ContractStatus to = ContractRules.next(from, action, e.validUntil(), BusinessClock.today(), why);
            String user = CurrentUser.name();
            Instant now = JpaSalesSetupService.now();
            e.moveTo(to, user, now);
            em.flush(); // the version check first: of two clients acting at once only one gets past it
            ContractChange change = record(em, e, nextSeq(em, e), action, from, user, now, why);
            em.flush();
            return announce(em, e, change);
        });
    }

    @Override
    public ContractAttachment attach(String idOrNumber, String fileName, InputStream content) {
        if (content == null) {
            throw new ValidationException("file", "is required: the signed scan (PDF, PNG or JPEG) as the request body");
        }
        Path dir = storage();
        String id = UUID.randomUUID().toString();
        Path temp = dir.resolve(id + ".part");
        try {
            Files.createDirectories(dir);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[16];
            int headLength;
            long size;
            try (InputStream in = content; OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                headLength = in.readNBytes(head, 0, head.length);
                out.write(head, 0, headLength);
                size = headLength + copyAtMost(in, out, MAX_ATTACHMENT_BYTES - headLength + 1);
            }
            if (size > MAX_ATTACHMENT_BYTES) {
                throw new ValidationException("file", "is larger than " + MAX_ATTACHMENT_BYTES / (1024 * 1024) + " MB");
            }
            if (size == 0) {
                throw new ValidationException("file", "is empty");
            }
            String type = ContractRules.sniff(head, headLength);
            if (type == null) {
                throw new ValidationException("file", "is not a PDF, PNG or JPEG file (judged by its content, not its name)");
            }
            String name = ContractRules.displayName(fileName, type);
            String digest = HexFormat.of().formatHex(sha.digest());
            return jpa.txExpr(TransactionType.Required, em -> {
                ContractEntity e = contract(em, idOrNumber);
                String user = CurrentUser.name();
                Instant now = JpaSalesSetupService.now();
                ContractAttachmentEntity a = ContractAttachmentEntity.of(id, e.id(), name, type, size, digest, user, now);
                em.persist(a);
                e.touch(user, now);
                em.flush();
                ContractChange change = record(em, e, nextSeq(em, e), ContractAction.ATTACH, e.status(), user, now, name);
                em.flush();
                move(temp, dir.resolve(id));
                appendEvent(e.toRecord(List.of(), List.of(), List.of()), change);
                return a.toRecord();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the attachment", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a left-over .part file is never served and is overwritten by nothing
            }
        }
    }

    @Override
    public Download download(String idOrNumber, String attachmentId) {
        ContractAttachment a = jpa.txExpr(TransactionType.Supports, em -> {
            ContractEntity e = contract(em, idOrNumber);
            ContractAttachmentEntity found = attachmentId == null ? null : em.find(ContractAttachmentEntity.class, attachmentId);
            if (found == null || !found.contractId().equals(e.id())) {
                throw new NotFoundException("Attachment", attachmentId);
            }
            return found.toRecord();
        });
        try {
            // The id came from the database (a UUID we generated), never from the request path alone.
            return new Download(a, Files.newInputStream(storage().resolve(a.id())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read attachment " + a.id(), e);
        }
    }

    // ---- orders ----

    /**
     * The agreed prices an order of {@code customerCode} in {@code currency} on {@code day} takes from contract
     * {@code number}, read in the caller's unit; refusals go to {@code check} (400 naming {@code contractNumber}). Two
     * queries: the header, the prices.
     */
    static Map<String, BigDecimal> pricesForOrder(EntityManager em, Check check, String number, String customerCode, String currency,
            LocalDate day) {
        ContractEntity c = usable(em, check, number, customerCode, currency, day);
        if (c == null) {
            return Map.of();
        }
        return em.createQuery("SELECT p FROM ContractPriceEntity p WHERE p.contractId = :id", ContractPriceEntity.class)
                .setParameter("id", c.id()).getResultList().stream().map(ContractPriceEntity::toRecord)
                .collect(Collectors.toMap(ContractPrice::sku, ContractPrice::unitPrice));
    }

    /** The contract an order may be made under on {@code day}; null (with what is wrong in {@code check}) otherwise. */
    static ContractEntity usable(EntityManager em, Check check, String number, String customerCode, String currency, LocalDate day) {
        ContractEntity c = JpaPages.byKey(em, ContractEntity.class, "number", number).orElse(null);
        if (c == null) {
            check.fail("contractNumber", "unknown contract '" + number + "'");
            return null;
        }
        int before = check.errors().size();
        ContractRules.requireUsable(check, c.number(), c.status(), c.customerCode(), c.currency(), c.validFrom(), c.validUntil(),
                customerCode, currency, day);
        return check.errors().size() > before ? null : c;
    }

    // ---- helpers ----

    /** Validated terms with the customer's name, the salesperson defaulted to the customer's and checked. */
    private Contract checked(Contract input) {
        Contract in = Check.body(input);
        Contract c = ContractRules.validate(in, products.findBySkus(in.prices() == null ? List.of()
                : in.prices().stream().filter(p -> p != null && p.sku() != null).map(p -> p.sku().strip()).collect(Collectors.toSet())));
        Customer customer = customers.findByCode(c.customerCode())
                .orElseThrow(() -> new ValidationException("customerCode", "unknown customer '" + c.customerCode() + "'"));
        String salesperson = c.salesperson() != null ? employees.requireActive("salesperson", c.salesperson()) : customer.salesperson();
        int terms = c.paymentTermDays() != null ? c.paymentTermDays() : customer.paymentTermDays() == null ? 0 : customer.paymentTermDays();
        return new Contract(null, c.number(), customer.code(), customer.name(), null, c.signingDate(), c.validFrom(), c.validUntil(),
                salesperson, terms, c.paymentTerms(), c.currency(), c.agreedAmount(), c.agreedQuantity(), c.notes(), c.prices(), List.of(),
                List.of(), c.version(), null, null, null, null);
    }

    private static void writePrices(EntityManager em, ContractEntity e, List<ContractPrice> prices) {
        for (int i = 0; i < prices.size(); i++) {
            em.persist(ContractPriceEntity.of(e.id(), i + 1, prices.get(i)));
        }
    }

    private static int nextSeq(EntityManager em, ContractEntity e) {
        Integer max = em.createQuery("SELECT MAX(h.seq) FROM ContractHistoryEntity h WHERE h.contractId = :id", Integer.class)
                .setParameter("id", e.id()).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    private static ContractChange record(EntityManager em, ContractEntity e, int seq, ContractAction action, ContractStatus from,
            String user, Instant now, String reason) {
        ContractHistoryEntity h = ContractHistoryEntity.of(e.id(), seq, action, from, e.status(), user, now, reason);
        em.persist(h);
        return h.toRecord();
    }

    private Contract announce(EntityManager em, ContractEntity e, ContractChange change) {
        Contract result = assemble(em, List.of(e)).get(0);
        appendEvent(result, change);
        return result;
    }

    /** Appends the change to the platform's event log, in its transaction, like every sales document. */
    private void appendEvent(Contract c, ContractChange change) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("contractNumber", c.number());
        facts.put("customerCode", c.customerCode());
        facts.put("action", change.action().name());
        facts.put("fromStatus", change.fromStatus() == null ? null : change.fromStatus().name());
        facts.put("toStatus", change.toStatus().name());
        facts.put("reason", change.reason());
        events.append(TOPIC_PREFIX + change.action().name(), c.number(), change.by(), facts);
    }

    private static List<Contract> assemble(EntityManager em, List<ContractEntity> contracts) {
        if (contracts.isEmpty()) {
            return List.of();
        }
        List<String> ids = contracts.stream().map(ContractEntity::id).toList();
        Map<String, List<ContractPrice>> prices = new HashMap<>();
        em.createQuery("SELECT p FROM ContractPriceEntity p WHERE p.contractId IN :ids ORDER BY p.contractId, p.lineNo",
                ContractPriceEntity.class).setParameter("ids", ids).getResultList()
                .forEach(p -> prices.computeIfAbsent(p.contractId(), k -> new ArrayList<>()).add(p.toRecord()));
        Map<String, List<ContractChange>> history = new HashMap<>();
        em.createQuery("SELECT h FROM ContractHistoryEntity h WHERE h.contractId IN :ids ORDER BY h.contractId, h.seq",
                ContractHistoryEntity.class).setParameter("ids", ids).getResultList()
                .forEach(h -> history.computeIfAbsent(h.contractId(), k -> new ArrayList<>()).add(h.toRecord()));
        Map<String, List<ContractAttachment>> files = new HashMap<>();
        em.createQuery("SELECT a FROM ContractAttachmentEntity a WHERE a.contractId IN :ids ORDER BY a.contractId, a.uploadedAt",
                ContractAttachmentEntity.class).setParameter("ids", ids).getResultList()
                .forEach(a -> files.computeIfAbsent(a.contractId(), k -> new ArrayList<>()).add(a.toRecord()));
        return contracts.stream().map(c -> c.toRecord(prices.getOrDefault(c.id(), List.of()), history.getOrDefault(c.id(), List.of()),
                files.getOrDefault(c.id(), List.of()))).toList();
    }

    private static ContractEntity contract(EntityManager em, String idOrNumber) {
        return JpaPages.byKeyOrId(em, ContractEntity.class, "number", idOrNumber)
                .orElseThrow(() -> new NotFoundException("Contract", idOrNumber));
    }

    private static Path storage() {
        return Path.of(System.getProperty("karaf.data", "data"), "titrate", "contracts");
    }

    /** Copies at most {@code limit} bytes; returns how many were copied (reaching the limit means the input was longer). */
    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        while (copied < limit) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the attachment", e);
        }
    }
}
