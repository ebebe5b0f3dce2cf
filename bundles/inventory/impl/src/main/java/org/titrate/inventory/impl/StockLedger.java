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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.inventory.api.InventoryEvents;
import org.titrate.inventory.api.StockMovement;
import org.titrate.inventory.api.StockStatus;
import org.titrate.inventory.impl.StockBook.Key;
import org.titrate.inventory.impl.StockBook.Move;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.db.MissingRows;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.products.api.Product;

/**
 * Opens a {@link StockBook} under the lock rows of the products a posting touches and writes what
 * the book computed: changed balances, new lots and the ledger entries. Both run in the caller's JTA
 * transaction (a stock document's, or a sales action's through the posting listener), so the stock
 * moves commit with the document or not at all. They use plain JDBC on the transaction's connection,
 * as the platform's numbering does: under sustained concurrent shipping, a second persistence unit's
 * entity manager inside the sales transaction, waiting on the lock rows, was measured to break pooled
 * XA connections ("Connection ... is closed", XAER_PROTO on enlist); with JDBC alone it did not.
 */
@Component(service = StockLedger.class)
public class StockLedger {

    @Reference
    private MissingRows missingRows;

    @Reference
    private EventLog events;

    /** The datasource the persistence unit uses: inside a transaction both share one connection. */
    @Reference(target = "(titrate.schema=inventory)")
    private DataSource dataSource;

    /**
     * A book, the ids of the stock rows it was read from, the instant of the posting in the ledger, and the
     * warehouses as read under their share locks.
     */
    record Opened(StockBook book, Map<Key, String> rowIds, Instant at, Map<String, Store> stores) {
        Store store(String code) {
            return stores.get(code);
        }
    }

    /** What a posting needs to know of a warehouse. */
    record Store(String code, boolean allowNegativeStock) {
    }

    /** A posting's document: what the ledger entries point back to; a line's own reason wins over the document's. */
    record Source(String documentType, String documentNumber, String partnerCode, String reason, String user,
            Map<Integer, String> lineReasons) {
    }

