package org.titrate.inventory.api;

import java.time.LocalDate;
import org.titrate.platform.api.PageRequest;

/** Filters of the stock document list; {@code q} searches number and reference. */
public record DocumentQuery(StockDocumentType type, String warehouseCode, LocalDate from, LocalDate to, String q, PageRequest page) {
}
