package org.titrate.products.impl.soap;

import java.math.BigDecimal;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;
import org.titrate.products.api.Product;

/** A product on the wire of {@code ProductService} (JAXB needs a mutable bean; the API record is not). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "product", propOrder = {"sku", "name", "categoryCode", "unit", "casNumber", "unNumber", "hazardClass",
        "packingGroup", "listPrice", "currency", "lotTracked", "shelfLifeDays", "active", "version", "changeReason"})
public class ProductData {
    public String sku;
    public String name;
    public String categoryCode;
    public String unit;
    public String casNumber;
    public String unNumber;
    public String hazardClass;
    public String packingGroup;
    public BigDecimal listPrice;
    public String currency;
    public Boolean lotTracked;
    public Integer shelfLifeDays;
    public Boolean active;
    public Long version;
    /** Why this save changes the product; goes into its history. */
    public String changeReason;

    static ProductData of(Product p) {
        ProductData d = new ProductData();
        d.sku = p.sku();
        d.name = p.name();
        d.categoryCode = p.categoryCode();
        d.unit = p.unit();
        d.casNumber = p.casNumber();
        d.unNumber = p.unNumber();
        d.hazardClass = p.hazardClass();
        d.packingGroup = p.packingGroup();
        d.listPrice = p.listPrice();
        d.currency = p.currency();
        d.lotTracked = p.lotTracked();
        d.shelfLifeDays = p.shelfLifeDays();
        d.active = p.active();
        d.version = p.version();
        return d;
    }

    Product toRecord(Long currentVersion) {
        return new Product(null, sku, name, categoryCode, unit, casNumber, unNumber, hazardClass, packingGroup, listPrice, currency,
                lotTracked, shelfLifeDays, active, version != null ? version : currentVersion, null, null, null, null, changeReason);
    }
}
