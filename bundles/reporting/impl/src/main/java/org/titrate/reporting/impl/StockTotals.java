package org.titrate.reporting.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.titrate.platform.api.db.Sql;

/**
 * The daily totals of the stock ledger ({@code RPT_STOCK_DAY}, migration V4) per product, warehouse and category, by
 * kind of movement: the purchase-sales statistics' opening, movements and closing add up a few rows per product and
 * day instead of every movement since the first. Always the same GROUP BY over {@code RPT_STOCK_MOVE}: a day's rows are
 * computed again whenever a document of that day is stored, the whole table once when it is missing.
 */
final class StockTotals {
    private static final String SOLD = "DOC_TYPE IN ('SHIPMENT', 'RETURN_RECEIPT')";
    private static final String SELECT = "SELECT MOVE_DAY, SKU, WAREHOUSE_CODE, CATEGORY_CODE, "
            + "SUM(CASE WHEN DOC_TYPE = 'PURCHASE_RECEIPT' THEN QUANTITY ELSE 0 END), "
            + "SUM(CASE WHEN DOC_TYPE = 'PURCHASE_RETURN' THEN QUANTITY ELSE 0 END), "
            + "SUM(CASE WHEN " + SOLD + " AND QUANTITY < 0 THEN QUANTITY ELSE 0 END), "
            + "SUM(CASE WHEN " + SOLD + " AND QUANTITY > 0 THEN QUANTITY ELSE 0 END), "
            + "SUM(CASE WHEN DOC_TYPE NOT IN ('PURCHASE_RECEIPT', 'PURCHASE_RETURN', 'SHIPMENT', 'RETURN_RECEIPT') THEN QUANTITY ELSE 0 END), "
            + "SUM(QUANTITY), COUNT(*) FROM RPT_STOCK_MOVE";
    private static final String INSERT = "INSERT INTO RPT_STOCK_DAY (MOVE_DAY, SKU, WAREHOUSE_CODE, CATEGORY_CODE, PURCHASED, "
            + "RETURNED_TO_SUPPLIERS, SOLD, RETURNED_BY_CUSTOMERS, ADJUSTED, MOVED, MOVE_COUNT) ";
    private static final String GROUP = " GROUP BY MOVE_DAY, SKU, WAREHOUSE_CODE, CATEGORY_CODE";
    private static final int DAYS_PER_STATEMENT = 100;

    private StockTotals() {
    }

    /** Computes the totals of {@code days} again from the movements, in the caller's transaction. */
    static void recompute(Connection c, Collection<LocalDate> days) throws SQLException {
        List<LocalDate> all = new ArrayList<>(days);
        for (int i = 0; i < all.size(); i += DAYS_PER_STATEMENT) {
            Object[] chunk = all.subList(i, Math.min(all.size(), i + DAYS_PER_STATEMENT)).toArray();
            String in = " WHERE MOVE_DAY IN (" + Sql.marks(chunk.length) + ")";
            Sql.update(c, "DELETE FROM RPT_STOCK_DAY" + in, chunk);
            Sql.update(c, INSERT + SELECT + in + GROUP, chunk);
        }
    }

    /** Replaces the whole table with the totals of every movement, in the caller's transaction. */
    static void rebuild(Connection c) throws SQLException {
        Sql.update(c, "DELETE FROM RPT_STOCK_DAY");
        Sql.update(c, INSERT + SELECT + GROUP);
    }

    /** Whether the database has movements but no totals yet. */
    static boolean missing(Connection c) throws SQLException {
        boolean moves = !Sql.list(c, "SELECT ID FROM RPT_STOCK_MOVE FETCH FIRST 1 ROWS ONLY", List.of(), rs -> rs.getString(1)).isEmpty();
        return moves && Sql.list(c, "SELECT SKU FROM RPT_STOCK_DAY FETCH FIRST 1 ROWS ONLY", List.of(), rs -> rs.getString(1)).isEmpty();
    }
}
