package org.titrate.inventory.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stock in/out form, posted when it is created and never changed afterwards. {@code reference}
 * is the outside paper (a supplier's delivery note, a count sheet); {@code reason} says why stock
 * was adjusted, held, released or scrapped. {@code movements} are the ledger entries it posted.
 */
public record StockDocument(
        String id,
        String number,
        StockDocumentType type,
        String warehouseCode,
        String toWarehouseCode,
        String reference,
        String reason,
        LocalDate documentDate,
        List<StockDocumentLine> lines,
        List<StockMovement> movements,
        Instant postedAt,
        String postedBy) {

    /** What a client supplies. */
    public static StockDocument of(StockDocumentType type, String warehouseCode, String toWarehouseCode, String reference,
            String reason, List<StockDocumentLine> lines) {
        return new StockDocument(null, null, type, warehouseCode, toWarehouseCode, reference, reason, null, lines, null, null, null);
    }
}
