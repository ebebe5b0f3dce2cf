package org.titrate.inventory.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.titrate.inventory.api.StockStatus;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.ValidationException;

/**
 * The stock of the products one posting touches, as read under their lock rows, and the movements
 * the posting makes. Every rule about quantities lives here — first-expiry-first-out, no negative
 * stock where the warehouse forbids it, counts, lot expiry — so that it is tested without a
 * database. A refusal throws before anything is written.
 */
final class StockBook {
    /** The largest balance a stock row holds (DECIMAL(19, 3)). */
    static final BigDecimal LIMIT = new BigDecimal("9999999999999999.999");
    /** Stock without a lot is booked under the empty lot. */
    static final String NO_LOT = "";

    record Key(String sku, String warehouseCode, String lot, StockStatus status) {
        Key {
            lot = lot == null ? NO_LOT : lot;
        }
    }

    record LotKey(String sku, String lot) {
    }

    /** A movement this posting makes: {@code quantity} signed, {@code balanceAfter} of its key right after it. */
    record Move(int lineNo, Key key, BigDecimal quantity, BigDecimal balanceAfter, LocalDate expiryDate) {
    }

    private final LocalDate today;
    private final Map<Key, BigDecimal> balances = new HashMap<>();
    private final Map<Key, LocalDate> expiries = new HashMap<>();
    /** Expiry of every lot known, null when the lot has none; lots first seen in this posting are also in {@link #newLots}. */
    private final Map<LotKey, LocalDate> lots = new HashMap<>();
    private final Map<LotKey, LocalDate> newLots = new LinkedHashMap<>();
    /** Known lots without an expiry date that this posting gives one. */
    private final Map<LotKey, LocalDate> datedLots = new LinkedHashMap<>();
    private final Map<Key, BigDecimal> changed = new LinkedHashMap<>();
    private final List<Move> moves = new ArrayList<>();

    StockBook(LocalDate today) {
        this.today = today;
    }

    /** What is booked, as read from the database. */
    void load(Key key, BigDecimal quantity, LocalDate expiryDate) {
        balances.put(key, quantity);
        expiries.put(key, expiryDate);
        if (!key.lot().isEmpty()) {
            lots.putIfAbsent(new LotKey(key.sku(), key.lot()), expiryDate);
        }
    }

    void loadLot(String sku, String lot, LocalDate expiryDate) {
        lots.put(new LotKey(sku, lot), expiryDate);
    }

    BigDecimal balance(Key key) {
        return balances.getOrDefault(key, BigDecimal.ZERO);
    }

    boolean knowsLot(String sku, String lot) {
        return lots.containsKey(new LotKey(sku, lot));
    }

    /** The expiry date of a known lot; null when the lot has none or is unknown. */
    LocalDate expiryOf(String sku, String lot) {
        return lot == null ? null : lots.get(new LotKey(sku, lot));
    }

    /**
     * Puts {@code quantity} (> 0) into a lot. A lot seen for the first time takes {@code expiryDate};
     * a known lot keeps its own, and a different one given for it is refused.
     */
    Move add(int lineNo, String field, String sku, String warehouseCode, String lot, StockStatus status, BigDecimal quantity,
            LocalDate expiryDate) {
        return add(lineNo, field, sku, warehouseCode, lot, status, quantity, expiryDate, null);
    }

    /** As {@link #add(int, String, String, String, String, StockStatus, BigDecimal, LocalDate)}; a new lot given no expiry takes {@code expiryIfNew}. */
    Move add(int lineNo, String field, String sku, String warehouseCode, String lot, StockStatus status, BigDecimal quantity,
            LocalDate expiryDate, LocalDate expiryIfNew) {
        LocalDate expiry = meetLot(field, sku, lot, expiryDate, expiryIfNew);
        return move(lineNo, field, new Key(sku, warehouseCode, lot, status), quantity, expiry);
    }

