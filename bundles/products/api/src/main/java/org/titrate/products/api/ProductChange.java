package org.titrate.products.api;

import java.time.Instant;
import java.util.List;

/** One entry of a product's change history: who changed what, when, and why. */
public record ProductChange(Instant at, String by, Boolean fromActive, boolean toActive, List<String> fields, String reason) {
}
