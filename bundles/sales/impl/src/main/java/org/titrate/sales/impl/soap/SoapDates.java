package org.titrate.sales.impl.soap;

import java.time.LocalDate;
import org.titrate.platform.api.Check;

/** Dates arrive as {@code YYYY-MM-DD} text; a malformed one is a client fault naming the field. */
final class SoapDates {
    private SoapDates() {
    }

    static LocalDate parse(String field, String value) {
        Check check = new Check();
        LocalDate date = check.date(field, value);
        check.throwIfInvalid();
        return date;
    }
}
