package org.titrate.sales.api;

import java.time.Instant;

/** One entry of a contract's history: who did what, when, from which state to which, and why. Since 1.1. */
public record ContractChange(int seq, ContractAction action, ContractStatus fromStatus, ContractStatus toStatus, Instant at, String by,
        String reason) {
}
