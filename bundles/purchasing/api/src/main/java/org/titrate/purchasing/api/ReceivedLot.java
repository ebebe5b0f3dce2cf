package org.titrate.purchasing.api;

import java.time.LocalDate;

/** The lot (and expiry) a line's goods arrived with, given when receiving. */
public record ReceivedLot(Integer lineNo, String lot, LocalDate expiryDate) {
}