    /**
     * Goods received into available stock. What the warehouse owes without a lot — issued beyond its stock
     * where negative stock is allowed, see {@link #take} — is settled first: those goods were shipped before
     * this receipt was booked. The rest goes into the lot. A lot is registered (and its expiry checked) even
     * when nothing is left for it.
     */
    List<Move> receive(int lineNo, String field, String sku, String warehouseCode, String lot, BigDecimal quantity, LocalDate expiryDate,
            LocalDate expiryIfNew) {
        LocalDate expiry = meetLot(field, sku, lot, expiryDate, expiryIfNew);
        List<Move> result = new ArrayList<>();
        BigDecimal rest = quantity;
        if (lot != null && !lot.isEmpty()) {
            Key owed = new Key(sku, warehouseCode, NO_LOT, StockStatus.AVAILABLE);
            BigDecimal settled = balance(owed).negate().min(quantity);
            if (settled.signum() > 0) {
                result.add(move(lineNo, field, owed, settled, expiries.get(owed)));
                rest = rest.subtract(settled);
            }
        }
        if (rest.signum() > 0) {
            result.add(move(lineNo, field, new Key(sku, warehouseCode, lot, StockStatus.AVAILABLE), rest, expiry));
        }
        return result;
    }

    /**
     * The expiry date of a lot goods are put into: a lot seen for the first time takes {@code expiryDate}, else
     * {@code expiryIfNew}; a known lot keeps its own, and a different one given for it is refused.
     */
    private LocalDate meetLot(String field, String sku, String lot, LocalDate expiryDate, LocalDate expiryIfNew) {
        if (lot == null || lot.isEmpty()) {
            return expiryDate;
        }
        LotKey lk = new LotKey(sku, lot);
        if (!lots.containsKey(lk)) {
            LocalDate expiry = expiryDate != null ? expiryDate : expiryIfNew;
            lots.put(lk, expiry);
            newLots.put(lk, expiry);
            return expiry;
        }
        LocalDate known = lots.get(lk);
        if (known == null && expiryDate != null) {
            // A lot first met without a date (it came back in a return) gets one as soon as someone knows it.
            date(lk, expiryDate);
            return expiryDate;
        }
        if (expiryDate != null && !expiryDate.equals(known)) {
            throw new ValidationException(field + ".expiryDate", "lot " + lot + " of " + sku + " expires on " + known
                    + "; a lot has one expiry date (leave it out to use the lot's)");
        }
        return known;
    }

    private void date(LotKey lot, LocalDate expiry) {
        lots.put(lot, expiry);
        if (newLots.containsKey(lot)) {
            newLots.put(lot, expiry);
        } else {
            datedLots.put(lot, expiry);
        }
        expiries.replaceAll((k, e) -> e == null && k.sku().equals(lot.sku()) && k.lot().equals(lot.lot()) ? expiry : e);
    }

    /**
     * Takes {@code quantity} (> 0) out of a status. With a {@code lot} (or for a product without lots)
     * from exactly that stock; for a lot-tracked product without one, first-expiry-first-out over
     * its lots that have not expired. Stock may go below zero only where {@code allowNegative} and
     * only while available; quarantined goods are counted, never owed.
     *
     * @param refuseExpired refuse to take a named lot that has expired (goods sold to customers)
     */
    List<Move> take(int lineNo, String field, String sku, String warehouseCode, String lot, boolean lotTracked, StockStatus status,
            BigDecimal quantity, boolean allowNegative, boolean refuseExpired) {
        boolean mayOwe = allowNegative && status == StockStatus.AVAILABLE;
        if (lot != null || !lotTracked) {
            Key key = new Key(sku, warehouseCode, lot, status);
            LocalDate expiry = expiries.getOrDefault(key, expiryOf(sku, lot));
            if (refuseExpired && expiry != null && expiry.isBefore(today)) {
                throw new ConflictException(field + ".lot", "lot " + lot + " of " + sku + " expired on " + expiry
                        + " and is not shipped; choose another lot or let the system choose");
            }
            BigDecimal have = balance(key);
            if (!mayOwe && have.compareTo(quantity) < 0) {
                throw shortage(field, sku, warehouseCode, status, lot, quantity, have.max(BigDecimal.ZERO), BigDecimal.ZERO);
            }
            return List.of(move(lineNo, field, key, quantity.negate(), expiry));
        }
        List<Key> candidates = balances.keySet().stream()
                .filter(k -> k.sku().equals(sku) && k.warehouseCode().equals(warehouseCode) && k.status() == status)
                .filter(k -> balance(k).signum() > 0)
                .sorted(Comparator.comparing((Key k) -> expiries.get(k), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Key::lot))
                .toList();
        BigDecimal expired = BigDecimal.ZERO;
        BigDecimal usable = BigDecimal.ZERO;
        for (Key k : candidates) {
            LocalDate e = expiries.get(k);
            if (e != null && e.isBefore(today)) {
                expired = expired.add(balance(k));
            } else {
                usable = usable.add(balance(k));
            }
        }
        if (!mayOwe && usable.compareTo(quantity) < 0) {
            throw shortage(field, sku, warehouseCode, status, null, quantity, usable, expired);
        }
        List<Move> result = new ArrayList<>();
        BigDecimal remaining = quantity;
        for (Key k : candidates) {
            LocalDate e = expiries.get(k);
            if (remaining.signum() == 0) {
                break;
            }
            if (e != null && e.isBefore(today)) {
                continue;
            }
            BigDecimal part = remaining.min(balance(k));
            result.add(move(lineNo, field, k, part.negate(), e));
            remaining = remaining.subtract(part);
        }
        if (remaining.signum() > 0) {
            // Owed where negative stock is allowed: booked without a lot until a count or receipt puts it right.
            result.add(move(lineNo, field, new Key(sku, warehouseCode, NO_LOT, status), remaining.negate(), null));
        }
        return result;
    }

