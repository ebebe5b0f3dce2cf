package org.titrate.purchasing.api;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/** Paid and outstanding amounts of purchase documents; implemented by finance. Without it both are zero. */
@ConsumerType
public interface PurchaseSettlements {

    /** How much of a document has been paid and how much is still open, in its currency. */
    record Settlement(BigDecimal paidAmount, BigDecimal outstandingAmount) {
    }

    /** By document number; documents finance does not know are left out. */
    Map<String, Settlement> purchaseSettlements(Collection<String> orderNumbers);
}
