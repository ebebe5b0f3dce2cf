package org.titrate.finance.api;

import java.time.LocalDate;
import org.titrate.platform.api.PageRequest;

/** Filters of the ledger, newest first; {@code from}/{@code to} bound the document date. */
public record PostingQuery(PartyType partyType, String partyCode, PostingType type, String documentNumber, LocalDate from,
        LocalDate to, PageRequest page) {
}
