package org.titrate.sales.impl.soap;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.titrate.platform.api.ValidationException;

/** Dates arrive as {@code YYYY-MM-DD} text; a malformed one is a client fault naming the field. */
final class SoapDates {
    private SoapDates() {
    }

    static LocalDate parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be a date YYYY-MM-DD");
        }
    }
}
