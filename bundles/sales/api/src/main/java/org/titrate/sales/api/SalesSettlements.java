package org.titrate.sales.api;

import java.util.Collection;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Supplies the paid and outstanding amounts of sales documents; implemented by finance. While no
 * implementation is registered, both amounts are zero.
 */
@ConsumerType
public interface SalesSettlements {

    /** Settlements by document number; documents finance does not know are left out. */
    Map<String, Settlement> settlements(Collection<String> orderNumbers);
}
