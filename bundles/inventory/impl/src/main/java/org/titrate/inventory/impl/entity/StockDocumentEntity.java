package org.titrate.inventory.impl.entity;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import org.titrate.inventory.api.StockDocument;
import org.titrate.inventory.api.StockDocumentLine;
import org.titrate.inventory.api.StockDocumentType;
import org.titrate.inventory.api.StockMovement;

/** A posted stock document; written once, never changed. */
@Entity
@Table(name = "INV_DOCUMENT")
public class StockDocumentEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "DOC_NUMBER", nullable = false, length = 40)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(name = "DOC_TYPE", nullable = false, length = 12)
    private StockDocumentType type;

    @Column(name = "WAREHOUSE_CODE", nullable = false, length = 40)
    private String warehouseCode;

    @Column(name = "TO_WAREHOUSE_CODE", length = 40)
    private String toWarehouseCode;

    @Column(name = "REFERENCE", length = 100)
    private String reference;

    @Column(name = "REASON", length = 2000)
    private String reason;

    @Column(name = "DOC_DATE", nullable = false)
    private Date documentDate;

    @Column(name = "POSTED_AT", nullable = false)
    private Timestamp postedAt;

    @Column(name = "POSTED_BY", nullable = false, length = 100)
    private String postedBy;

    public static StockDocumentEntity of(String number, StockDocumentType type, String warehouseCode, String toWarehouseCode,
            String reference, String reason, LocalDate documentDate, String user, Instant now) {
        StockDocumentEntity e = new StockDocumentEntity();
        e.id = UUID.randomUUID().toString();
        e.number = number;
        e.type = type;
        e.warehouseCode = warehouseCode;
        e.toWarehouseCode = toWarehouseCode;
        e.reference = reference;
        e.reason = reason;
        e.documentDate = Date.valueOf(documentDate);
        e.postedAt = Timestamp.from(now);
        e.postedBy = user;
        return e;
    }

    public StockDocument toRecord(List<StockDocumentLine> lines, List<StockMovement> movements) {
        return new StockDocument(id, number, type, warehouseCode, toWarehouseCode, reference, reason, documentDate.toLocalDate(), lines,
                movements, postedAt.toInstant(), postedBy);
    }

    public String id() {
        return id;
    }

    public String number() {
        return number;
    }
}
