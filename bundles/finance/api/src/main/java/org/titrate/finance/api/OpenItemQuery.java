package org.titrate.finance.api;

import java.time.LocalDate;
import org.titrate.platform.api.PageRequest;

/**
 * Filters of the open items; null means "any". {@code overdue} keeps the debits due before
 * {@code asOf} (today when null); {@code from}/{@code to} bound the document date.
 */
public record OpenItemQuery(PartyType partyType, String partyCode, String currency, boolean overdue, LocalDate asOf,
        LocalDate from, LocalDate to, PageRequest page) {
}
