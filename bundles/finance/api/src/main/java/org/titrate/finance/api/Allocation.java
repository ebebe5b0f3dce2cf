package org.titrate.finance.api;

import java.math.BigDecimal;

/** How much of a money document (or credit note) settled which document; positive. */
public record Allocation(String documentNumber, BigDecimal amount) {
}
