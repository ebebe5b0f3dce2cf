package org.titrate.products.impl.entity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.titrate.products.api.Product;

@Entity
@Table(name = "PRD_PRODUCT")
public class ProductEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "SKU", nullable = false, length = 40)
    private String sku;

    @Column(name = "NAME", nullable = false, length = 200)
    private String name;

    @Column(name = "CATEGORY_CODE", length = 40)
    private String categoryCode;

    @Column(name = "UNIT", nullable = false, length = 20)
    private String unit;

    @Column(name = "CAS_NUMBER", length = 12)
    private String casNumber;

    @Column(name = "UN_NUMBER", length = 6)
    private String unNumber;

    @Column(name = "HAZARD_CLASS", length = 4)
    private String hazardClass;

    @Column(name = "PACKING_GROUP", length = 3)
    private String packingGroup;

    @Column(name = "LIST_PRICE", nullable = false, precision = 15, scale = 2)
    private BigDecimal listPrice;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    private String currency;

    @Column(name = "LOT_TRACKED", nullable = false)
    private boolean lotTracked;

    @Column(name = "SHELF_LIFE_DAYS")
    private Integer shelfLifeDays;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    @Version
    @Column(name = "VERSION")
    private long version;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "UPDATED_AT", nullable = false)
    private Timestamp updatedAt;

    @Column(name = "UPDATED_BY", nullable = false, length = 100)
    private String updatedBy;

    public static ProductEntity create(String sku, String user, Instant now) {
        ProductEntity e = new ProductEntity();
        e.id = UUID.randomUUID().toString();
        e.sku = sku;
        e.createdAt = Timestamp.from(now);
        e.createdBy = user;
        return e;
    }

    /** Applies a validated product (see ProductRules). */
    public void apply(Product p, String user, Instant now) {
        name = p.name();
        categoryCode = p.categoryCode();
        unit = p.unit();
        casNumber = p.casNumber();
        unNumber = p.unNumber();
        hazardClass = p.hazardClass();
        packingGroup = p.packingGroup();
        listPrice = p.listPrice();
        currency = p.currency();
        lotTracked = Boolean.TRUE.equals(p.lotTracked());
        shelfLifeDays = p.shelfLifeDays();
        active = p.active() == null || p.active();
        updatedAt = Timestamp.from(now);
        updatedBy = user;
    }

    public Product toRecord() {
        return new Product(id, sku, name, categoryCode, unit, casNumber, unNumber, hazardClass, packingGroup, listPrice,
                currency, lotTracked, shelfLifeDays, active, version, createdAt.toInstant(), createdBy, updatedAt.toInstant(),
                updatedBy, null);
    }

    public String id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public long version() {
        return version;
    }
}
