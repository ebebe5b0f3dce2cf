package org.titrate.reporting.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.titrate.inventory.api.InventoryEvents;
import org.titrate.inventory.api.MovementQuery;
import org.titrate.inventory.api.StockMovement;
import org.titrate.inventory.api.StockService;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.events.LoggedEvent;
import org.titrate.platform.api.time.BusinessClock;

/**
 * The stock ledger into {@code RPT_STOCK_MOVE}: each posted document's movements, read through
 * {@link StockService#movements}, replace the document's rows.
 */
final class StockFeed implements Feed {
    private final Supplier<StockService> stock;
    private final Function<String, String> category;
    private final Function<LoggedEvent, Map<String, Object>> payload;

    StockFeed(Supplier<StockService> stock, Function<String, String> category, Function<LoggedEvent, Map<String, Object>> payload) {
        this.stock = stock;
        this.category = category;
        this.payload = payload;
    }

    @Override
    public String cursor() {
        return "reporting.inventory";
    }

    @Override
    public String typePrefix() {
        return InventoryEvents.STOCK_POSTED;
    }

    /** A document's movements, keyed by its type and number. */
    record Posted(String type, String number, List<StockMovement> movements) {
    }

    @Override
    public Object load(List<LoggedEvent> events) {
        StockService service = stock.get();
        if (service == null) {
            return null;
        }
        Map<String, Posted> documents = new LinkedHashMap<>();
        for (LoggedEvent e : events) {
            String type = String.valueOf(payload.apply(e).get(InventoryEvents.DOCUMENT_TYPE));
            documents.computeIfAbsent(type + "|" + e.key(), k -> new Posted(type, e.key(), movements(service, type, e.key())));
        }
        return new ArrayList<>(documents.values());
    }

    private static List<StockMovement> movements(StockService service, String type, String number) {
        return Feed.all(page -> service.movements(new MovementQuery(null, null, null, null, type, number, null, null, page)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void store(Connection c, Object loaded) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM RPT_STOCK_MOVE WHERE DOC_TYPE = ? AND DOC_NUMBER = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO RPT_STOCK_MOVE (ID, POSTED_AT, MOVE_DAY, DOC_TYPE, DOC_NUMBER, "
                        + "LINE_NO, SKU, CATEGORY_CODE, WAREHOUSE_CODE, LOT, STOCK_STATUS, QUANTITY, PARTNER_CODE) VALUES ("
                        + Sql.marks(13) + ")")) {
            // the days whose totals change: those the documents' movements were on before, and those they are on now
            java.util.Set<java.time.LocalDate> days = new java.util.TreeSet<>();
            for (Posted p : (List<Posted>) loaded) {
                days.addAll(Sql.list(c, "SELECT DISTINCT MOVE_DAY FROM RPT_STOCK_MOVE WHERE DOC_TYPE = ? AND DOC_NUMBER = ?",
                        List.of(p.type(), p.number()), rs -> Sql.date(rs, 1)));
                Sql.bind(delete, List.of(p.type(), p.number()));
                delete.addBatch();
                for (StockMovement m : p.movements()) {
                    days.add(BusinessClock.day(m.postedAt()));
                    Sql.bind(insert, java.util.Arrays.asList(m.id(), m.postedAt(), BusinessClock.day(m.postedAt()), m.documentType(),
                            m.documentNumber(), m.lineNo(), m.sku(), category.apply(m.sku()), m.warehouseCode(), m.lot(),
                            m.status().name(), m.quantity(), m.partnerCode()));
                    insert.addBatch();
                }
            }
            delete.executeBatch();
            insert.executeBatch();
            StockTotals.recompute(c, days);
        }
    }
}
