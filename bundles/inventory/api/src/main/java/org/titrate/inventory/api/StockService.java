package org.titrate.inventory.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.titrate.platform.api.Page;

/**
 * On-hand stock, stock documents and the ledger. Every posting locks the products it touches, so
 * concurrent postings of one product queue and none drives stock negative where the warehouse
 * forbids it; a refused posting (409) changes nothing.
 */
@ProviderType
public interface StockService {

    Page<StockRow> stock(StockQuery query);

    /** On hand of one product: every warehouse, lot and status with a quantity, or one warehouse's. */
    List<StockRow> stockOf(String sku, String warehouseCode);

    Page<StockMovement> movements(MovementQuery query);

    /** Validates and posts a stock document in one transaction. */
    StockDocument post(StockDocument document);

    Page<StockDocument> documents(DocumentQuery query);

    /** By number or id. */
    StockDocument document(String idOrNumber);
}
