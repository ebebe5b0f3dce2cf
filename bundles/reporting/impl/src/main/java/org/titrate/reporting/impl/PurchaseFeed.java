package org.titrate.reporting.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.events.LoggedEvent;
import org.titrate.purchasing.api.PurchaseLine;
import org.titrate.purchasing.api.PurchaseOrder;
import org.titrate.purchasing.api.PurchaseOrderService;
import org.titrate.purchasing.api.PurchasingEvents;

/**
 * Purchase documents' line prices into {@code RPT_PURCHASE_LINE}: every event of a document reloads it through
 * {@link PurchaseOrderService} and replaces its lines. The stock ledger's purchase receipts and returns carry the
 * document's number and line, so the purchase-sales statistics value them at the price on the document.
 */
final class PurchaseFeed implements Feed {
    private final Supplier<PurchaseOrderService> purchasing;

    PurchaseFeed(Supplier<PurchaseOrderService> purchasing) {
        this.purchasing = purchasing;
    }

    @Override
    public String cursor() {
        return "reporting.purchasing";
    }

    @Override
    public String typePrefix() {
        return PurchasingEvents.TOPIC_PREFIX;
    }

    @Override
    public Object load(List<LoggedEvent> events) {
        PurchaseOrderService service = purchasing.get();
        if (service == null) {
            return null;
        }
        return Feed.documents(events, service::get);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void store(Connection c, Object loaded) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM RPT_PURCHASE_LINE WHERE ORDER_NUMBER = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO RPT_PURCHASE_LINE (ORDER_NUMBER, LINE_NO, SUPPLIER_CODE, CURRENCY, "
                        + "SKU, UNIT_PRICE) VALUES (" + Sql.marks(6) + ")")) {
            for (PurchaseOrder o : (List<PurchaseOrder>) loaded) {
                delete.setString(1, o.number());
                delete.addBatch();
                for (PurchaseLine l : o.lines()) {
                    Sql.bind(insert, java.util.Arrays.asList(o.number(), l.lineNo(), o.supplierCode(), o.currency(), l.sku(), l.unitPrice()));
                    insert.addBatch();
                }
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }
}
