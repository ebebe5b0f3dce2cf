package org.titrate.invoicing.impl;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.customers.api.CustomerService;
import org.titrate.customers.api.CustomerTaxData;
import org.titrate.customers.api.CustomerTaxService;
import org.titrate.platform.api.demo.DemoData;
import org.titrate.products.api.ProductService;
import org.titrate.products.api.ProductTax;
import org.titrate.products.api.ProductTaxService;

/**
 * The tax data invoices need: the demo products' VAT rate (13 %, goods) and classification codes (化学原料及化学制品),
 * the wholesale demo customers' buyer data. Runs after products and customers; leaves whatever is set already.
 */
@Component
public class InvoicingDemoData implements DemoData {
    private static final BigDecimal GOODS = new BigDecimal("0.13");
    private static final Map<String, String> CODES = new LinkedHashMap<>();
    private static final List<CustomerTaxData> BUYERS = List.of(
            buyer("C000101", "江苏恒瑞精细化工有限公司", "91320500MA1MH4QK7B", "苏州工业园区星湖街 328 号 0512-66582301", "中国工商银行苏州工业园区支行 1102020109000123456"),
            buyer("C000102", "浙江龙盛化工贸易有限公司", "91330600MA2BDR5X3U", "浙江省绍兴市上虞区道墟镇 0575-82157788", "中国银行上虞支行 3583 5812 6688"),
            buyer("C000103", "上海华谊新材料有限公司", "91310115MA1K3LQ08U", "上海市浦东新区张江路 1388 号 021-64321100", "交通银行上海张江支行 310066726018800012345"),
            buyer("C000104", "宁波镇海炼化助剂厂", "91330211MA2GU8TC5F", "宁波市镇海区蛟川街道 0574-86273300", "中国农业银行宁波镇海支行 39101001040012345"));

    static {
        CODES.put("NAOH-25", "1070213020000000000");
        CODES.put("KOH-25", "1070213020000000000");
        CODES.put("HCL-31", "1070213010000000000");
        CODES.put("H2SO4-98", "1070213010000000000");
        CODES.put("HNO3-68", "1070213010000000000");
        CODES.put("H2O2-30", "1070213990000000000");
        CODES.put("NACLO-10", "1070213990000000000");
        CODES.put("NH3-25", "1070213990000000000");
        CODES.put("ETOH-95", "1070214010000000000");
        CODES.put("MEOH-99", "1070214010000000000");
        CODES.put("ACETONE", "1070214010000000000");
        CODES.put("TOLUENE", "1070214010000000000");
        CODES.put("IPA-99", "1070214010000000000");
        CODES.put("NA2CO3-40", "1070213030000000000");
        CODES.put("CITRIC-25", "1070214020000000000");
    }

    @Reference
    private ProductService products;

    @Reference
    private ProductTaxService productTaxes;

    @Reference
    private CustomerService customers;

    @Reference
    private CustomerTaxService customerTaxes;

    private static CustomerTaxData buyer(String code, String name, String taxId, String addressPhone, String bankAccount) {
        return new CustomerTaxData(code, name, taxId, addressPhone, bankAccount, null, null);
    }

    @Override
    public String module() {
        return "invoicing";
    }

    @Override
    public int order() {
        return 36;
    }

    @Override
    public String load() {
        Map<String, ProductTax> set = productTaxes.find(CODES.keySet());
        int productsAdded = 0;
        for (Map.Entry<String, String> e : CODES.entrySet()) {
            if (!set.containsKey(e.getKey()) && products.findBySku(e.getKey()).isPresent()) {
                productTaxes.set(e.getKey(), new ProductTax(e.getKey(), GOODS, e.getValue(), null, null, null));
                productsAdded++;
            }
        }
        int buyersAdded = 0;
        for (CustomerTaxData b : BUYERS) {
            if (customers.findByCode(b.customerCode()).isPresent() && customerTaxes.get(b.customerCode()).taxId() == null) {
                customerTaxes.set(b.customerCode(), b);
                buyersAdded++;
            }
        }
        return productsAdded + " products' and " + buyersAdded + " customers' tax data added";
    }
}