    /**
     * Locks the products (in SKU order, so that two postings never wait on each other crosswise), then the
     * warehouses (in code order) with a share lock that lasts until the posting commits, and reads the
     * products' stock in those warehouses and the named lots.
     *
     * <p>A warehouse that is unknown or inactive under its lock is refused with {@code refusals}' exception
     * for it. The share lock lets postings in one warehouse run side by side, but a deactivation (which
     * writes the row, see JpaWarehouseService) waits for every posting in flight, and a posting that comes
     * after it waits for its commit and then finds the warehouse inactive: never both.
     *
     * @param refusals the warehouses the posting moves stock in, each with the refusal for what is wrong with it
     */
    Opened open(Collection<String> skus, Map<String, Function<String, RuntimeException>> refusals, Collection<String> lots,
            LocalDate today) {
        Instant at = lock(List.copyOf(new TreeSet<>(skus)));
        StockBook book = new StockBook(today);
        Map<Key, String> rowIds = new HashMap<>();
        List<String> named = lots.stream().filter(Objects::nonNull).distinct().toList();
        Collection<String> warehouseCodes = new TreeSet<>(refusals.keySet());
        Map<String, Store> stores = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement q = c.prepareStatement("SELECT CODE, ALLOW_NEGATIVE_STOCK, ACTIVE FROM INV_WAREHOUSE WHERE CODE = ?"
                    + shareLock(c))) {
                for (String code : warehouseCodes) {
                    q.setString(1, code);
                    try (ResultSet rs = q.executeQuery()) {
                        String problem = problem(code, rs, 3);
                        if (problem != null) {
                            throw refusals.get(code).apply(problem);
                        }
                        stores.put(code, new Store(rs.getString(1), rs.getBoolean(2)));
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT ID, SKU, WAREHOUSE_CODE, LOT, STATUS, EXPIRY_DATE, QUANTITY FROM INV_STOCK"
                    + " WHERE SKU IN (" + marks(skus.size()) + ") AND WAREHOUSE_CODE IN (" + marks(warehouseCodes.size()) + ")")) {
                int p = bind(q, 1, skus);
                bind(q, p, warehouseCodes);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Key key = new Key(rs.getString(2), rs.getString(3), rs.getString(4), StockStatus.valueOf(rs.getString(5)));
                        rowIds.put(key, rs.getString(1));
                        book.load(key, rs.getBigDecimal(7), date(rs.getDate(6)));
                    }
                }
            }
            if (!named.isEmpty()) {
                try (PreparedStatement q = c.prepareStatement("SELECT SKU, LOT, EXPIRY_DATE FROM INV_LOT WHERE SKU IN ("
                        + marks(skus.size()) + ") AND LOT IN (" + marks(named.size()) + ")")) {
                    int p = bind(q, 1, skus);
                    bind(q, p, named);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            book.loadLot(rs.getString(1), rs.getString(2), date(rs.getDate(3)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the stock of " + skus + ": " + e.getMessage(), e);
        }
        return new Opened(book, rowIds, at, stores);
    }

    /**
     * The clause that makes a SELECT hold a shared row lock until the transaction ends: a writer of the row
     * waits for the readers, readers do not wait for each other. Derby spells it as the statement's
     * isolation (read stability), PostgreSQL as a row lock; any other database gets an exclusive lock, which
     * is as safe and only less concurrent.
     */
    private String shareLock(Connection c) throws SQLException {
        String clause = shareLock;
        if (clause == null) {
            String product = c.getMetaData().getDatabaseProductName();
            clause = product.contains("Derby") ? " WITH RS" : product.contains("PostgreSQL") ? " FOR SHARE" : " FOR UPDATE";
            shareLock = clause;
        }
        return clause;
    }

    private volatile String shareLock;

    /**
     * Takes the lock rows of the products (in SKU order) without posting anything: a change that depends on
     * their stock (see {@link LotTrackingGuard}) waits for postings in flight, and later postings wait for it.
     */
    void lockProducts(Collection<String> skus) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement lock = c.prepareStatement("UPDATE INV_ITEM SET POSTINGS = POSTINGS WHERE SKU = ?")) {
            for (String sku : new TreeSet<>(skus)) {
                lock.setString(1, sku);
                if (lock.executeUpdate() == 0) {
                    missingRows.insertIfAbsent("INSERT INTO INV_ITEM (SKU, LAST_POSTED_AT, POSTINGS) VALUES (?, ?, 0)", sku,
                            new Timestamp(0));
                    lock.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock the stock of " + skus + ": " + e.getMessage(), e);
        }
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
        Instant now = BusinessClock.now();
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
    List<StockMovement> write(Opened opened, Source source) {
        StockBook book = opened.book();
        Timestamp at = Timestamp.from(opened.at());
        List<StockMovement> posted = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE INV_STOCK SET QUANTITY = ?, UPDATED_AT = ? WHERE ID = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO INV_STOCK (ID, SKU, WAREHOUSE_CODE, LOT, STATUS, EXPIRY_DATE,"
                     + " QUANTITY, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement lot = c.prepareStatement("INSERT INTO INV_LOT (ID, SKU, LOT, EXPIRY_DATE, CREATED_AT, CREATED_BY,"
                     + " FIRST_DOCUMENT) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement movement = c.prepareStatement("INSERT INTO INV_MOVEMENT (ID, POSTED_AT, POSTED_BY, DOC_TYPE, DOC_NUMBER,"
                     + " LINE_NO, SKU, WAREHOUSE_CODE, LOT, EXPIRY_DATE, STATUS, QUANTITY, BALANCE_AFTER, PARTNER_CODE, REASON)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Key, java.math.BigDecimal> change : book.changed().entrySet()) {
                Key key = change.getKey();
                String id = opened.rowIds().get(key);
                if (id != null) {
                    update.setBigDecimal(1, change.getValue());
                    update.setTimestamp(2, at);
                    update.setString(3, id);
                    update.executeUpdate();
                } else {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, key.sku());
                    insert.setString(3, key.warehouseCode());
                    insert.setString(4, key.lot());
                    insert.setString(5, key.status().name());
                    insert.setDate(6, sqlDate(book.expiryOf(key)));
                    insert.setBigDecimal(7, change.getValue());
                    insert.setTimestamp(8, at);
                    insert.executeUpdate();
                }
            }
            for (Map.Entry<StockBook.LotKey, LocalDate> l : book.newLots().entrySet()) {
                lot.setString(1, UUID.randomUUID().toString());
                lot.setString(2, l.getKey().sku());
                lot.setString(3, l.getKey().lot());
                lot.setDate(4, sqlDate(l.getValue()));
                lot.setTimestamp(5, at);
                lot.setString(6, source.user());
                lot.setString(7, source.documentNumber());
                lot.executeUpdate();
            }
            // A lot that was booked without an expiry date and has one now: the lot and every stock row of it, in all
            // warehouses (the product's lock covers them all). Earlier ledger entries keep what was known when they were made.
            for (String table : List.of("INV_LOT", "INV_STOCK")) {
                try (PreparedStatement date = c.prepareStatement(
                        "UPDATE " + table + " SET EXPIRY_DATE = ? WHERE SKU = ? AND LOT = ? AND EXPIRY_DATE IS NULL")) {
                    for (Map.Entry<StockBook.LotKey, LocalDate> l : book.datedLots().entrySet()) {
                        date.setDate(1, Date.valueOf(l.getValue()));
                        date.setString(2, l.getKey().sku());
                        date.setString(3, l.getKey().lot());
                        date.executeUpdate();
                    }
                }
            }
            int seq = 0;
            for (Move m : book.moves()) {
                seq++;
                StockMovement e = new StockMovement(String.format("%s/%06d", source.documentNumber(), seq), opened.at(), source.user(),
                        source.documentType(), source.documentNumber(), m.lineNo(), m.key().sku(), m.key().warehouseCode(),
                        m.key().lot().isEmpty() ? null : m.key().lot(), m.expiryDate(), m.key().status(), m.quantity(), m.balanceAfter(),
                        source.partnerCode(), source.lineReasons().getOrDefault(m.lineNo(), source.reason()));
                movement.setString(1, e.id());
                movement.setTimestamp(2, at);
                movement.setString(3, e.postedBy());
                movement.setString(4, e.documentType());
                movement.setString(5, e.documentNumber());
                movement.setInt(6, e.lineNo());
                movement.setString(7, e.sku());
                movement.setString(8, e.warehouseCode());
                movement.setString(9, m.key().lot());
                movement.setDate(10, sqlDate(e.expiryDate()));
                movement.setString(11, e.status().name());
                movement.setBigDecimal(12, e.quantity());
                movement.setBigDecimal(13, e.balanceAfter());
                movement.setString(14, e.partnerCode());
                movement.setString(15, e.reason());
                movement.addBatch();
                posted.add(e);
            }
            if (!posted.isEmpty()) {
                movement.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot post " + source.documentNumber() + ": " + e.getMessage(), e);
        }
        if (!posted.isEmpty()) {
            events.append(InventoryEvents.STOCK_POSTED, source.documentNumber(), source.user(), InventoryEvents.posted(source.documentType(),
                    source.partnerCode(), posted));
        }
        return posted;
    }

    /** How many stock rows of a product hold a lot with a balance other than zero, and the first few as "lot quantity status in warehouse". */
    record LotsOnHand(int count, List<String> first) {
    }

    /** The lot balances of a product that are not zero, read under the product's lock row (which it keeps until commit). */
    LotsOnHand lotsOnHand(String sku) {
        lockProducts(List.of(sku));
        List<String> first = new ArrayList<>();
        int count = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT LOT, QUANTITY, STATUS, WAREHOUSE_CODE FROM INV_STOCK"
                     + " WHERE SKU = ? AND LOT <> ? AND QUANTITY <> 0 ORDER BY WAREHOUSE_CODE, LOT, STATUS")) {
            q.setString(1, sku);
            q.setString(2, StockBook.NO_LOT);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (count++ < 3) {
                        first.add(rs.getString(1) + " " + rs.getBigDecimal(2).stripTrailingZeros().toPlainString() + " " + rs.getString(3)
                                + " in " + rs.getString(4));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the lots of " + sku + ": " + e.getMessage(), e);
        }
        return new LotsOnHand(count, first);
    }

    /** Null when {@code code} names an active warehouse, else what is wrong with it; read without a lock (a check on saving a document). */
    String problem(String code) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT ACTIVE FROM INV_WAREHOUSE WHERE CODE = ?")) {
            q.setString(1, code);
            try (ResultSet rs = q.executeQuery()) {
                return problem(code, rs, 1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read warehouse " + code + ": " + e.getMessage(), e);
        }
    }

    /** Moves to the warehouse's row, if any: null when it is active, else what is wrong with it. */
    private static String problem(String code, ResultSet rs, int activeColumn) throws SQLException {
        return !rs.next() ? "unknown warehouse '" + code + "'" : !rs.getBoolean(activeColumn) ? "warehouse '" + code + "' is inactive" : null;
    }

    /** Another module's posting as opened: the book, the one warehouse it moves stock in, its products as read under their locks. */
    /** How the ledger reads a line of another module's posting: its number, the SKU and the lot it names. */
    record LineShape<L>(ToIntFunction<L> lineNo, Function<L, String> sku, Function<L, String> lot) {
    }

    /** Books one line of a posting: its field for problems ({@code lines[i]}), its product, the lot it books under. */
    interface LineBooking<L> {
        void book(L line, String field, Product product, String lot);
    }

    /** Another module's posting opened under its locks, with its lines (what sales and purchase postings share). */
    record DocumentPosting<L>(Opened opened, Store warehouse, Map<String, Product> products, List<L> lines, LineShape<L> shape) {
        /**
         * The lot a line names if its product is lot-tracked, else none: a document saved while the product was
         * lot-tracked books its goods without lots once it no longer is, so that they stay usable.
         */
        String lot(String sku, String lot) {
            return Boolean.TRUE.equals(products.get(sku).lotTracked()) ? lot : null;
        }

        /** Books every line, in document order. */
        void eachLine(LineBooking<L> booking) {
            for (L line : lines) {
                String sku = shape.sku().apply(line);
                booking.book(line, "lines[" + (shape.lineNo().applyAsInt(line) - 1) + "]", products.get(sku), lot(sku, shape.lot().apply(line)));
            }
        }
    }

    /**
     * Opens the posting of another module's document (sales, purchasing) in the warehouse it names, else the
     * default one: 409 naming {@code warehouseCode} when there is neither, or when it is unknown or inactive under
     * its lock; 409 naming the line when a product is gone. The products are read under their locks, so whether
     * one is lot-tracked cannot change under the posting (see {@link LotTrackingGuard}).
     *
     * @param findProducts the products by SKU (the product service's)
     */
    <L> DocumentPosting<L> openDocument(String warehouseCode, String documentNumber, List<L> lines, LineShape<L> shape,
            Function<Collection<String>, Map<String, Product>> findProducts) {
        Map<Integer, String> skuByLine = new HashMap<>();
        lines.forEach(l -> skuByLine.put(shape.lineNo().applyAsInt(l), shape.sku().apply(l)));
        List<String> lots = lines.stream().map(shape.lot()).toList();
        String code = warehouseCode != null ? warehouseCode : defaultWarehouse().map(Store::code).orElseThrow(() -> new ConflictException(
                "warehouseCode", documentNumber + " names no warehouse and no default warehouse is set: mark one as default under /warehouses"));
        Set<String> skus = new HashSet<>(skuByLine.values());
        Opened opened = open(skus, Map.of(code, m -> new ConflictException("warehouseCode", documentNumber + " cannot move stock: " + m)),
                lots, BusinessClock.today());
        Map<String, Product> found = findProducts.apply(skus);
        requireProducts(found, skuByLine);
        return new DocumentPosting<>(opened, opened.store(code), found, lines, shape);
    }

    /** Every line's product must still exist: no stock moves for a product that is gone (409 naming the line). */
    private static void requireProducts(Map<String, ?> found, Map<Integer, String> skuByLine) {
        skuByLine.forEach((lineNo, sku) -> {
            if (!found.containsKey(sku)) {
                throw new ConflictException("lines[" + (lineNo - 1) + "].sku", "product " + sku
                        + " no longer exists: no stock can be moved for it");
            }
        });
    }

    java.util.Optional<Store> defaultWarehouse() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT CODE, ALLOW_NEGATIVE_STOCK FROM INV_WAREHOUSE"
                     + " WHERE DEFAULT_WAREHOUSE = ? AND ACTIVE = ? ORDER BY CODE")) {
            q.setBoolean(1, true);
            q.setBoolean(2, true);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new Store(rs.getString(1), rs.getBoolean(2))) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the default warehouse: " + e.getMessage(), e);
        }
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static int bind(PreparedStatement q, int first, Collection<String> values) throws SQLException {
        int p = first;
        for (String v : values) {
            q.setString(p++, v);
        }
        return p;
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
