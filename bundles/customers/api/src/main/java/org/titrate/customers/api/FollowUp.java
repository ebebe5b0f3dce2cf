package org.titrate.customers.api;

import java.time.Instant;
import java.time.LocalDate;

/** A visit, call or enquiry with a customer or prospect, and what to do next. Kept as a log: never edited. */
public record FollowUp(
        String id,
        String customerCode,
        LocalDate date,
        FollowUpChannel channel,
        String summary,
        String nextAction,
        LocalDate nextDate,
        Instant createdAt,
        String createdBy) {
}
