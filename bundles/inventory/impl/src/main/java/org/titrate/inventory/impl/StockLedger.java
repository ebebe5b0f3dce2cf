package org.titrate.inventory.impl;

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
        for (String sku : sorted) {
            if (lock(em, sku) == 0) {
                // The product's first posting: create its lock row outside this transaction, then take the lock.
                missingRows.insertIfAbsent("INSERT INTO INV_ITEM (SKU, LAST_POSTED_AT, POSTINGS) VALUES (?, ?, 0)", sku,
                        new Timestamp(0));
                if (lock(em, sku) != 1) {
                    throw new IllegalStateException("No lock row for " + sku);
                }
            }
        }
        // Postings of a product hold its lock one after the other: stamping each after the last one's time keeps the
        // ledger in the order the balances were computed, even within one millisecond or with the clock stepping back.
        Timestamp last = em.createQuery("SELECT MAX(i.lastPostedAt) FROM ItemEntity i WHERE i.sku IN :skus", Timestamp.class)
                .setParameter("skus", sorted).getSingleResult();
        Instant now = InventorySchema.now();
        Instant at = last != null && !now.isAfter(last.toInstant()) ? last.toInstant().plusMillis(1) : now;
        em.createQuery("UPDATE ItemEntity i SET i.lastPostedAt = :at WHERE i.sku IN :skus")
                .setParameter("at", Timestamp.from(at)).setParameter("skus", sorted).executeUpdate();
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
        return em.createQuery("UPDATE ItemEntity i SET i.postings = i.postings + 1 WHERE i.sku = :sku")
                .setParameter("sku", sku).executeUpdate();
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
        List<StockMovement> posted = new ArrayList<>();
        int seq = 0;
        for (Move m : book.moves()) {
            seq++;
            StockMovement movement = new StockMovement(String.format("%s/%04d", source.documentNumber(), seq), opened.at(), source.user(),
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
