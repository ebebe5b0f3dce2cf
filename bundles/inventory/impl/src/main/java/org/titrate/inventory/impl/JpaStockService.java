package org.titrate.inventory.impl;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.inventory.api.DocumentQuery;
import org.titrate.inventory.api.MovementQuery;
import org.titrate.inventory.api.StockDocument;
import org.titrate.inventory.api.StockDocumentLine;
import org.titrate.inventory.api.StockDocumentType;
import org.titrate.inventory.api.StockMovement;
import org.titrate.inventory.api.StockQuery;
import org.titrate.inventory.api.StockRow;
import org.titrate.inventory.api.StockService;
import org.titrate.inventory.api.StockStatus;
import org.titrate.inventory.impl.StockLedger.Opened;
import org.titrate.inventory.impl.StockLedger.Source;
import org.titrate.inventory.impl.entity.MovementEntity;
import org.titrate.inventory.impl.entity.StockDocumentEntity;
import org.titrate.inventory.impl.entity.StockDocumentLineEntity;
import org.titrate.inventory.impl.entity.StockEntity;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.DocumentNumbers;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.Texts;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.db.JpaPages;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.products.api.Product;
import org.titrate.products.api.ProductService;

/**
 * Stock documents, on-hand stock and the ledger in the {@code INV_} tables. A document is validated
 * first, then numbered and posted in one transaction through the {@link StockLedger}.
 */
@Component(service = StockService.class)
public class JpaStockService implements StockService {
    static final int MAX_LINES = 500;
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("999999999999.999");

    @Reference(target = "(osgi.unit.name=titrate-inventory)")
    private JpaTemplate jpa;

    @Reference
    private StockLedger ledger;

    @Reference
    private DocumentNumbers numbers;

    @Reference
    private ProductService products;

    /** A validated line, with its product. */
    private record Line(int lineNo, Product product, BigDecimal quantity, String lot, LocalDate expiryDate) {
    }

    // ---- posting ----

    @Override
    public StockDocument post(StockDocument input) {
        StockDocument d = Check.body(input);
        Check check = new Check();
        StockDocumentType type = check.required("type", d.type());
        String warehouse = check.code("warehouseCode", d.warehouseCode(), true);
        String to = check.code("toWarehouseCode", d.toWarehouseCode(), type == StockDocumentType.TRANSFER);
        if (type != null && type != StockDocumentType.TRANSFER && to != null) {
            check.fail("toWarehouseCode", "only a TRANSFER has a destination warehouse");
        }
        if (type == StockDocumentType.TRANSFER && to != null && to.equals(warehouse)) {
            check.fail("toWarehouseCode", "must differ from warehouseCode");
        }
        String reference = check.text("reference", d.reference(), 100, false);
        String reason = check.text("reason", d.reason(), 2000, type != null && type.needsReason());
        List<Line> lines = lines(check, type, d.lines());
        check.throwIfInvalid();
        return jpa.txExpr(TransactionType.Required, em -> {
            String user = CurrentUser.name();
            LocalDate today = BusinessClock.today();
            String number = numbers.next("SD");
            Map<String, Function<String, RuntimeException>> warehouses = new HashMap<>();
            warehouses.put(warehouse, m -> new ValidationException("warehouseCode", m));
            if (to != null) {
                warehouses.put(to, m -> new ValidationException("toWarehouseCode", m));
            }
            Opened opened = ledger.open(lines.stream().map(l -> l.product().sku()).toList(), warehouses,
                    lines.stream().map(Line::lot).toList(), today);
            StockLedger.Store from = opened.store(warehouse);
            StockLedger.Store dest = to == null ? null : opened.store(to);
            requireUnchanged(lines);
            StockDocumentEntity doc = StockDocumentEntity.of(number, type, warehouse, to, reference, reason, today, user, opened.at());
            List<StockDocumentLine> posted = new ArrayList<>();
            for (Line l : lines) {
                posted.add(apply(opened.book(), type, from, dest, l, today));
            }
            List<StockMovement> movements = ledger.write(opened, new Source(type.name(), doc.number(), null, reason, user, Map.of()));
            em.persist(doc);
            posted.forEach(l -> em.persist(StockDocumentLineEntity.of(doc.id(), l)));
            return doc.toRecord(posted, movements);
        });
    }

