package org.titrate.inventory.impl.entity;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import org.titrate.inventory.api.StockMovement;
import org.titrate.inventory.api.StockStatus;

/** A ledger entry, read here; inserted once by the StockLedger (JDBC), never updated or deleted. */
@Entity
@Table(name = "INV_MOVEMENT")
public class MovementEntity {
    @Id
    @Column(name = "ID", length = 50)
    private String id;

    @Column(name = "POSTED_AT", nullable = false)
    private Timestamp postedAt;

    @Column(name = "POSTED_BY", nullable = false, length = 100)
    private String postedBy;

    @Column(name = "DOC_TYPE", nullable = false, length = 20)
    private String documentType;

    @Column(name = "DOC_NUMBER", nullable = false, length = 40)
    private String documentNumber;

    @Column(name = "LINE_NO", nullable = false)
    private int lineNo;

    @Column(name = "SKU", nullable = false, length = 40)
    private String sku;

    @Column(name = "WAREHOUSE_CODE", nullable = false, length = 40)
    private String warehouseCode;

    @Column(name = "LOT", nullable = false, length = 40)
    private String lot;

    @Column(name = "EXPIRY_DATE")
    private Date expiryDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 12)
    private StockStatus status;

    @Column(name = "QUANTITY", nullable = false, precision = 19, scale = 3)
    private BigDecimal quantity;

    @Column(name = "BALANCE_AFTER", nullable = false, precision = 19, scale = 3)
    private BigDecimal balanceAfter;

    @Column(name = "PARTNER_CODE", length = 40)
    private String partnerCode;

    @Column(name = "REASON", length = 2000)
    private String reason;

    public StockMovement toRecord() {
        return new StockMovement(id, postedAt.toInstant(), postedBy, documentType, documentNumber, lineNo, sku, warehouseCode,
                lot.isEmpty() ? null : lot, expiryDate == null ? null : expiryDate.toLocalDate(), status, quantity, balanceAfter,
                partnerCode, reason);
    }

    public String documentNumber() {
        return documentNumber;
    }
}
