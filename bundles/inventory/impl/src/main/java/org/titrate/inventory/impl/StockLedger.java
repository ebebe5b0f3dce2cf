package org.titrate.inventory.impl;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import javax.persistence.EntityManager;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.inventory.api.StockMovement;
import org.titrate.inventory.impl.StockBook.Key;
import org.titrate.inventory.impl.StockBook.Move;
import org.titrate.inventory.impl.entity.LotEntity;
import org.titrate.inventory.impl.entity.MovementEntity;
import org.titrate.inventory.impl.entity.StockEntity;
import org.titrate.inventory.impl.entity.WarehouseEntity;
import org.titrate.platform.api.db.JpaPages;
import org.titrate.platform.api.db.MissingRows;

/**
 * Opens a {@link StockBook} under the lock rows of the products a posting touches and writes what
 * the book computed: changed balances, new lots and the ledger entries. Both run in the caller's
 * transaction with the caller's entity manager (a stock document's, or a sales action's through the
 * posting listener), so the stock moves commit with the document or not at all.
 */
@Component(service = StockLedger.class)
public class StockLedger {

    @Reference
    private MissingRows missingRows;

    /** A book, the stock rows it was read from, and the instant of the posting in the ledger. */
    record Opened(StockBook book, Map<Key, StockEntity> rows, Instant at) {
    }

    /** A posting's document: what the ledger entries point back to; a line's own reason wins over the document's. */
    record Source(String documentType, String documentNumber, String partnerCode, String reason, String user,
            Map<Integer, String> lineReasons) {
    }

    /**
     * Locks the products (in SKU order, so that two postings never wait on each other crosswise) and
     * reads their stock in the given warehouses and the named lots.
     */
    Opened open(EntityManager em, Collection<String> skus, Collection<String> warehouseCodes, Collection<String> lots,
            LocalDate today) {
        List<String> sorted = List.copyOf(new TreeSet<>(skus));
        // Only primary-key statements touch the lock rows: a scan would wait on rows other postings hold, crosswise. They
        // are SQL, not JPQL: OpenJPA writes a bulk JPQL update as "WHERE SKU IN (SELECT ... FROM INV_ITEM ...)", which
        // Derby runs as a table scan — measured to deadlock two postings of overlapping products.
        Instant last = Instant.EPOCH;
        for (String sku : sorted) {
            if (lock(em, sku) == 0) {
                // The product's first posting: create its lock row outside this transaction, then take the lock.
                missingRows.insertIfAbsent("INSERT INTO INV_ITEM (SKU, LAST_POSTED_AT, POSTINGS) VALUES (?, ?, 0)", sku,
                        new Timestamp(0));
                if (lock(em, sku) != 1) {
                    throw new IllegalStateException("No lock row for " + sku);
                }
            }
            Instant posted = ((Timestamp) em.createNativeQuery("SELECT LAST_POSTED_AT FROM INV_ITEM WHERE SKU = ?")
                    .setParameter(1, sku).getSingleResult()).toInstant();
            last = posted.isAfter(last) ? posted : last;
        }
        // Postings of a product hold its lock one after the other: stamping each after the last one's time keeps the
        // ledger in the order the balances were computed, even within one millisecond or with the clock stepping back.
        Instant now = InventorySchema.now();
        Instant at = now.isAfter(last) ? now : last.plusMillis(1);
        for (String sku : sorted) {
            em.createNativeQuery("UPDATE INV_ITEM SET LAST_POSTED_AT = ? WHERE SKU = ?")
                    .setParameter(1, Timestamp.from(at)).setParameter(2, sku).executeUpdate();
        }
        StockBook book = new StockBook(today);
        Map<Key, StockEntity> rows = new HashMap<>();
        em.createQuery("SELECT s FROM StockEntity s WHERE s.sku IN :skus AND s.warehouseCode IN :warehouses", StockEntity.class)
                .setParameter("skus", List.copyOf(skus)).setParameter("warehouses", List.copyOf(warehouseCodes)).getResultList()
                .forEach(s -> {
                    Key key = new Key(s.sku(), s.warehouseCode(), s.lot(), s.status());
                    rows.put(key, s);
                    book.load(key, s.quantity(), s.expiryDate());
                });
        List<String> named = lots.stream().filter(Objects::nonNull).distinct().toList();
        if (!named.isEmpty()) {
            em.createQuery("SELECT l FROM LotEntity l WHERE l.sku IN :skus AND l.lot IN :lots", LotEntity.class)
                    .setParameter("skus", List.copyOf(skus)).setParameter("lots", named).getResultList()
                    .forEach(l -> book.loadLot(l.sku(), l.lot(), l.expiryDate()));
        }
        return new Opened(book, rows, at);
    }

    private static int lock(EntityManager em, String sku) {
        return em.createNativeQuery("UPDATE INV_ITEM SET POSTINGS = POSTINGS + 1 WHERE SKU = ?").setParameter(1, sku).executeUpdate();
    }

    /** Writes the book's changes and ledger entries; returns the entries as posted. */
    List<StockMovement> write(EntityManager em, Opened opened, Source source) {
        StockBook book = opened.book();
        book.changed().forEach((key, quantity) -> {
            StockEntity row = opened.rows().get(key);
            if (row == null) {
                row = StockEntity.of(key.sku(), key.warehouseCode(), key.lot(), key.status(), book.expiryOf(key));
                row.set(quantity, opened.at());
                em.persist(row);
            } else {
                row.set(quantity, opened.at());
            }
        });
        book.newLots().forEach((lot, expiry) -> em.persist(LotEntity.of(lot.sku(), lot.lot(), expiry, source.documentNumber(),
                source.user(), opened.at())));
        // A lot that was booked without an expiry date and has one now: the lot and every stock row of it, in all
        // warehouses (the product's lock covers them all). Earlier ledger entries keep what was known when they were made.
        book.datedLots().forEach((lot, expiry) -> {
            for (String table : List.of("INV_LOT", "INV_STOCK")) {
                em.createNativeQuery("UPDATE " + table + " SET EXPIRY_DATE = ? WHERE SKU = ? AND LOT = ? AND EXPIRY_DATE IS NULL")
                        .setParameter(1, Date.valueOf(expiry)).setParameter(2, lot.sku()).setParameter(3, lot.lot()).executeUpdate();
            }
        });
        List<StockMovement> posted = new ArrayList<>();
        int seq = 0;
        for (Move m : book.moves()) {
            seq++;
            StockMovement movement = new StockMovement(String.format("%s/%06d", source.documentNumber(), seq), opened.at(), source.user(),
                    source.documentType(), source.documentNumber(), m.lineNo(), m.key().sku(), m.key().warehouseCode(),
                    m.key().lot().isEmpty() ? null : m.key().lot(), m.expiryDate(), m.key().status(), m.quantity(), m.balanceAfter(),
                    source.partnerCode(), source.lineReasons().getOrDefault(m.lineNo(), source.reason()));
            em.persist(MovementEntity.of(movement));
            posted.add(movement);
        }
        return posted;
    }

    /** An active warehouse by code, or what is wrong with the code. */
    static WarehouseEntity warehouse(EntityManager em, String code, Function<String, RuntimeException> refusal) {
        WarehouseEntity w = JpaPages.byKey(em, WarehouseEntity.class, "code", code)
                .orElseThrow(() -> refusal.apply("unknown warehouse '" + code + "'"));
        if (!w.active()) {
            throw refusal.apply("warehouse '" + code + "' is inactive");
        }
        return w;
    }
}
