package org.titrate.sales.api;

/**
 * States of a sales contract: {@code DRAFT → ACTIVE → EXPIRED | TERMINATED}. Only an active contract within its
 * validity may be named by a new order; expired and terminated ones are final. Since 1.1.
 */
public enum ContractStatus {
    DRAFT, ACTIVE, EXPIRED, TERMINATED
}
