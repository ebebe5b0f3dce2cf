package org.titrate.finance.api;

import java.time.LocalDate;
import org.titrate.platform.api.PageRequest;

/** Filters of a money-document register; {@code from}/{@code to} bound its date; {@code orderNumber} the document it was for. */
public record MoneyQuery(MoneyKind kind, String partyCode, PaymentMethod method, String orderNumber, LocalDate from,
        LocalDate to, PageRequest page) {
}
