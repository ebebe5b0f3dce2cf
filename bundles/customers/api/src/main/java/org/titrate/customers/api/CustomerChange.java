package org.titrate.customers.api;

import java.time.Instant;
import java.util.List;

/** One entry of a customer's change history: who changed what, when, and why. */
public record CustomerChange(Instant at, String by, CustomerStatus fromStatus, CustomerStatus toStatus, List<String> fields,
        String reason) {
}