    /**
     * A stock count: books the difference between {@code counted} and what is booked; returns that difference.
     * Without a lot it counts the stock booked without one. For a lot-tracked product that is stock owed by an
     * over-issue or returned without a lot, which a count may bring down, or up to zero to settle what is owed;
     * goods found beyond that are counted into their lot (409 naming the line's {@code lot}).
     */
    BigDecimal count(int lineNo, String field, String sku, String warehouseCode, String lot, boolean lotTracked, BigDecimal counted,
            LocalDate expiryDate, LocalDate expiryIfNew) {
        Key key = new Key(sku, warehouseCode, lot, StockStatus.AVAILABLE);
        BigDecimal booked = balance(key);
        if (lotTracked && key.lot().isEmpty() && counted.compareTo(booked.max(BigDecimal.ZERO)) > 0) {
            throw new ConflictException(field + ".lot", "is required to count more of " + sku + " in " + warehouseCode + " than is booked"
                    + " without a lot (" + booked.stripTrailingZeros().toPlainString() + "): " + sku + " is lot-tracked, so goods found"
                    + " are counted into their lot; without a lot a count only settles or lowers what is booked");
        }
        BigDecimal difference = counted.subtract(booked);
        if (difference.signum() > 0) {
            add(lineNo, field, sku, warehouseCode, lot, StockStatus.AVAILABLE, difference, expiryDate, expiryIfNew);
        } else if (difference.signum() < 0) {
            move(lineNo, field, key, difference, expiries.getOrDefault(key, expiryOf(sku, lot)));
        }
        return difference;
    }

    private Move move(int lineNo, String field, Key key, BigDecimal quantity, LocalDate expiryDate) {
        BigDecimal after = balance(key).add(quantity);
        if (after.abs().compareTo(LIMIT) > 0) {
            throw new ValidationException(field + ".quantity", "would put the stock of " + key.sku() + " beyond "
                    + LIMIT.toPlainString() + ", more than the books can hold");
        }
        balances.put(key, after);
        expiries.putIfAbsent(key, expiryDate);
        changed.put(key, after);
        Move m = new Move(lineNo, key, quantity, after, expiries.get(key));
        moves.add(m);
        return m;
    }

    private static ConflictException shortage(String field, String sku, String warehouseCode, StockStatus status, String lot,
            BigDecimal wanted, BigDecimal available, BigDecimal expired) {
        String what = status == StockStatus.QUARANTINE ? "in quarantine" : "available";
        String where = lot == null ? sku : sku + " lot " + lot;
        String detail = "not enough stock of " + where + " in " + warehouseCode + ": " + wanted.stripTrailingZeros().toPlainString()
                + " wanted, " + available.stripTrailingZeros().toPlainString() + " " + what;
        if (expired.signum() > 0) {
            detail += " (" + expired.stripTrailingZeros().toPlainString() + " more in expired lots, which are never chosen)";
        }
        return new ConflictException(field + ".quantity", detail);
    }

    /** Every movement so far, in the order made. */
    List<Move> moves() {
        return List.copyOf(moves);
    }

    /** The balances this posting changed, with their new quantities. */
    Map<Key, BigDecimal> changed() {
        return Map.copyOf(changed);
    }

    LocalDate expiryOf(Key key) {
        return expiries.get(key);
    }

    /** Known lots that had no expiry date and were given one in this posting. */
    Map<LotKey, LocalDate> datedLots() {
        return new LinkedHashMap<>(datedLots);
    }

    /** Lots first seen in this posting, with their expiry dates (null for none). */
    Map<LotKey, LocalDate> newLots() {
        return new LinkedHashMap<>(newLots);
    }

    LocalDate today() {
        return today;
    }
}
