package org.titrate.products.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product with its chemical data. {@code sku} is the human code; {@code hazardClass} is the UN
 * transport class (e.g. {@code 8}, {@code 6.1}) and {@code unNumber} the four-digit UN number of
 * dangerous goods ({@code UN1823}); both are empty for non-dangerous goods. {@code changeReason} is
 * written into the change history, not stored on the product (required to deactivate one).
 */
public record Product(
        String id,
        String sku,
        String name,
        String categoryCode,
        String unit,
        String casNumber,
        String unNumber,
        String hazardClass,
        String packingGroup,
        BigDecimal listPrice,
        String currency,
        Boolean lotTracked,
        Integer shelfLifeDays,
        Boolean active,
        Long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        String changeReason) {

    /** What a client supplies to create or change a product. */
    public static Product of(String sku, String name, String categoryCode, String unit, String casNumber, String unNumber,
            String hazardClass, String packingGroup, BigDecimal listPrice, String currency, boolean lotTracked,
            Integer shelfLifeDays) {
        return new Product(null, sku, name, categoryCode, unit, casNumber, unNumber, hazardClass, packingGroup, listPrice,
                currency, lotTracked, shelfLifeDays, true, null, null, null, null, null, null);
    }
}
