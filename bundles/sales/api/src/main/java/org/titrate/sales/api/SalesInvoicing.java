package org.titrate.sales.api;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Supplies how much of each sales order has been invoiced; implemented by invoicing. The amount is
 * tax-inclusive, in the order's currency: issued invoices minus issued red-letter invoices. While no
 * implementation is registered, nothing counts as invoiced (contract progress shows zero).
 */
@ConsumerType
public interface SalesInvoicing {

    /** Invoiced amounts by order number; orders with nothing invoiced may be left out. */
    Map<String, BigDecimal> invoiced(Collection<String> orderNumbers);
}