    /** Books one line; returns it as posted (an adjustment with the difference it booked). */
    private static StockDocumentLine apply(StockBook book, StockDocumentType type, StockLedger.Store from, StockLedger.Store dest, Line l,
            LocalDate today) {
        String field = "lines[" + (l.lineNo() - 1) + "]";
        Product p = l.product();
        String sku = p.sku();
        LocalDate shelfLife = p.shelfLifeDays() == null ? null : today.plusDays(p.shelfLifeDays());
        BigDecimal difference = null;
        switch (type) {
            case RECEIPT -> book.receive(l.lineNo(), field, sku, from.code(), l.lot(), l.quantity(), l.expiryDate(), shelfLife);
            case ADJUSTMENT -> difference = book.count(l.lineNo(), field, sku, from.code(), l.lot(), lotTracked(p), l.quantity(),
                    l.expiryDate(), shelfLife);
            case ISSUE -> book.take(l.lineNo(), field, sku, from.code(), l.lot(), lotTracked(p), StockStatus.AVAILABLE, l.quantity(),
                    from.allowNegativeStock(), false);
            case TRANSFER -> {
                // A transfer moves what is there: owing at the source would conjure stock without a lot at the destination.
                for (StockBook.Move out : book.take(l.lineNo(), field, sku, from.code(), l.lot(), lotTracked(p), StockStatus.AVAILABLE,
                        l.quantity(), false, false)) {
                    book.add(l.lineNo(), field, sku, dest.code(), out.key().lot().isEmpty() ? null : out.key().lot(),
                            StockStatus.AVAILABLE, out.quantity().negate(), null);
                }
            }
            default -> {
                // HOLD, RELEASE, SCRAP judge the named lot (or the stock without a lot): never a first-expiry choice.
                book.take(l.lineNo(), field, sku, from.code(), l.lot(), false, type.from(), l.quantity(), false, false);
                if (type.to() != null) {
                    book.add(l.lineNo(), field, sku, from.code(), l.lot(), type.to(), l.quantity(), null);
                }
            }
        }
        LocalDate expiry = book.expiryOf(sku, l.lot());
        return new StockDocumentLine(l.lineNo(), sku, p.name(), p.unit(), l.quantity(), l.lot(), expiry, difference);
    }

    /**
     * Where lot-tracked goods come in or are put on hold, the lot is named. Issues and transfers may leave it to
     * first-expiry-first-out; releases and scrapping may leave it out for returned goods that came back without one
     * (the quarantined stock without a lot); a count without one counts the stock booked without a lot, down to
     * what is there (see {@link StockBook#count}).
     */
    private static boolean needsLot(StockDocumentType type) {
        return type == StockDocumentType.RECEIPT || type == StockDocumentType.HOLD;
    }

    /**
     * Whether a product is lot-tracked was read to validate the lines, before the products' locks; read again under
     * them, it is what the posting books by (a change of it waits for the locks, see {@link LotTrackingGuard}).
     */
    private void requireUnchanged(List<Line> lines) {
        Map<String, Product> now = products.findBySkus(lines.stream().map(l -> l.product().sku()).collect(Collectors.toSet()));
        for (Line l : lines) {
            Product p = now.get(l.product().sku());
            if (p == null || lotTracked(p) != lotTracked(l.product())) {
                throw new ConflictException("lines[" + (l.lineNo() - 1) + "].sku", "product " + l.product().sku()
                        + (p == null ? " no longer exists" : " was changed meanwhile (lotTracked is now " + lotTracked(p) + ")")
                        + "; nothing was posted: send the document again");
            }
        }
    }

    private static boolean lotTracked(Product p) {
        return Boolean.TRUE.equals(p.lotTracked());
    }

