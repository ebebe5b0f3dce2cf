package org.titrate.invoicing.impl;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerService;
import org.titrate.customers.api.CustomerTaxData;
import org.titrate.customers.api.CustomerTaxService;
import org.titrate.invoicing.api.Invoice;
import org.titrate.invoicing.api.InvoiceChange;
import org.titrate.invoicing.api.InvoiceKind;
import org.titrate.invoicing.api.InvoiceLine;
import org.titrate.invoicing.api.InvoiceProgress;
import org.titrate.invoicing.api.InvoiceQuery;
import org.titrate.invoicing.api.InvoiceRequest;
import org.titrate.invoicing.api.InvoiceService;
import org.titrate.invoicing.api.InvoiceStatus;
import org.titrate.invoicing.api.InvoiceType;
import org.titrate.invoicing.api.ImportedRow;
import org.titrate.invoicing.api.ImportedRow.Outcome;
import org.titrate.invoicing.api.InvoicingEvents;
import org.titrate.invoicing.api.Issue;
import org.titrate.invoicing.api.IssueImport;
import org.titrate.invoicing.api.RedRequest;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.DocumentNumbers;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.ProblemException;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.events.LoggedEvent;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.products.api.Product;
import org.titrate.products.api.ProductService;
import org.titrate.products.api.ProductTax;
import org.titrate.products.api.ProductTaxService;
import org.titrate.sales.api.Direction;
import org.titrate.sales.api.PostingKind;
import org.titrate.sales.api.PostingLine;
import org.titrate.sales.api.SalesInvoicing;
import org.titrate.sales.api.SalesPosting;
import org.titrate.sales.api.SalesPostingListener;

/**
 * Invoices on plain JDBC: the shipped quantities are recorded inside sales' posting transaction (a listener must not
 * bring an entity manager there, docs/persistence.md), and requests, issuing and red invoices work on the same rows.
 *
 * <p>Nothing is invoiced twice: a sales order line keeps what requests hold ({@code REQUESTED_QTY}), raised by a
 * conditional update that only succeeds while it stays within shipped minus returned, so of two racing requests the
 * second finds the first's quantity and is refused naming the line. A red invoice locks the original's lines (an
 * update first, then the read) before it takes its quantity, so two racing red requests queue and the second sees the
 * first's reversal.
 */
@Component(service = {InvoiceService.class, SalesInvoicing.class, SalesPostingListener.class})
public class JdbcInvoiceService implements InvoiceService, SalesInvoicing, SalesPostingListener {
    private static final String SERIES = "IV";
    private static final String HEADER = "ID, NUMBER, KIND, INVOICE_TYPE, STATUS, CUSTOMER_CODE, BUYER_NAME, BUYER_TAX_ID, BUYER_ADDRESS_PHONE,"
            + " BUYER_BANK_ACCOUNT, CURRENCY, ORIGINAL_ID, RETURN_NUMBER, REASON, COMMENT_TEXT, INVOICE_NUMBER, INVOICE_CODE, ISSUE_DATE,"
            + " AMOUNT, TAX, AMOUNT_INCLUSIVE, VERSION, REQUESTED_AT, REQUESTED_BY, ISSUED_AT, ISSUED_BY, CANCELLED_AT, CANCELLED_BY";
    private static final String LINE = "ID, INVOICE_ID, LINE_NO, ORDER_LINE_ID, ORDER_NUMBER, ORDER_LINE_NO, SKU, PRODUCT_NAME, TAX_CODE,"
            + " SPECIFICATION, UNIT, QUANTITY, UNIT_PRICE, AMOUNT, TAX_RATE, TAX, AMOUNT_INCLUSIVE, ORIGINAL_LINE_ID, REVERSED_QTY,"
            + " REVERSED_AMOUNT, REVERSED_TAX";
    private static final String ORDER_LINE = "ID, ORDER_NUMBER, LINE_NO, CUSTOMER_CODE, CURRENCY, SKU, UNIT_PRICE, SHIPPED_QTY,"
            + " RETURNED_QTY, REQUESTED_QTY";
    private static final int CHUNK = 500;

    @Reference(target = "(titrate.schema=invoicing)")
    private DataSource dataSource;

    @Reference
    private TransactionManager transactions;

    @Reference
    private EventLog events;

    @Reference
    private DocumentNumbers numbers;

    @Reference
    private ProductService products;

    @Reference
    private ProductTaxService productTaxes;

    @Reference
    private CustomerService customers;

    @Reference
    private CustomerTaxService customerTaxes;

    @Reference
    private InvoiceLimits limits;

    // ---- rows -------------------------------------------------------------------------------------------------

    /** A sales order line as invoicing knows it. */
    record OrderLine(String id, String orderNumber, int lineNo, String customerCode, String currency, String sku, BigDecimal unitPrice,
            BigDecimal shipped, BigDecimal returned, BigDecimal requested) {
        BigDecimal open() {
            return shipped.subtract(returned).subtract(requested);
        }
    }

