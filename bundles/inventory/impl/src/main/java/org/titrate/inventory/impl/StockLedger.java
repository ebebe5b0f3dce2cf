package org.titrate.inventory.impl;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import javax.sql.DataSource;
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

    /** The datasource the persistence unit uses: inside a transaction both share one connection. */
    @Reference(target = "(osgi.jndi.service.name=titrate)")
    private DataSource dataSource;

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
        Instant at = lock(List.copyOf(new TreeSet<>(skus)));
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

    /**
     * Takes the lock rows of the products, in SKU order, and returns the instant of this posting: after the last
     * posting of each of them, so that the ledger lists entries in the order their balances were computed, even within
     * one millisecond or with the clock stepping back. Usually one statement per product takes the lock and stamps it.
     *
     * <p>Plain JDBC on the transaction's connection (as the platform's numbering does), by primary key only: a bulk
     * JPQL update becomes "WHERE SKU IN (SELECT ... FROM INV_ITEM ...)", which Derby ran as a table scan that
     * deadlocked crosswise postings.
     */
    private Instant lock(List<String> sorted) {
        Instant now = InventorySchema.now();
        Instant at = now;
        List<String> unstamped = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement stamp = c.prepareStatement(
                     "UPDATE INV_ITEM SET LAST_POSTED_AT = ?, POSTINGS = POSTINGS + 1 WHERE SKU = ? AND LAST_POSTED_AT < ?");
             PreparedStatement lock = c.prepareStatement("UPDATE INV_ITEM SET POSTINGS = POSTINGS + 1 WHERE SKU = ?");
             PreparedStatement last = c.prepareStatement("SELECT LAST_POSTED_AT FROM INV_ITEM WHERE SKU = ?");
             PreparedStatement restamp = c.prepareStatement("UPDATE INV_ITEM SET LAST_POSTED_AT = ? WHERE SKU = ?")) {
            for (String sku : sorted) {
                stamp.setTimestamp(1, Timestamp.from(now));
                stamp.setString(2, sku);
                stamp.setTimestamp(3, Timestamp.from(now));
                if (stamp.executeUpdate() == 1) {
                    continue;
                }
                // The product's first posting, or its last one is stamped at or after this one's clock.
                lock.setString(1, sku);
                if (lock.executeUpdate() == 0) {
                    missingRows.insertIfAbsent("INSERT INTO INV_ITEM (SKU, LAST_POSTED_AT, POSTINGS) VALUES (?, ?, 0)", sku,
                            new Timestamp(0));
                    if (lock.executeUpdate() != 1) {
                        throw new IllegalStateException("No lock row for " + sku);
                    }
                }
                last.setString(1, sku);
                try (ResultSet rs = last.executeQuery()) {
                    rs.next();
                    Instant previous = rs.getTimestamp(1).toInstant();
                    at = previous.isBefore(at) ? at : previous.plusMillis(1);
                }
                unstamped.add(sku);
            }
            for (String sku : at.equals(now) ? unstamped : sorted) {
                restamp.setTimestamp(1, Timestamp.from(at));
                restamp.setString(2, sku);
                restamp.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock the stock of " + sorted + ": " + e.getMessage(), e);
        }
        return at;
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
        if (!book.datedLots().isEmpty()) {
            // Pending changes first: the rows this updates may have been inserted by this posting.
            em.flush();
            try (Connection c = dataSource.getConnection()) {
                for (String table : List.of("INV_LOT", "INV_STOCK")) {
                    try (PreparedStatement date = c.prepareStatement(
                            "UPDATE " + table + " SET EXPIRY_DATE = ? WHERE SKU = ? AND LOT = ? AND EXPIRY_DATE IS NULL")) {
                        for (Map.Entry<StockBook.LotKey, LocalDate> lot : book.datedLots().entrySet()) {
                            date.setDate(1, Date.valueOf(lot.getValue()));
                            date.setString(2, lot.getKey().sku());
                            date.setString(3, lot.getKey().lot());
                            date.executeUpdate();
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot date lots " + book.datedLots().keySet() + ": " + e.getMessage(), e);
            }
        }
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