    private List<Line> lines(Check check, StockDocumentType type, List<StockDocumentLine> given) {
        if (given == null || given.isEmpty()) {
            check.fail("lines", "at least one line is required");
            return List.of();
        }
        if (given.size() > MAX_LINES) {
            check.fail("lines", "at most " + MAX_LINES + " lines per document");
            return List.of();
        }
        Map<String, Product> found = products.findBySkus(given.stream().filter(l -> l != null && l.sku() != null)
                .map(l -> l.sku().strip()).collect(Collectors.toSet()));
        List<Line> lines = new ArrayList<>();
        Set<String> counted = new HashSet<>();
        LocalDate today = BusinessClock.today();
        for (int i = 0; i < given.size(); i++) {
            String f = "lines[" + i + "]";
            StockDocumentLine l = given.get(i);
            if (l == null) {
                check.fail(f, "is required");
                continue;
            }
            String sku = check.code(f + ".sku", l.sku(), true);
            Product p = sku == null ? null : found.get(sku);
            if (sku != null && p == null) {
                check.fail(f + ".sku", "unknown product '" + sku + "'");
            }
            BigDecimal min = type == StockDocumentType.ADJUSTMENT ? BigDecimal.ZERO : new BigDecimal("0.001");
            BigDecimal quantity = check.decimal(f + ".quantity", l.quantity(), min, MAX_QUANTITY, 3, true);
            String lot = check.code(f + ".lot", l.lot(), false);
            LocalDate expiry = check.date(f + ".expiryDate", l.expiryDate());
            if (p != null) {
                if (!lotTracked(p) && lot != null) {
                    check.fail(f + ".lot", "product " + p.sku() + " is not lot-tracked");
                }
                if (lotTracked(p) && lot == null && needsLot(type)) {
                    check.fail(f + ".lot", "is required: " + p.sku() + " is lot-tracked");
                }
            }
            if (expiry != null) {
                if (type != StockDocumentType.RECEIPT && type != StockDocumentType.ADJUSTMENT) {
                    check.fail(f + ".expiryDate", "is the lot's: given only where goods come in (RECEIPT, ADJUSTMENT)");
                } else if (lot == null) {
                    check.fail(f + ".expiryDate", "belongs to a lot: give the lot too");
                } else if (type == StockDocumentType.RECEIPT && expiry.isBefore(today)) {
                    check.fail(f + ".expiryDate", "is in the past: expired goods are not received into available stock");
                }
            }
            if (type == StockDocumentType.ADJUSTMENT && sku != null && !counted.add(sku + "\u0000" + (lot == null ? "" : lot))) {
                check.fail(f, "counts " + sku + (lot == null ? "" : " lot " + lot) + " a second time");
            }
            if (p != null && quantity != null) {
                lines.add(new Line(i + 1, p, quantity, lot, expiry));
            }
        }
        return lines;
    }

    // ---- reading ----

