package org.titrate.inventory.impl.entity;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import org.titrate.inventory.api.StockStatus;

/**
 * On hand of one product, warehouse, lot and status: the sum of its ledger entries. Read here; written
 * only by the StockLedger's postings (JDBC), under the product's lock row. {@code LOT} is '' for stock
 * without a lot.
 */
@Entity
@Table(name = "INV_STOCK")
public class StockEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "SKU", nullable = false, length = 40)
    private String sku;

    @Column(name = "WAREHOUSE_CODE", nullable = false, length = 40)
    private String warehouseCode;

    @Column(name = "LOT", nullable = false, length = 40)
    private String lot;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 12)
    private StockStatus status;

    @Column(name = "EXPIRY_DATE")
    private Date expiryDate;

    @Column(name = "QUANTITY", nullable = false, precision = 19, scale = 3)
    private BigDecimal quantity;

    @Column(name = "UPDATED_AT", nullable = false)
    private Timestamp updatedAt;

    public String sku() {
        return sku;
    }

    public String warehouseCode() {
        return warehouseCode;
    }

    /** Null for stock without a lot. */
    public String lot() {
        return lot.isEmpty() ? null : lot;
    }

    public StockStatus status() {
        return status;
    }

    public LocalDate expiryDate() {
        return expiryDate == null ? null : expiryDate.toLocalDate();
    }

    public BigDecimal quantity() {
        return quantity;
    }
}
