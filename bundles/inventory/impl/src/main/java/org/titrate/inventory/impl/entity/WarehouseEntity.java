package org.titrate.inventory.impl.entity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.titrate.inventory.api.Warehouse;

@Entity
@Table(name = "INV_WAREHOUSE")
public class WarehouseEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CODE", nullable = false, length = 40)
    private String code;

    @Column(name = "NAME", nullable = false, length = 200)
    private String name;

    @Column(name = "ADDRESS", length = 500)
    private String address;

    @Column(name = "QUARANTINE_LOCATION", nullable = false, length = 40)
    private String quarantineLocation;

    @Column(name = "ALLOW_NEGATIVE_STOCK", nullable = false)
    private boolean allowNegativeStock;

    @Column(name = "DEFAULT_WAREHOUSE", nullable = false)
    private boolean defaultWarehouse;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "UPDATED_AT", nullable = false)
    private Timestamp updatedAt;

    @Column(name = "UPDATED_BY", nullable = false, length = 100)
    private String updatedBy;

    public static WarehouseEntity create(String code, String user, Instant now) {
        WarehouseEntity e = new WarehouseEntity();
        e.id = UUID.randomUUID().toString();
        e.code = code;
        e.active = true;
        e.createdAt = Timestamp.from(now);
        e.createdBy = user;
        return e;
    }

    public void apply(String name, String address, String quarantineLocation, boolean allowNegativeStock, boolean defaultWarehouse,
            boolean active, String user, Instant now) {
        this.name = name;
        this.address = address;
        this.quarantineLocation = quarantineLocation;
        this.allowNegativeStock = allowNegativeStock;
        this.defaultWarehouse = defaultWarehouse;
        this.active = active;
        this.updatedAt = Timestamp.from(now);
        this.updatedBy = user;
    }

    public Warehouse toRecord() {
        return new Warehouse(id, code, name, address, quarantineLocation, allowNegativeStock, defaultWarehouse, active, version,
                createdAt.toInstant(), createdBy, updatedAt.toInstant(), updatedBy);
    }

    public String code() {
        return code;
    }

    public long version() {
        return version;
    }

    public boolean active() {
        return active;
    }

    public boolean allowNegativeStock() {
        return allowNegativeStock;
    }

    public boolean defaultWarehouse() {
        return defaultWarehouse;
    }

    public void notDefault() {
        defaultWarehouse = false;
    }
}
