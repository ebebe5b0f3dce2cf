package org.titrate.inventory.api;

import java.time.LocalDate;
import org.titrate.platform.api.PageRequest;

/** Filters of the stock ledger; null means any. Dates are the business day (China Standard Time), both ends included. */
public record MovementQuery(String sku, String warehouseCode, String lot, StockStatus status, String documentType,
        String documentNumber, LocalDate from, LocalDate to, PageRequest page) {
}