    @Override
    public Page<StockDocument> documents(DocumentQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.type() != null) {
            where.add("d.type = :type");
            params.put("type", query.type());
        }
        if (query.warehouseCode() != null) {
            where.add("(d.warehouseCode = :warehouse OR d.toWarehouseCode = :warehouse)");
            params.put("warehouse", query.warehouseCode());
        }
        if (query.from() != null) {
            where.add("d.documentDate >= :from");
            params.put("from", Date.valueOf(query.from()));
        }
        if (query.to() != null) {
            where.add("d.documentDate <= :to");
            params.put("to", Date.valueOf(query.to()));
        }
        if (query.q() != null && !query.q().isBlank()) {
            where.add("(LOWER(d.number) LIKE :q ESCAPE '!' OR LOWER(d.reference) LIKE :q ESCAPE '!')");
            params.put("q", Texts.containsPattern(query.q()));
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            Page<StockDocumentEntity> page = JpaPages.page(em, StockDocumentEntity.class, "StockDocumentEntity", "d", JpaPages.and(where),
                    "d.documentDate DESC, d.postedAt DESC, d.number DESC", params, query.page());
            List<StockDocument> docs = assemble(em, page.items());
            return new Page<>(docs, page.total(), page.offset(), page.limit());
        });
    }

    @Override
    public StockDocument document(String idOrNumber) {
        return jpa.txExpr(TransactionType.Supports, em -> assemble(em, List.of(JpaPages.byKeyOrId(em, StockDocumentEntity.class, "number",
                idOrNumber).orElseThrow(() -> new NotFoundException("Stock document", idOrNumber)))).get(0));
    }

    private List<StockDocument> assemble(EntityManager em, List<StockDocumentEntity> docs) {
        if (docs.isEmpty()) {
            return List.of();
        }
        List<StockDocumentLineEntity> lines = em.createQuery("SELECT l FROM StockDocumentLineEntity l WHERE l.documentId IN :ids"
                + " ORDER BY l.documentId, l.lineNo", StockDocumentLineEntity.class)
                .setParameter("ids", docs.stream().map(StockDocumentEntity::id).toList()).getResultList();
        Map<String, Product> named = products.findBySkus(lines.stream().map(StockDocumentLineEntity::sku).collect(Collectors.toSet()));
        Map<String, List<StockDocumentLine>> byDoc = new HashMap<>();
        lines.forEach(l -> {
            Product p = named.get(l.sku());
            byDoc.computeIfAbsent(l.documentId(), k -> new ArrayList<>()).add(l.toRecord(p == null ? null : p.name(),
                    p == null ? null : p.unit()));
        });
        Map<String, List<StockMovement>> moves = new HashMap<>();
        em.createQuery("SELECT m FROM MovementEntity m WHERE m.documentNumber IN :numbers ORDER BY m.id", MovementEntity.class)
                .setParameter("numbers", docs.stream().map(StockDocumentEntity::number).toList()).getResultList()
                .forEach(m -> moves.computeIfAbsent(m.documentNumber(), k -> new ArrayList<>()).add(m.toRecord()));
        return docs.stream().map(d -> d.toRecord(byDoc.getOrDefault(d.id(), List.of()), moves.getOrDefault(d.number(), List.of())))
                .toList();
    }

    @Override
    public Page<StockRow> stock(StockQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        filter(where, params, "sku", query.sku());
        filter(where, params, "warehouseCode", query.warehouseCode());
        filter(where, params, "lot", query.lot());
        filter(where, params, "status", query.status());
        LocalDate today = BusinessClock.today();
        boolean expiring = query.expiringWithinDays() != null;
        if (expiring) {
            where.add("s.expiryDate <= :horizon AND s.quantity > 0");
            params.put("horizon", Date.valueOf(today.plusDays(query.expiringWithinDays())));
        } else {
            where.add("s.quantity <> 0");
        }
        String order = expiring ? "s.expiryDate, s.sku, s.warehouseCode, s.lot, s.status" : "s.sku, s.warehouseCode, s.status, s.expiryDate, s.lot";
        return jpa.txExpr(TransactionType.Supports, em -> rows(JpaPages.page(em, StockEntity.class, "StockEntity", "s",
                JpaPages.and(where), order, params, query.page()), today));
    }

    @Override
    public List<StockRow> stockOf(String sku, String warehouseCode) {
        // Everything one product holds, however many lots: SOAP and the shell add it up.
        return jpa.txExpr(TransactionType.Supports, em -> {
            var query = em.createQuery("SELECT s FROM StockEntity s WHERE s.sku = :sku AND s.quantity <> 0"
                    + (warehouseCode == null ? "" : " AND s.warehouseCode = :warehouse")
                    + " ORDER BY s.warehouseCode, s.status, s.expiryDate, s.lot", StockEntity.class).setParameter("sku", sku);
            if (warehouseCode != null) {
                query.setParameter("warehouse", warehouseCode);
            }
            List<StockEntity> rows = query.getResultList();
            return rows(new Page<>(rows, rows.size(), 0, Math.max(rows.size(), 1)), BusinessClock.today()).items();
        });
    }

    private Page<StockRow> rows(Page<StockEntity> page, LocalDate today) {
        Map<String, Product> named = products.findBySkus(page.items().stream().map(StockEntity::sku).collect(Collectors.toSet()));
        return page.map(s -> {
            Product p = named.get(s.sku());
            LocalDate expiry = s.expiryDate();
            return new StockRow(s.sku(), p == null ? null : p.name(), p == null ? null : p.unit(), s.warehouseCode(), s.lot(), expiry,
                    expiry == null ? null : ChronoUnit.DAYS.between(today, expiry), s.status(), s.quantity());
        });
    }

    private static void filter(List<String> where, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            where.add("s." + field + " = :" + field);
            params.put(field, value);
        }
    }

    @Override
    public Page<StockMovement> movements(MovementQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        Stream.of(new Object[][] {{"sku", query.sku()}, {"warehouseCode", query.warehouseCode()}, {"lot", query.lot()},
                {"status", query.status()}, {"documentType", query.documentType()}, {"documentNumber", query.documentNumber()}})
                .filter(f -> f[1] != null).forEach(f -> {
                    where.add("m." + f[0] + " = :" + f[0]);
                    params.put((String) f[0], f[1]);
                });
        if (query.from() != null) {
            where.add("m.postedAt >= :from");
            params.put("from", Timestamp.from(BusinessClock.startOf(query.from())));
        }
        if (query.to() != null) {
            where.add("m.postedAt < :to");
            params.put("to", Timestamp.from(BusinessClock.startOf(query.to().plusDays(1))));
        }
        return jpa.txExpr(TransactionType.Supports, em -> JpaPages.page(em, MovementEntity.class, "MovementEntity", "m",
                JpaPages.and(where), "m.postedAt DESC, m.id DESC", params, query.page()).map(MovementEntity::toRecord));
    }
}
