package org.titrate.reporting.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.titrate.platform.api.db.Sql;

/**
 * The daily totals of the sales lines ({@code RPT_SALES_DAY}, migration V4): what the sales summary, share, ranking and
 * trend add up when no filter but the currency narrows the lines. A month is then ~30 × (groups) rows instead of every
 * line of the month, a year ~365 × (groups). Always derived from {@code RPT_SALES_LINE} by the same GROUP BY, so the
 * figures cannot differ from the lines': a day's totals are deleted and computed again whenever a document of that day
 * changes, and the whole table once when a database has lines but no totals.
 */
final class SalesTotals {
    /** Per dimension, the line columns of its group's key and name (the name the line-level query shows as MAX). */
    static final Map<String, List<String>> DIMENSIONS = Map.of("product", List.of("SKU", "PRODUCT_NAME"),
            "customer", List.of("CUSTOMER_CODE", "CUSTOMER_NAME"), "category", List.of("CATEGORY_CODE", "CATEGORY_CODE"),
            "channel", List.of("CHANNEL", "CHANNEL"), "salesperson", List.of("SALESPERSON", "SALESPERSON"));
    /** The dimension with the fewest groups, whose rows serve the groupings by day and by month. */
    static final String FEWEST = "channel";
    static final String MOVED = "M";
    static final String ORDERED = "O";
    private static final int DAYS_PER_STATEMENT = 100;

    private SalesTotals() {
    }

    /** The line columns of a basis' day and month, and the condition that keeps the lines counted on it. */
    private static List<String> basis(String basis) {
        return basis.equals(MOVED) ? List.of("MOVED_DAY", "MOVED_MONTH", "MOVED_DAY IS NOT NULL")
                : List.of("ORDER_DATE", "ORDER_MONTH", "COUNTED_ORDERED = TRUE");
    }

    /** Computes the totals of {@code days} on {@code basis} again from the lines, in the caller's transaction. */
    static void recompute(Connection c, String basis, Collection<LocalDate> days) throws SQLException {
        List<LocalDate> all = new ArrayList<>(days);
        for (int i = 0; i < all.size(); i += DAYS_PER_STATEMENT) {
            List<Object> chunk = new ArrayList<>(all.subList(i, Math.min(all.size(), i + DAYS_PER_STATEMENT)));
            String in = " IN (" + Sql.marks(chunk.size()) + ")";
            List<Object> params = new ArrayList<>(List.of(basis));
            params.addAll(chunk);
            Sql.update(c, "DELETE FROM RPT_SALES_DAY WHERE BASIS = ? AND SALES_DAY" + in, params.toArray());
            for (String dimension : DIMENSIONS.keySet()) {
                Sql.update(c, insert(basis, dimension, basis(basis).get(0) + in), chunk.toArray());
            }
        }
    }

    /** Replaces the whole table with the totals of every line, in the caller's transaction. */
    static void rebuild(Connection c) throws SQLException {
        Sql.update(c, "DELETE FROM RPT_SALES_DAY");
        for (String basis : List.of(MOVED, ORDERED)) {
            for (String dimension : DIMENSIONS.keySet()) {
                Sql.update(c, insert(basis, dimension, null));
            }
        }
    }

    private static String insert(String basis, String dimension, String days) {
        List<String> b = basis(basis);
        List<String> group = DIMENSIONS.get(dimension);
        // product rows also keep the warehouse and category, for the purchase-sales statistics' amounts and filters
        String place = dimension.equals("product") ? ", WAREHOUSE_CODE, CATEGORY_CODE" : "";
        String keys = b.get(0) + ", " + b.get(1) + ", " + group.get(0) + (group.get(1).equals(group.get(0)) ? "" : ", " + group.get(1)) + place
                + ", CURRENCY";
        return "INSERT INTO RPT_SALES_DAY (BASIS, DIMENSION, SALES_DAY, SALES_MONTH, GROUP_KEY, GROUP_NAME" + place + ", CURRENCY, "
                + "SHIPPED_QUANTITY, RETURNED_QUANTITY, SHIPPED_AMOUNT, RETURNED_AMOUNT, LINE_COUNT) SELECT '" + basis + "', '" + dimension + "', "
                + b.get(0) + ", " + b.get(1) + ", " + group.get(0) + ", " + group.get(1) + place + ", CURRENCY, "
                + "SUM(CASE WHEN DIRECTION = 'SHIP' THEN QUANTITY ELSE 0 END), SUM(CASE WHEN DIRECTION = 'SHIP' THEN 0 ELSE QUANTITY END), "
                + "SUM(CASE WHEN DIRECTION = 'SHIP' THEN AMOUNT ELSE 0 END), SUM(CASE WHEN DIRECTION = 'SHIP' THEN 0 ELSE AMOUNT END), COUNT(*) "
                + "FROM RPT_SALES_LINE WHERE " + b.get(2) + (days == null ? "" : " AND " + days) + " GROUP BY " + keys;
    }

    /** Whether the database has lines but no totals yet (it had reporting before V4, or its lines were loaded in bulk). */
    static boolean missing(Connection c) throws SQLException {
        boolean lines = !Sql.list(c, "SELECT ORDER_NUMBER FROM RPT_SALES_LINE FETCH FIRST 1 ROWS ONLY", List.of(), rs -> rs.getString(1)).isEmpty();
        return lines && Sql.list(c, "SELECT BASIS FROM RPT_SALES_DAY FETCH FIRST 1 ROWS ONLY", List.of(), rs -> rs.getString(1)).isEmpty();
    }
}
