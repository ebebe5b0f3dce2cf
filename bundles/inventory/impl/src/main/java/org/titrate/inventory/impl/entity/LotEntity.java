package org.titrate.inventory.impl.entity;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A product's lot and its expiry date, read here; written by the StockLedger (JDBC) when a posting first sees the lot. */
@Entity
@Table(name = "INV_LOT")
public class LotEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "SKU", nullable = false, length = 40)
    private String sku;

    @Column(name = "LOT", nullable = false, length = 40)
    private String lot;

    @Column(name = "EXPIRY_DATE")
    private Date expiryDate;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "FIRST_DOCUMENT", nullable = false, length = 40)
    private String firstDocument;

    public String sku() {
        return sku;
    }

    public String lot() {
        return lot;
    }

    public LocalDate expiryDate() {
        return expiryDate == null ? null : expiryDate.toLocalDate();
    }
}
