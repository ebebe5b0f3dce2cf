package org.titrate.inventory.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What inventory appends to the platform's event log (and so announces on EventAdmin under the same
 * topic): one event per posted document, in the posting's transaction, keyed by the document's number.
 */
public final class InventoryEvents {
    /** Stock moved for a document: a stock document, a sales shipment or return, a purchase receipt or return. */
    public static final String STOCK_POSTED = "org/titrate/inventory/stock/POSTED";

    /** Payload fields: the document's type, its partner (customer or supplier), how many ledger entries, which SKUs and warehouses. */
    public static final String DOCUMENT_TYPE = "documentType";
    public static final String PARTNER_CODE = "partnerCode";
    public static final String MOVEMENTS = "movements";
    public static final String SKUS = "skus";
    public static final String WAREHOUSES = "warehouseCodes";

    private static final int MAX_LISTED = 1500;

    public static Map<String, Object> posted(String documentType, String partnerCode, List<StockMovement> movements) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(DOCUMENT_TYPE, documentType);
        p.put(PARTNER_CODE, partnerCode);
        p.put(MOVEMENTS, movements.size());
        p.put(SKUS, listed(movements.stream().map(StockMovement::sku).toList()));
        p.put(WAREHOUSES, listed(movements.stream().map(StockMovement::warehouseCode).toList()));
        return p;
    }

    /** Comma-separated, sorted, shortened so the payload stays small: a 500-line document names as many SKUs as fit. */
    private static String listed(List<String> values) {
        String all = String.join(",", new TreeSet<>(values));
        return all.length() <= MAX_LISTED ? all : all.substring(0, all.lastIndexOf(',', MAX_LISTED)) + ",…";
    }

    private InventoryEvents() {
    }
}