    private static OrderLine orderLine(ResultSet rs) throws SQLException {
        return new OrderLine(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10));
    }

    /** An invoice line with its ids and what red invoices took back of it. */
    record StoredLine(String id, String invoiceId, String orderLineId, String originalLineId, BigDecimal reversedQty,
            BigDecimal reversedAmount, BigDecimal reversedTax, InvoiceLine line) {
    }

    private static StoredLine storedLine(ResultSet rs) throws SQLException {
        return new StoredLine(rs.getString(1), rs.getString(2), rs.getString(4), rs.getString(18), rs.getBigDecimal(19), rs.getBigDecimal(20),
                rs.getBigDecimal(21), new InvoiceLine(rs.getInt(3), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getBigDecimal(14),
                        rs.getBigDecimal(15).stripTrailingZeros(), rs.getBigDecimal(16), rs.getBigDecimal(17), null));
    }

    private static Invoice header(ResultSet rs) throws SQLException {
        return new Invoice(rs.getString(1), rs.getString(2), InvoiceKind.valueOf(rs.getString(3)), InvoiceType.valueOf(rs.getString(4)),
                InvoiceStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                Sql.date(rs, 18), rs.getBigDecimal(19), rs.getBigDecimal(20), rs.getBigDecimal(21), List.of(), rs.getLong(22),
                Sql.instant(rs, 23), rs.getString(24), Sql.instant(rs, 25), rs.getString(26), Sql.instant(rs, 27), rs.getString(28));
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    @Override
    public Page<Invoice> find(InvoiceQuery q) {
        Sql filter = new Sql().and("CUSTOMER_CODE = ?", q.customerCode()).and("KIND = ?", q.kind()).and("STATUS = ?", q.status())
                .and("ID IN (SELECT INVOICE_ID FROM IVC_INVOICE_LINE WHERE ORDER_NUMBER = ?)", q.orderNumber());
        Page<Invoice> page = filter.page(dataSource, "SELECT " + HEADER, "FROM IVC_INVOICE", "REQUESTED_AT DESC, NUMBER DESC",
                q.page() == null ? new PageRequest(0, PageRequest.DEFAULT_LIMIT) : q.page(), JdbcInvoiceService::header, "invoices");
        try (Connection c = dataSource.getConnection()) {
            return new Page<>(assemble(c, page.items()), page.total(), page.offset(), page.limit());
        } catch (SQLException e) {
            throw Transactions.failure("Cannot list invoices", e);
        }
    }

    @Override
    public Invoice get(String number) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, number);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read invoice " + number, e);
        }
    }

    private Invoice read(Connection c, String number) throws SQLException {
        // One indexed lookup after the other (an OR of three columns would scan the table): ours, the id, the tax system's.
        List<Invoice> found = List.of();
        for (String column : new String[] {"NUMBER", "ID", "INVOICE_NUMBER"}) {
            found = Sql.list(c, "SELECT " + HEADER + " FROM IVC_INVOICE WHERE " + column + " = ?", List.of(number), JdbcInvoiceService::header);
            if (!found.isEmpty()) {
                break;
            }
        }
        if (found.isEmpty()) {
            throw new NotFoundException("Invoice", number);
        }
        return assemble(c, found.subList(0, 1)).get(0);
    }

    /** By our internal id only (a single indexed lookup): for ids we hold ourselves, never for what a client sent. */
    private Invoice readById(Connection c, String id) throws SQLException {
        List<Invoice> found = Sql.list(c, "SELECT " + HEADER + " FROM IVC_INVOICE WHERE ID = ?", List.of(id), JdbcInvoiceService::header);
        if (found.isEmpty()) {
            throw new NotFoundException("Invoice", id);
        }
        return assemble(c, found.subList(0, 1)).get(0);
    }

    /** The invoices with their lines; red lines name the original's line number, red invoices the original's number. */
    private List<Invoice> assemble(Connection c, List<Invoice> headers) throws SQLException {
        if (headers.isEmpty()) {
            return headers;
        }
        Map<String, List<StoredLine>> lines = new HashMap<>();
        List<Object> ids = new ArrayList<>(headers.stream().map(Invoice::id).toList());
        for (StoredLine l : Sql.list(c, "SELECT " + LINE + " FROM IVC_INVOICE_LINE WHERE INVOICE_ID IN (" + Sql.marks(ids.size())
                + ") ORDER BY INVOICE_ID, LINE_NO", ids, JdbcInvoiceService::storedLine)) {
            lines.computeIfAbsent(l.invoiceId(), k -> new ArrayList<>()).add(l);
        }
        List<Object> originals = new ArrayList<>(headers.stream().map(Invoice::originalNumber).filter(o -> o != null).distinct().toList());
        Map<String, String> originalNumbers = new HashMap<>();
        Map<String, Integer> originalLineNos = new HashMap<>();
        if (!originals.isEmpty()) {
            for (String[] r : Sql.list(c, "SELECT ID, NUMBER FROM IVC_INVOICE WHERE ID IN (" + Sql.marks(originals.size()) + ")", originals,
                    rs -> new String[] {rs.getString(1), rs.getString(2)})) {
                originalNumbers.put(r[0], r[1]);
            }
            for (Object[] r : Sql.list(c, "SELECT ID, LINE_NO FROM IVC_INVOICE_LINE WHERE INVOICE_ID IN (" + Sql.marks(originals.size()) + ")",
                    originals, rs -> new Object[] {rs.getString(1), rs.getInt(2)})) {
                originalLineNos.put((String) r[0], (Integer) r[1]);
            }
        }
        List<Invoice> out = new ArrayList<>();
        for (Invoice h : headers) {
            List<InvoiceLine> ls = lines.getOrDefault(h.id(), List.of()).stream().map(s -> s.originalLineId() == null ? s.line()
                    : withOriginal(s.line(), originalLineNos.get(s.originalLineId()))).toList();
            out.add(new Invoice(h.id(), h.number(), h.kind(), h.type(), h.status(), h.customerCode(), h.buyerName(), h.buyerTaxId(),
                    h.buyerAddressPhone(), h.buyerBankAccount(), h.currency(), h.originalNumber() == null ? null
                            : originalNumbers.get(h.originalNumber()), h.returnNumber(), h.reason(), h.comment(), h.invoiceNumber(),
                    h.invoiceCode(), h.issueDate(), h.amount(), h.tax(), h.amountInclusive(), ls, h.version(), h.requestedAt(),
                    h.requestedBy(), h.issuedAt(), h.issuedBy(), h.cancelledAt(), h.cancelledBy()));
        }
        return out;
    }

    private static InvoiceLine withOriginal(InvoiceLine l, Integer originalLineNo) {
        return new InvoiceLine(l.lineNo(), l.orderNumber(), l.orderLineNo(), l.sku(), l.productName(), l.taxCode(), l.specification(),
                l.unit(), l.quantity(), l.unitPrice(), l.amount(), l.taxRate(), l.tax(), l.amountInclusive(), originalLineNo);
    }

    // ---- sales postings ---------------------------------------------------------------------------------------

    /** Whether the sales document was recorded already, by the listener or the backfill (once per document). */
    static boolean recorded(Connection c, String documentNumber) throws SQLException {
        return !Sql.list(c, "SELECT KIND FROM IVC_POSTED WHERE DOCUMENT_NUMBER = ?", List.of(documentNumber), rs -> rs.getString(1)).isEmpty();
    }

    /**
     * Records the shipped lines of a shipment (and the replacements of an exchange) in one batch; a received return
     * against an order adds the returned quantities to that order's lines and proposes red invoices where more is
     * invoiced than now remains shipped.
     */
    @Override
    public void posted(SalesPosting p) {
        try (Connection c = dataSource.getConnection()) {
            // Once per document: the backfill hands over what the listener may have recorded already.
            if (recorded(c, p.orderNumber())) {
                return;
            }
            Sql.update(c, "INSERT INTO IVC_POSTED (DOCUMENT_NUMBER, KIND, RECORDED_AT) VALUES (?, ?, ?)", p.orderNumber(), p.kind(),
                    BusinessClock.now());
            List<PostingLine> shipped = p.lines().stream().filter(l -> l.direction() == Direction.SHIP && l.quantity().signum() > 0).toList();
            if (!shipped.isEmpty()) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO IVC_ORDER_LINE (ID, ORDER_NUMBER, LINE_NO, CUSTOMER_CODE,"
                        + " CURRENCY, ORDER_DATE, SKU, UNIT_PRICE, SHIPPED_QTY, SHIPPED_AMOUNT, RETURNED_QTY, RETURNED_AMOUNT, REQUESTED_QTY,"
                        + " REQUESTED_AMOUNT, INVOICED_AMOUNT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0)")) {
                    for (PostingLine l : shipped) {
                        Sql.bind(insert, List.of(UUID.randomUUID().toString(), p.orderNumber(), l.lineNo(), p.customerCode(), p.currency(),
                                p.orderDate(), l.sku(), l.unitPrice(), l.quantity(), l.amount()));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            if (p.kind() == PostingKind.RETURN_RECEIPT && p.sourceOrderNumber() != null) {
                returned(c, p);
            }
        } catch (SQLException e) {
            throw Transactions.failure("Cannot record " + p.orderNumber() + " for invoicing", e);
        }
    }

    private void returned(Connection c, SalesPosting p) throws SQLException {
        List<String> touched = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (PostingLine l : p.lines()) {
            if (l.direction() != Direction.RETURN || l.quantity().signum() == 0) {
                continue;
            }
            if (l.reasonCode() != null && !reasons.contains(l.reasonCode())) {
                reasons.add(l.reasonCode());
            }
            List<OrderLine> rows = Sql.list(c, "SELECT " + ORDER_LINE + " FROM IVC_ORDER_LINE WHERE ORDER_NUMBER = ? AND SKU = ? ORDER BY LINE_NO",
                    List.of(p.sourceOrderNumber(), l.sku()), JdbcInvoiceService::orderLine);
            BigDecimal left = l.quantity().abs();
            for (int i = 0; i < rows.size() && left.signum() > 0; i++) {
                OrderLine row = rows.get(i);
                BigDecimal take = i == rows.size() - 1 ? left : left.min(row.shipped().subtract(row.returned()).max(BigDecimal.ZERO));
                if (take.signum() == 0) {
                    continue;
                }
                Sql.update(c, "UPDATE IVC_ORDER_LINE SET RETURNED_QTY = RETURNED_QTY + ?, RETURNED_AMOUNT = RETURNED_AMOUNT + ? WHERE ID = ?",
                        take, take.multiply(l.unitPrice()).setScale(2, RoundingMode.HALF_UP), row.id());
                touched.add(row.id());
                left = left.subtract(take);
            }
        }
        proposeRed(c, touched, p.orderNumber(), "退货 Return " + p.orderNumber() + (reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")"),
                p.postedBy());
    }

    /** Where requests hold more of a line than remains shipped, red invoices against its issued invoices, newest first. */
    private void proposeRed(Connection c, List<String> orderLineIds, String returnNumber, String reason, String user) throws SQLException {
        Map<String, Map<String, BigDecimal>> byInvoice = new LinkedHashMap<>();
        for (String id : orderLineIds.stream().distinct().sorted().toList()) {
            Sql.update(c, "UPDATE IVC_ORDER_LINE SET REQUESTED_QTY = REQUESTED_QTY WHERE ID = ?", id);
            OrderLine row = Sql.list(c, "SELECT " + ORDER_LINE + " FROM IVC_ORDER_LINE WHERE ID = ?", List.of(id), JdbcInvoiceService::orderLine)
                    .get(0);
            BigDecimal over = row.open().negate();
            if (over.signum() <= 0) {
                continue;
            }
            for (Object[] r : Sql.list(c, "SELECT l.ID, l.INVOICE_ID, l.QUANTITY - l.REVERSED_QTY FROM IVC_INVOICE_LINE l JOIN IVC_INVOICE i"
                    + " ON i.ID = l.INVOICE_ID WHERE l.ORDER_LINE_ID = ? AND i.KIND = 'BLUE' AND i.STATUS = 'ISSUED' AND l.QUANTITY > l.REVERSED_QTY"
                    + " ORDER BY i.ISSUED_AT DESC", List.of(id), rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getBigDecimal(3)})) {
                BigDecimal take = over.min((BigDecimal) r[2]);
                byInvoice.computeIfAbsent((String) r[1], k -> new LinkedHashMap<>()).put((String) r[0], take);
                over = over.subtract(take);
                if (over.signum() <= 0) {
                    break;
                }
            }
        }
        for (Map.Entry<String, Map<String, BigDecimal>> e : byInvoice.entrySet()) {
            Invoice original = readById(c, e.getKey());
            List<String> fields = new ArrayList<>(Collections.nCopies(e.getValue().size(), "lines"));
            red(c, original, e.getValue(), fields, reason, returnNumber, user);
        }
    }

    // ---- requests ---------------------------------------------------------------------------------------------

    @Override
    public Invoice request(InvoiceRequest body) {
        Check.body(body);
        Check check = new Check();
        String customerCode = check.code("customerCode", body.customerCode(), true);
        check.required("type", body.type());
        String comment = check.text("comment", body.comment(), 1000, false);
        List<String> orders = body.orderNumbers() == null ? List.of() : body.orderNumbers();
        List<InvoiceRequest.Line> lines = body.lines() == null ? List.of() : body.lines();
        if (orders.isEmpty() && lines.isEmpty()) {
            check.fail("orderNumbers", "name the shipped orders (orderNumbers) or order lines (lines) to invoice");
        }
        for (int i = 0; i < orders.size(); i++) {
            check.text("orderNumbers[" + i + "]", orders.get(i), 40, true);
        }
        for (int i = 0; i < lines.size(); i++) {
            InvoiceRequest.Line l = lines.get(i);
            if (l == null) {
                check.fail("lines[" + i + "]", "is required");
                continue;
            }
            check.text("lines[" + i + "].orderNumber", l.orderNumber(), 40, true);
            check.required("lines[" + i + "].lineNo", l.lineNo());
            check.decimal("lines[" + i + "].quantity", l.quantity(), new BigDecimal("0.001"), null, 3, false);
        }
        check.throwIfInvalid();
        Customer customer = customers.get(customerCode);
        CustomerTaxData buyer = customerTaxes.get(customer.code());
        if (body.type() == InvoiceType.SPECIAL && (buyer.taxId() == null || buyer.addressPhone() == null || buyer.bankAccount() == null)) {
            throw new ValidationException("customerCode", "a special VAT invoice (专票) needs the buyer's name, tax id, address and phone,"
                    + " bank and account; customer " + customer.code() + " lacks some: set them under /customers/" + customer.code() + "/tax-data");
        }
        String user = CurrentUser.name();
        return Transactions.required(transactions, () -> {
            try (Connection c = dataSource.getConnection()) {
                // What to invoice, each sales order line once, with the field that named it and the quantity asked (null: all open).
                Map<String, OrderLine> rows = new LinkedHashMap<>();
                Map<String, String> fieldOf = new HashMap<>();
                Map<String, BigDecimal> asked = new HashMap<>();
                for (int i = 0; i < orders.size(); i += CHUNK) {
                    List<String> part = orders.subList(i, Math.min(orders.size(), i + CHUNK)).stream().map(String::strip).toList();
                    for (OrderLine r : Sql.list(c, "SELECT " + ORDER_LINE + " FROM IVC_ORDER_LINE WHERE ORDER_NUMBER IN (" + Sql.marks(part.size())
                            + ") ORDER BY ORDER_NUMBER, LINE_NO", new ArrayList<>(part), JdbcInvoiceService::orderLine)) {
                        rows.put(r.id(), r);
                        fieldOf.put(r.id(), "orderNumbers[" + (i + part.indexOf(r.orderNumber())) + "]");
                    }
                    for (int j = 0; j < part.size(); j++) {
                        String n = part.get(j);
                        if (rows.values().stream().noneMatch(r -> r.orderNumber().equals(n))) {
                            throw new ConflictException("orderNumbers[" + (i + j) + "]", "order " + n + " has no shipped goods to invoice");
                        }
                    }
                }
                for (int i = 0; i < lines.size(); i++) {
                    InvoiceRequest.Line l = lines.get(i);
                    String f = "lines[" + i + "]";
                    OrderLine r = Sql.list(c, "SELECT " + ORDER_LINE + " FROM IVC_ORDER_LINE WHERE ORDER_NUMBER = ? AND LINE_NO = ?",
                            List.of(l.orderNumber().strip(), l.lineNo()), JdbcInvoiceService::orderLine).stream().findFirst()
                            .orElseThrow(() -> new ConflictException(f, "order " + l.orderNumber() + " has no shipped line " + l.lineNo()));
                    rows.put(r.id(), r);
                    fieldOf.put(r.id(), f);
                    asked.put(r.id(), l.quantity());
                }
                String currency = null;
                for (OrderLine r : rows.values()) {
                    if (!r.customerCode().equals(customer.code())) {
                        throw new ValidationException(fieldOf.get(r.id()), "order " + r.orderNumber() + " is customer " + r.customerCode()
                                + "'s, not " + customer.code() + "'s: one invoice is for one buyer");
                    }
                    if (currency != null && !currency.equals(r.currency())) {
                        throw new ValidationException(fieldOf.get(r.id()), "order " + r.orderNumber() + " is in " + r.currency()
                                + ", the others in " + currency + ": one invoice has one currency");
                    }
                    currency = r.currency();
                }
                Map<String, Product> named = products.findBySkus(rows.values().stream().map(OrderLine::sku).distinct().toList());
                Map<String, ProductTax> taxes = productTaxes.find(named.keySet());
                // Every line within shipped minus returned minus what other requests hold; checked again by the update.
                List<Object[]> taken = new ArrayList<>();
                for (OrderLine r : rows.values()) {
                    BigDecimal q = asked.get(r.id());
                    if (q == null) {
                        q = r.open();
                        if (q.signum() <= 0) {
                            continue;
                        }
                    } else if (q.compareTo(r.open()) > 0) {
                        throw overInvoiced(fieldOf.get(r.id()) + (fieldOf.get(r.id()).startsWith("lines") ? ".quantity" : ""), r, q);
                    }
                    ProductTax tax = taxes.get(r.sku());
                    if (tax == null || tax.taxRate() == null || tax.taxCode() == null) {
                        throw new ValidationException(fieldOf.get(r.id()), "product " + r.sku() + " has no tax rate and classification code;"
                                + " set them under /products/" + r.sku() + "/tax");
                    }
                    taken.add(new Object[] {r, q, tax, TaxRounding.of(q, r.unitPrice(), tax.taxRate())});
                }
                if (taken.isEmpty()) {
                    throw new ConflictException(orders.isEmpty() ? "lines" : "orderNumbers", "nothing left to invoice: everything shipped is"
                            + " invoiced or requested already, or came back");
                }
                limits.check(body.type(), taken.size(), taken.stream().map(t -> ((TaxRounding) t[3]).amount()).reduce(BigDecimal.ZERO,
                        BigDecimal::add), orders.isEmpty() ? "lines" : "orderNumbers");
                taken.sort(Comparator.comparing(t -> ((OrderLine) t[0]).id()));
                try (PreparedStatement hold = c.prepareStatement("UPDATE IVC_ORDER_LINE SET REQUESTED_QTY = REQUESTED_QTY + ?,"
                        + " REQUESTED_AMOUNT = REQUESTED_AMOUNT + ? WHERE ID = ? AND REQUESTED_QTY + ? <= SHIPPED_QTY - RETURNED_QTY")) {
                    for (Object[] t : taken) {
                        OrderLine r = (OrderLine) t[0];
                        Sql.bind(hold, List.of(t[1], ((TaxRounding) t[3]).amountInclusive(), r.id(), t[1]));
                        hold.addBatch();
                    }
                    int[] done = hold.executeBatch();
                    for (int i = 0; i < done.length; i++) {
                        if (done[i] == 0) {
                            OrderLine r = (OrderLine) taken.get(i)[0];
                            throw overInvoiced(fieldOf.get(r.id()), r, (BigDecimal) taken.get(i)[1]);
                        }
                    }
                }
                taken.sort(Comparator.comparing((Object[] t) -> ((OrderLine) t[0]).orderNumber()).thenComparing(t -> ((OrderLine) t[0]).lineNo()));
                List<Object[]> stored = new ArrayList<>();
                for (Object[] t : taken) {
                    OrderLine r = (OrderLine) t[0];
                    Product p = named.get(r.sku());
                    ProductTax tax = (ProductTax) t[2];
                    TaxRounding a = (TaxRounding) t[3];
                    stored.add(new Object[] {r.id(), null, new InvoiceLine(null, r.orderNumber(), r.lineNo(), r.sku(), p == null ? r.sku() : p.name(),
                            tax.taxCode(), tax.specification(), p == null ? "" : p.unit(), (BigDecimal) t[1], r.unitPrice(), a.amount(), tax.taxRate(), a.tax(),
                            a.amountInclusive(), null)});
                }
                String name = buyer.name() != null ? buyer.name() : customer.name();
                Invoice h = new Invoice(null, null, InvoiceKind.BLUE, body.type(), InvoiceStatus.REQUESTED, customer.code(), name, buyer.taxId(),
                        buyer.addressPhone(), buyer.bankAccount(), currency, null, null, null, comment, null, null, null, null, null, null,
                        List.of(), null, null, null, null, null, null, null);
                return store(c, h, stored, user);
            } catch (SQLException e) {
                throw Transactions.failure("Cannot request the invoice", e);
            }
        });
    }

    private static ConflictException overInvoiced(String field, OrderLine r, BigDecimal q) {
        return new ConflictException(field, "order " + r.orderNumber() + " line " + r.lineNo() + " (" + r.sku() + "): " + q.stripTrailingZeros()
                .toPlainString() + " asked but only " + r.open().max(BigDecimal.ZERO).stripTrailingZeros().toPlainString() + " of "
                + r.shipped().stripTrailingZeros().toPlainString() + " shipped remain to invoice (returned " + r.returned().stripTrailingZeros()
                .toPlainString() + ", invoiced or requested " + r.requested().stripTrailingZeros().toPlainString() + ")");
    }

    /** Inserts the header and lines ({orderLineId, originalLineId, line}) with totals summed from the rounded lines. */
    private Invoice store(Connection c, Invoice h, List<Object[]> lines, String user) throws SQLException {
        String id = UUID.randomUUID().toString();
        String number = numbers.next(SERIES);
        Instant now = BusinessClock.now();
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal inclusive = BigDecimal.ZERO;
        for (Object[] s : lines) {
            InvoiceLine l = (InvoiceLine) s[2];
            amount = amount.add(l.amount());
            tax = tax.add(l.tax());
            inclusive = inclusive.add(l.amountInclusive());
        }
        Sql.update(c, "INSERT INTO IVC_INVOICE (" + HEADER + ") VALUES (" + Sql.marks(28) + ")", id, number, h.kind(), h.type(),
                InvoiceStatus.REQUESTED, h.customerCode(), h.buyerName(), h.buyerTaxId(), h.buyerAddressPhone(), h.buyerBankAccount(),
                h.currency(), h.originalNumber(), h.returnNumber(), h.reason(), h.comment(), null, null, null, amount, tax, inclusive, 1L, now,
                user, null, null, null, null);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO IVC_INVOICE_LINE (" + LINE + ") VALUES (" + Sql.marks(21) + ")")) {
            int no = 0;
            for (Object[] s : lines) {
                InvoiceLine l = (InvoiceLine) s[2];
                List<Object> values = new ArrayList<>(List.of(UUID.randomUUID().toString(), id, ++no, s[0], l.orderNumber(), l.orderLineNo(),
                        l.sku(), l.productName(), l.taxCode()));
                values.add(l.specification());
                values.addAll(List.of(l.unit(), l.quantity(), l.unitPrice(), l.amount(), l.taxRate(), l.tax(), l.amountInclusive()));
                values.add(s[1]);
                values.addAll(List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
                Sql.bind(insert, values);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Invoice stored = readById(c, id);
        announce(stored, InvoiceStatus.REQUESTED, user);
        return stored;
    }

    private void announce(Invoice i, InvoiceStatus status, String user) {
        Map<String, Object> facts = new HashMap<>();
        facts.put(InvoicingEvents.KIND, i.kind().name());
        facts.put(InvoicingEvents.TYPE, i.type().name());
        facts.put(InvoicingEvents.CUSTOMER_CODE, i.customerCode());
        facts.put(InvoicingEvents.AMOUNT, i.amountInclusive());
        facts.put(InvoicingEvents.INVOICE_NUMBER, i.invoiceNumber());
        facts.put(InvoicingEvents.ORIGINAL_NUMBER, i.originalNumber());
        facts.put(InvoicingEvents.REASON, i.reason());
        events.append(InvoicingEvents.topic(status), i.number(), user, facts);
    }

    // ---- red invoices -----------------------------------------------------------------------------------------

    @Override
    public Invoice reverse(String number, RedRequest body) {
        Check.body(body);
        Check check = new Check();
        String reason = check.text("reason", body.reason(), 1000, true);
        List<RedRequest.Line> lines = body.lines() == null ? List.of() : body.lines();
        if (lines.isEmpty()) {
            check.fail("lines", "name the original's lines to reverse");
        }
        for (int i = 0; i < lines.size(); i++) {
            RedRequest.Line l = lines.get(i);
            if (l == null) {
                check.fail("lines[" + i + "]", "is required");
                continue;
            }
            check.required("lines[" + i + "].lineNo", l.lineNo());
            check.decimal("lines[" + i + "].quantity", l.quantity(), new BigDecimal("0.001"), null, 3, false);
        }
        check.throwIfInvalid();
        String user = CurrentUser.name();
        return Transactions.required(transactions, () -> {
            try (Connection c = dataSource.getConnection()) {
                Invoice original = read(c, number);
                if (original.kind() != InvoiceKind.BLUE || original.status() != InvoiceStatus.ISSUED) {
                    throw new ConflictException("status", "only an issued invoice can be reversed; " + original.number() + " is a "
                            + original.kind() + " invoice " + original.status());
                }
                Map<Integer, String> lineIds = new HashMap<>();
                for (Object[] r : Sql.list(c, "SELECT LINE_NO, ID FROM IVC_INVOICE_LINE WHERE INVOICE_ID = ?", List.of(original.id()),
                        rs -> new Object[] {rs.getInt(1), rs.getString(2)})) {
                    lineIds.put((Integer) r[0], (String) r[1]);
                }
                Map<String, BigDecimal> wanted = new LinkedHashMap<>();
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    String id = lineIds.get(lines.get(i).lineNo());
                    if (id == null || wanted.containsKey(id)) {
                        throw new ValidationException("lines[" + i + "].lineNo", id == null ? "invoice " + original.number() + " has no line "
                                + lines.get(i).lineNo() : "names line " + lines.get(i).lineNo() + " twice");
                    }
                    wanted.put(id, lines.get(i).quantity());
                    fields.add("lines[" + i + "].quantity");
                }
                return red(c, original, wanted, fields, reason, null, user);
            } catch (SQLException e) {
                throw Transactions.failure("Cannot reverse invoice " + number, e);
            }
        });
    }

    /**
     * A red invoice taking {@code wanted} (original line id → quantity, null for all that remains) back from
     * {@code original}. Each original line is locked before it is read, so racing reversals queue; more than the
     * original minus earlier red invoices is a 409 naming the line. Reversing all that remains takes exactly the
     * remaining amounts, so red invoices never add up to more (or less) than the original.
     */
    private Invoice red(Connection c, Invoice original, Map<String, BigDecimal> wanted, List<String> fields, String reason,
            String returnNumber, String user) throws SQLException {
        List<Object[]> stored = new ArrayList<>();
        List<String> ids = new ArrayList<>(wanted.keySet());
        for (String id : ids.stream().sorted().toList()) {
            Sql.update(c, "UPDATE IVC_INVOICE_LINE SET REVERSED_QTY = REVERSED_QTY WHERE ID = ?", id);
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            StoredLine s = Sql.list(c, "SELECT " + LINE + " FROM IVC_INVOICE_LINE WHERE ID = ?", List.of(id), JdbcInvoiceService::storedLine).get(0);
            InvoiceLine o = s.line();
            BigDecimal remaining = o.quantity().subtract(s.reversedQty());
            BigDecimal q = wanted.get(id) == null ? remaining : wanted.get(id);
            if (q.signum() <= 0 || q.compareTo(remaining) > 0) {
                throw new ConflictException(fields.get(i), "line " + o.lineNo() + " of invoice " + original.number() + " (" + o.sku() + "): "
                        + q.stripTrailingZeros().toPlainString() + " to reverse but only " + remaining.stripTrailingZeros().toPlainString()
                        + " of " + o.quantity().stripTrailingZeros().toPlainString() + " remain (earlier red invoices took "
                        + s.reversedQty().stripTrailingZeros().toPlainString() + ")");
            }
            TaxRounding a = q.compareTo(remaining) == 0
                    ? new TaxRounding(o.amount().subtract(s.reversedAmount()), o.tax().subtract(s.reversedTax()),
                            o.amount().subtract(s.reversedAmount()).add(o.tax().subtract(s.reversedTax())))
                    : TaxRounding.of(q, o.unitPrice(), o.taxRate());
            Sql.update(c, "UPDATE IVC_INVOICE_LINE SET REVERSED_QTY = REVERSED_QTY + ?, REVERSED_AMOUNT = REVERSED_AMOUNT + ?,"
                    + " REVERSED_TAX = REVERSED_TAX + ? WHERE ID = ?", q, a.amount(), a.tax(), id);
            Sql.update(c, "UPDATE IVC_ORDER_LINE SET REQUESTED_QTY = REQUESTED_QTY - ?, REQUESTED_AMOUNT = REQUESTED_AMOUNT - ? WHERE ID = ?", q,
                    a.amountInclusive(), s.orderLineId());
            TaxRounding neg = a.negate();
            stored.add(new Object[] {s.orderLineId(), id, new InvoiceLine(null, o.orderNumber(), o.orderLineNo(), o.sku(), o.productName(),
                    o.taxCode(), o.specification(), o.unit(), q.negate(), o.unitPrice(), neg.amount(), o.taxRate(), neg.tax(),
                    neg.amountInclusive(), o.lineNo())});
        }
        Invoice h = new Invoice(null, null, InvoiceKind.RED, original.type(), InvoiceStatus.REQUESTED, original.customerCode(),
                original.buyerName(), original.buyerTaxId(), original.buyerAddressPhone(), original.buyerBankAccount(), original.currency(),
                original.id(), returnNumber, reason, null, null, null, null, null, null, null, List.of(), null, null, null, null, null, null, null);
        return store(c, h, stored, user);
    }

    // ---- issuing and cancelling -------------------------------------------------------------------------------

    @Override
    public Invoice issue(String number, Issue body) {
        Check.body(body);
        return issueAll(List.of(new Issue(number, body.invoiceNumber(), body.invoiceCode(), body.issueDate()))).get(0);
    }

    @Override
    public List<Invoice> issueAll(List<Issue> issues) {
        if (issues == null || issues.isEmpty()) {
            throw new ValidationException("issues", "name at least one invoice to issue");
        }
        Check check = new Check();
        for (int i = 0; i < issues.size(); i++) {
            String f = issues.size() == 1 ? "" : "issues[" + i + "].";
            Issue s = issues.get(i);
            if (s == null) {
                check.fail("issues[" + i + "]", "is required");
                continue;
            }
            check.text(f + "requestNumber", s.requestNumber(), 40, true);
            if (s.invoiceNumber() == null || !s.invoiceNumber().strip().matches("[0-9]{8}|[0-9]{20}")) {
                check.fail(f + "invoiceNumber", "must be the tax system's invoice number: 8 digits, or 20 for an all-electronic invoice");
            }
            if (s.invoiceCode() != null && !s.invoiceCode().isBlank() && !s.invoiceCode().strip().matches("[0-9]{10}|[0-9]{12}")) {
                check.fail(f + "invoiceCode", "must be the tax system's invoice code: 10 or 12 digits");
            }
            if (s.issueDate() == null) {
                check.fail(f + "issueDate", "is required");
            } else if (s.issueDate().isAfter(BusinessClock.today())) {
                check.fail(f + "issueDate", "lies in the future");
            }
        }
        check.throwIfInvalid();
        String user = CurrentUser.name();
        return Transactions.required(transactions, () -> {
            try (Connection c = dataSource.getConnection()) {
                List<Invoice> done = new ArrayList<>();
                for (int i = 0; i < issues.size(); i++) {
                    String f = issues.size() == 1 ? "" : "issues[" + i + "].";
                    Issue s = issues.get(i);
                    Invoice current = read(c, s.requestNumber().strip());
                    if (current.status() != InvoiceStatus.REQUESTED) {
                        throw notIssuable(f, current);
                    }
                    String code = s.invoiceCode() == null || s.invoiceCode().isBlank() ? null : s.invoiceCode().strip();
                    if (current.type() == InvoiceType.ELECTRONIC ? code != null : code == null) {
                        throw new ValidationException(f + "invoiceCode", current.type() == InvoiceType.ELECTRONIC
                                ? "an all-electronic invoice has no invoice code" : "is required for a paper invoice (专票, 普票)");
                    }
                    String invoiceNumber = s.invoiceNumber().strip();
                    if (!Sql.list(c, "SELECT NUMBER FROM IVC_INVOICE WHERE INVOICE_NUMBER = ? AND " + (code == null ? "INVOICE_CODE IS NULL"
                            : "INVOICE_CODE = ?"), code == null ? List.of(invoiceNumber) : List.of(invoiceNumber, code), rs -> rs.getString(1)).isEmpty()) {
                        throw new ConflictException(f + "invoiceNumber", "invoice number " + invoiceNumber + " is recorded on another invoice already");
                    }
                    Instant now = BusinessClock.now();
                    if (Sql.update(c, "UPDATE IVC_INVOICE SET STATUS = ?, INVOICE_NUMBER = ?, INVOICE_CODE = ?, ISSUE_DATE = ?, ISSUED_AT = ?,"
                            + " ISSUED_BY = ?, VERSION = VERSION + 1 WHERE ID = ? AND STATUS = ?", InvoiceStatus.ISSUED, invoiceNumber, code,
                            s.issueDate(), now, user, current.id(), InvoiceStatus.REQUESTED) == 0) {
                        throw notIssuable(f, current);
                    }
                    // What is issued counts as invoiced on its order lines (red lines are negative), in the order lines' id order.
                    try (PreparedStatement add = c.prepareStatement("UPDATE IVC_ORDER_LINE SET INVOICED_AMOUNT = INVOICED_AMOUNT + ? WHERE ID = ?")) {
                        for (Object[] l : Sql.list(c, "SELECT ORDER_LINE_ID, AMOUNT_INCLUSIVE FROM IVC_INVOICE_LINE WHERE INVOICE_ID = ?"
                                + " ORDER BY ORDER_LINE_ID", List.of(current.id()), rs -> new Object[] {rs.getString(1), rs.getBigDecimal(2)})) {
                            Sql.bind(add, List.of(l[1], l[0]));
                            add.addBatch();
                        }
                        add.executeBatch();
                    }
                    Invoice issued = readById(c, current.id());
                    announce(issued, InvoiceStatus.ISSUED, user);
                    done.add(issued);
                }
                return done;
            } catch (SQLException e) {
                throw Transactions.failure("Cannot issue invoices", e);
            }
        });
    }

    /**
     * Row by row, each issued in its own transaction: the export lists every invoice the company issued in a period,
     * also those made outside Titrate and those imported before, so a row without a request is normal and must not
     * hold back the others; a row whose invoice number is recorded already is answered as such, so importing the same
     * file again changes nothing.
     */
    @Override
    public IssueImport importIssued(InputStream xlsx) {
        if (xlsx == null) {
            throw new ValidationException("file", "send the tax system's export (XLSX) as the request body");
        }
        List<TaxExport.Entry> entries = TaxExport.parse(XlsxRows.read(xlsx, "file"), "file");
        List<ImportedRow> rows = new ArrayList<>();
        for (TaxExport.Entry e : entries) {
            rows.add(importRow(e));
        }
        return IssueImport.of(rows);
    }

    private ImportedRow importRow(TaxExport.Entry e) {
        if (e.error() != null) {
            return new ImportedRow(e.row(), Outcome.ERROR, e.requestNumber(), null, e.errorColumn(), e.error());
        }
        if (e.voided()) {
            return new ImportedRow(e.row(), Outcome.SKIPPED, e.requestNumber(), e.invoiceNumber(), "发票状态",
                    "voided (作废) in the tax system: not issued");
        }
        String numberColumn = e.invoiceCode() == null && e.invoiceNumber().length() == 20 ? "数电票号码" : "发票号码";
        Object matched;
        try (Connection c = dataSource.getConnection()) {
            matched = match(c, e);
        } catch (SQLException x) {
            throw Transactions.failure("Cannot import issued invoices", x);
        }
        if (matched instanceof ImportedRow answer) {
            return answer;
        }
        String number = (String) matched;
        try {
            issueAll(List.of(new Issue(number, e.invoiceNumber(), e.invoiceCode(), e.issueDate())));
            return new ImportedRow(e.row(), Outcome.ISSUED, number, e.invoiceNumber(), null, null);
        } catch (ProblemException p) {
            String field = p.errors().isEmpty() ? "" : p.errors().get(0).field();
            String column = switch (field) {
                case "invoiceNumber" -> numberColumn;
                case "invoiceCode" -> "发票代码";
                case "issueDate" -> "开票日期";
                default -> "备注";
            };
            return new ImportedRow(e.row(), Outcome.ERROR, number, e.invoiceNumber(), column,
                    p.errors().isEmpty() ? p.getMessage() : p.errors().get(0).message());
        }
    }

    /** The number of the one request the row issues, or the row's answer when there is none to issue. */
    private Object match(Connection c, TaxExport.Entry e) throws SQLException {
        List<String[]> recorded = Sql.list(c, "SELECT NUMBER, INVOICE_CODE FROM IVC_INVOICE WHERE INVOICE_NUMBER = ?",
                List.of(e.invoiceNumber()), rs -> new String[] {rs.getString(1), rs.getString(2)}).stream()
                .filter(r -> e.invoiceCode() == null ? r[1] == null : e.invoiceCode().equals(r[1])).toList();
        if (!recorded.isEmpty()) {
            String ours = recorded.get(0)[0];
            return e.requestNumber() == null || e.requestNumber().equals(ours)
                    ? new ImportedRow(e.row(), Outcome.ALREADY_ISSUED, ours, e.invoiceNumber(), null, "recorded on " + ours + " before")
                    : new ImportedRow(e.row(), Outcome.ERROR, e.requestNumber(), e.invoiceNumber(), "备注", "names " + e.requestNumber()
                            + " but invoice " + e.invoiceNumber() + " is recorded on " + ours);
        }
        if (e.requestNumber() != null) {
            List<Invoice> named = Sql.list(c, "SELECT " + HEADER + " FROM IVC_INVOICE WHERE NUMBER = ?", List.of(e.requestNumber()),
                    JdbcInvoiceService::header);
            if (named.isEmpty()) {
                return new ImportedRow(e.row(), Outcome.NO_MATCH, e.requestNumber(), e.invoiceNumber(), "备注", "names request "
                        + e.requestNumber() + ", which does not exist");
            }
            Invoice r = named.get(0);
            String wrong = contradiction(e, r);
            if (wrong != null) {
                return new ImportedRow(e.row(), Outcome.ERROR, r.number(), e.invoiceNumber(), wrong.substring(0, wrong.indexOf(':')),
                        wrong.substring(wrong.indexOf(':') + 2));
            }
            return r.number();
        }
        BigDecimal total = e.total() != null ? e.total() : e.amount() != null && e.tax() != null ? e.amount().add(e.tax()) : null;
        if (e.buyerTaxId() == null || total == null) {
            return new ImportedRow(e.row(), Outcome.NO_MATCH, null, e.invoiceNumber(), "备注", "names no request (IV-…), and without"
                    + " the buyer's tax id (购方识别号) and 价税合计 no request can be told apart");
        }
        Sql fit = new Sql().and("STATUS = ?", InvoiceStatus.REQUESTED).and("BUYER_TAX_ID = ?", e.buyerTaxId().toUpperCase())
                .and("AMOUNT_INCLUSIVE = ?", total).and("AMOUNT = ?", e.amount()).and("TAX = ?", e.tax());
        List<String> fits = Sql.list(c, "SELECT NUMBER FROM IVC_INVOICE" + fit.where() + " ORDER BY NUMBER", fit.params(), rs -> rs.getString(1));
        if (fits.size() != 1) {
            return new ImportedRow(e.row(), Outcome.NO_MATCH, null, e.invoiceNumber(), "备注", fits.isEmpty()
                    ? "no request for buyer " + e.buyerTaxId() + " over " + total.toPlainString() + " awaits issuing"
                    : "requests " + String.join(", ", fits) + " all fit buyer " + e.buyerTaxId() + " and " + total.toPlainString()
                            + ": issue them one by one, or export them again so 备注 carries the request number");
        }
        return fits.get(0);
    }

    /** What in the row contradicts the request its 备注 names ("column: why"), or null. */
    private static String contradiction(TaxExport.Entry e, Invoice r) {
        if (r.status() != InvoiceStatus.REQUESTED) {
            return "备注: request " + r.number() + " is " + r.status() + (r.invoiceNumber() == null ? "" : " as " + r.invoiceNumber())
                    + ", not awaiting issuing";
        }
        if (e.buyerTaxId() != null && r.buyerTaxId() != null && !e.buyerTaxId().equalsIgnoreCase(r.buyerTaxId())) {
            return "购方识别号: " + e.buyerTaxId() + " is not the buyer of " + r.number() + " (" + r.buyerTaxId() + ")";
        }
        if (e.total() != null && e.total().compareTo(r.amountInclusive()) != 0) {
            return "价税合计: " + e.total().toPlainString() + " differs from " + r.amountInclusive().toPlainString() + " requested on " + r.number();
        }
        if (e.amount() != null && e.amount().compareTo(r.amount()) != 0) {
            return "金额: " + e.amount().toPlainString() + " differs from " + r.amount().toPlainString() + " requested on " + r.number();
        }
        return null;
    }

    /** Why {@code current} cannot be issued (again): it is no longer a request. */
    private static ConflictException notIssuable(String f, Invoice current) {
        return new ConflictException(f + "requestNumber", "invoice " + current.number() + " is " + current.status()
                + (current.status() == InvoiceStatus.ISSUED ? " as " + current.invoiceNumber() + ": an issued invoice never changes"
                        : ": only a requested invoice can be issued"));
    }

    @Override
    public Invoice cancel(String number, String reason) {
        Check check = new Check();
        String why = check.text("reason", reason, 1000, true);
        check.throwIfInvalid();
        String user = CurrentUser.name();
        return Transactions.required(transactions, () -> {
            try (Connection c = dataSource.getConnection()) {
                Invoice current = read(c, number);
                if (Sql.update(c, "UPDATE IVC_INVOICE SET STATUS = ?, CANCELLED_AT = ?, CANCELLED_BY = ?, COMMENT_TEXT = ?, VERSION = VERSION + 1"
                        + " WHERE ID = ? AND STATUS = ?", InvoiceStatus.CANCELLED, BusinessClock.now(), user, why, current.id(),
                        InvoiceStatus.REQUESTED) == 0) {
                    throw new ConflictException("status", "invoice " + current.number() + " is " + current.status()
                            + ": only a request not yet issued can be cancelled; an issued invoice is reversed by a red one");
                }
                for (StoredLine s : Sql.list(c, "SELECT " + LINE + " FROM IVC_INVOICE_LINE WHERE INVOICE_ID = ? ORDER BY ORDER_LINE_ID",
                        List.of(current.id()), JdbcInvoiceService::storedLine)) {
                    InvoiceLine l = s.line();
                    Sql.update(c, "UPDATE IVC_ORDER_LINE SET REQUESTED_QTY = REQUESTED_QTY - ?, REQUESTED_AMOUNT = REQUESTED_AMOUNT - ? WHERE ID = ?",
                            l.quantity(), l.amountInclusive(), s.orderLineId());
                    if (s.originalLineId() != null) {
                        Sql.update(c, "UPDATE IVC_INVOICE_LINE SET REVERSED_QTY = REVERSED_QTY + ?, REVERSED_AMOUNT = REVERSED_AMOUNT + ?,"
                                + " REVERSED_TAX = REVERSED_TAX + ? WHERE ID = ?", l.quantity(), l.amount(), l.tax(), s.originalLineId());
                    }
                }
                Invoice cancelled = readById(c, current.id());
                announce(cancelled, InvoiceStatus.CANCELLED, user);
                return cancelled;
            } catch (SQLException e) {
                throw Transactions.failure("Cannot cancel invoice " + number, e);
            }
        });
    }

    // ---- progress ---------------------------------------------------------------------------------------------

    @Override
    public Page<InvoiceProgress> progress(boolean byCustomer, String customerCode, String orderNumber, LocalDate from, LocalDate to,
            PageRequest page) {
        Sql filter = new Sql().and("CUSTOMER_CODE = ?", customerCode).and("ORDER_NUMBER = ?", orderNumber).and("ORDER_DATE >= ?", from)
                .and("ORDER_DATE <= ?", to);
        String keys = byCustomer ? "CUSTOMER_CODE, CURRENCY" : "ORDER_NUMBER, CUSTOMER_CODE, CURRENCY";
        String select = "SELECT " + (byCustomer ? "CAST(NULL AS VARCHAR(40)), " : "") + keys + ", SUM(SHIPPED_AMOUNT - RETURNED_AMOUNT),"
                + " SUM(INVOICED_AMOUNT), SUM(REQUESTED_AMOUNT - INVOICED_AMOUNT) FROM IVC_ORDER_LINE" + filter.where() + " GROUP BY " + keys;
        try (Connection c = dataSource.getConnection()) {
            long total = Sql.list(c, "SELECT COUNT(*) FROM (SELECT DISTINCT " + keys + " FROM IVC_ORDER_LINE" + filter.where() + ") T",
                    filter.params(), rs -> rs.getLong(1)).get(0);
            List<Object> params = new ArrayList<>(filter.params());
            params.add(page.offset());
            params.add(page.limit());
            List<InvoiceProgress> items = total <= page.offset() ? List.of() : Sql.list(c, select + " ORDER BY " + keys
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", params, rs -> new InvoiceProgress(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                            rs.getBigDecimal(4).subtract(rs.getBigDecimal(5))));
            return new Page<>(items, total, page.offset(), page.limit());
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the invoicing progress", e);
        }
    }

    @Override
    public Map<String, BigDecimal> invoiced(Collection<String> orderNumbers) {
        Map<String, BigDecimal> found = new HashMap<>();
        List<String> all = new ArrayList<>(orderNumbers);
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < all.size(); i += CHUNK) {
                List<Object> part = new ArrayList<>(all.subList(i, Math.min(all.size(), i + CHUNK)));
                for (Object[] r : Sql.list(c, "SELECT ORDER_NUMBER, SUM(INVOICED_AMOUNT) FROM IVC_ORDER_LINE WHERE ORDER_NUMBER IN ("
                        + Sql.marks(part.size()) + ") GROUP BY ORDER_NUMBER", part, rs -> new Object[] {rs.getString(1), rs.getBigDecimal(2)})) {
                    found.put((String) r[0], (BigDecimal) r[1]);
                }
            }
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read invoiced amounts", e);
        }
        return found;
    }

    @Override
    public List<InvoiceChange> changedAfter(long afterSeq, int limit) {
        List<InvoiceChange> changes = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<LoggedEvent> logged = events.read(afterSeq, Math.max(1, Math.min(limit, PageRequest.MAX_LIMIT)), InvoicingEvents.TOPIC_PREFIX);
            // The events name invoices by our number: all of them at once, then the changes in event order.
            List<String> numbers = logged.stream().map(LoggedEvent::key).distinct().toList();
            List<Invoice> headers = new ArrayList<>();
            for (int i = 0; i < numbers.size(); i += CHUNK) {
                List<Object> part = new ArrayList<>(numbers.subList(i, Math.min(numbers.size(), i + CHUNK)));
                headers.addAll(Sql.list(c, "SELECT " + HEADER + " FROM IVC_INVOICE WHERE NUMBER IN (" + Sql.marks(part.size()) + ")", part,
                        JdbcInvoiceService::header));
            }
            Map<String, Invoice> byNumber = new HashMap<>();
            for (Invoice i : assemble(c, headers)) {
                byNumber.put(i.number(), i);
            }
            for (LoggedEvent e : logged) {
                Invoice invoice = byNumber.get(e.key());
                // Not found by number: look it up as before (the id, the tax system's number), or fail as before.
                changes.add(new InvoiceChange(e.seq(), e.type().substring(InvoicingEvents.TOPIC_PREFIX.length()),
                        invoice != null ? invoice : read(c, e.key())));
            }
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read changed invoices", e);
        }
        return changes;
    }
}
