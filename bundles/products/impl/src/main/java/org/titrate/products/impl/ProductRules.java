package org.titrate.products.impl;

import java.math.BigDecimal;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Money;
import org.titrate.products.api.Category;
import org.titrate.products.api.Product;

/** Validates and normalises what a client sends; every bad field is reported at once. */
final class ProductRules {
    static final int MAX_SHELF_LIFE_DAYS = 36_500;

    private ProductRules() {
    }

    static Product validate(Product in) {
        Check.body(in);
        Check check = new Check();
        String sku = check.code("sku", in.sku(), true);
        String name = check.text("name", in.name(), 200, true);
        String category = check.code("categoryCode", in.categoryCode(), false);
        String unit = check.text("unit", in.unit(), 20, true);
        String cas = check.text("casNumber", in.casNumber(), 12, false);
        if (cas != null && !ChemicalIds.isValidCas(cas)) {
            check.fail("casNumber", "is not a valid CAS registry number (form 7732-18-5, check digit must match)");
        }
        String un = check.text("unNumber", in.unNumber(), 10, false);
        if (un != null) {
            String normalized = ChemicalIds.normalizeUn(un);
            if (normalized == null) {
                check.fail("unNumber", "must be a UN number such as UN1823");
            }
            un = normalized;
        }
        String hazard = check.text("hazardClass", in.hazardClass(), 4, false);
        if (hazard != null && !ChemicalIds.HAZARD_CLASSES.contains(hazard)) {
            check.fail("hazardClass", "must be a UN hazard class or division such as 3, 6.1 or 8");
        }
        if (un != null && hazard == null) {
            check.fail("hazardClass", "is required for dangerous goods with a UN number");
        }
        String packing = check.text("packingGroup", in.packingGroup(), 3, false);
        if (packing != null && !ChemicalIds.PACKING_GROUPS.contains(packing)) {
            check.fail("packingGroup", "must be I, II or III");
        }
        BigDecimal price = check.decimal("listPrice", in.listPrice(), BigDecimal.ZERO, Money.MAX, Money.SCALE, true);
        String currency = check.currency("currency", in.currency());
        boolean lotTracked = Boolean.TRUE.equals(in.lotTracked());
        Integer shelfLife = check.range("shelfLifeDays", in.shelfLifeDays(), 1, MAX_SHELF_LIFE_DAYS, false);
        String reason = check.text("changeReason", in.changeReason(), 500, false);
        check.throwIfInvalid();
        return new Product(in.id(), sku, name, category, unit, cas, un, hazard, packing, price, currency, lotTracked, shelfLife,
                in.active() == null || in.active(), in.version(), null, null, null, null, reason);
    }

    static Category validate(Category in) {
        Check.body(in);
        Check check = new Check();
        String code = check.code("code", in.code(), true);
        String name = check.text("name", in.name(), 200, true);
        String parent = check.code("parentCode", in.parentCode(), false);
        if (parent != null && parent.equals(code)) {
            check.fail("parentCode", "must not be the category itself");
        }
        check.throwIfInvalid();
        return new Category(in.id(), code, name, parent, in.version());
    }
}
