package org.titrate.finance.api;

import org.titrate.platform.api.PageRequest;

/** Filters of the balance list; {@code openOnly} leaves out settled accounts (balance 0 and nothing open). */
public record BalanceQuery(PartyType partyType, String partyCode, String currency, boolean openOnly, PageRequest page) {
}
