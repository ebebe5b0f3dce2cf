package org.titrate.products.impl;

import java.math.BigDecimal;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.demo.DemoData;
import org.titrate.products.api.Category;
import org.titrate.products.api.Product;
import org.titrate.products.api.ProductService;

/** Industrial chemicals a Chinese distributor really carries, with their CAS and UN data. */
@Component
public class ProductDemoData implements DemoData {

    static final List<Category> CATEGORIES = List.of(
            new Category(null, "INORGANIC", "无机化学品", null, null),
            new Category(null, "ORGANIC", "有机化学品", null, null),
            new Category(null, "ACIDS", "无机酸", "INORGANIC", null),
            new Category(null, "ALKALIS", "碱类", "INORGANIC", null),
            new Category(null, "SALTS", "无机盐", "INORGANIC", null),
            new Category(null, "OXIDIZERS", "氧化剂", "INORGANIC", null),
            new Category(null, "SOLVENTS", "有机溶剂", "ORGANIC", null),
            new Category(null, "ORGANIC-ACIDS", "有机酸", "ORGANIC", null));

    static final List<Product> PRODUCTS = List.of(
            Product.of("NAOH-25", "氢氧化钠(片碱) 99% 25kg/袋", "ALKALIS", "袋", "1310-73-2", "UN1823", "8", "II", price("120.00"), "CNY", true, 730),
            Product.of("KOH-25", "氢氧化钾 90% 25kg/袋", "ALKALIS", "袋", "1310-58-3", "UN1813", "8", "II", price("260.00"), "CNY", true, 730),
            Product.of("HCL-31", "盐酸 31% 工业级 25kg/桶", "ACIDS", "桶", "7647-01-0", "UN1789", "8", "II", price("35.00"), "CNY", true, 365),
            Product.of("H2SO4-98", "硫酸 98% 工业级 1.84t/吨桶", "ACIDS", "吨", "7664-93-9", "UN1830", "8", "II", price("520.00"), "CNY", true, 730),
            Product.of("HNO3-68", "硝酸 68% 30kg/桶", "ACIDS", "桶", "7697-37-2", "UN2031", "8", "II", price("180.00"), "CNY", true, 365),
            Product.of("H2O2-30", "过氧化氢(双氧水) 30% 25kg/桶", "OXIDIZERS", "桶", "7722-84-1", "UN2014", "5.1", "II", price("85.00"), "CNY", true, 180),
            Product.of("NACLO-10", "次氯酸钠溶液 10% 25kg/桶", "OXIDIZERS", "桶", "7681-52-9", "UN1791", "8", "III", price("28.00"), "CNY", true, 90),
            Product.of("NH3-25", "氨水 25% 25kg/桶", "ALKALIS", "桶", "1336-21-6", "UN2672", "8", "III", price("40.00"), "CNY", true, 365),
            Product.of("ETOH-95", "乙醇 95% 160kg/桶", "SOLVENTS", "桶", "64-17-5", "UN1170", "3", "II", price("1150.00"), "CNY", true, 1095),
            Product.of("MEOH-99", "甲醇 99.9% 160kg/桶", "SOLVENTS", "桶", "67-56-1", "UN1230", "3", "II", price("560.00"), "CNY", true, 1095),
            Product.of("ACETONE", "丙酮 99.5% 160kg/桶", "SOLVENTS", "桶", "67-64-1", "UN1090", "3", "II", price("980.00"), "CNY", true, 1095),
            Product.of("TOLUENE", "甲苯 99.5% 180kg/桶", "SOLVENTS", "桶", "108-88-3", "UN1294", "3", "II", price("1260.00"), "CNY", true, 1095),
            Product.of("IPA-99", "异丙醇 99.9% 160kg/桶", "SOLVENTS", "桶", "67-63-0", "UN1219", "3", "II", price("1480.00"), "CNY", true, 1095),
            Product.of("NA2CO3-40", "碳酸钠(纯碱) 99.2% 40kg/袋", "SALTS", "袋", "497-19-8", null, null, null, price("95.00"), "CNY", false, null),
            Product.of("CITRIC-25", "柠檬酸 一水 25kg/袋", "ORGANIC-ACIDS", "袋", "5949-29-1", null, null, null, price("150.00"), "CNY", true, 730));

    @Reference
    private ProductService products;

    @Override
    public String module() {
        return "products";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String load() {
        int categories = 0;
        for (Category c : CATEGORIES) {
            try {
                products.getCategory(c.code());
            } catch (org.titrate.platform.api.NotFoundException e) {
                products.createCategory(c);
                categories++;
            }
        }
        int created = 0;
        for (Product p : PRODUCTS) {
            if (products.findBySku(p.sku()).isEmpty()) {
                products.create(p);
                created++;
            }
        }
        return created + " products, " + categories + " categories added (" + PRODUCTS.size() + " products in the demo set)";
    }

    private static BigDecimal price(String p) {
        return new BigDecimal(p);
    }
}
