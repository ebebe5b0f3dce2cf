package org.titrate.inventory.impl.entity;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.UUID;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.titrate.inventory.api.StockDocumentLine;

@Entity
@Table(name = "INV_DOCUMENT_LINE")
public class StockDocumentLineEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "DOCUMENT_ID", nullable = false, length = 36)
    private String documentId;

    @Column(name = "LINE_NO", nullable = false)
    private int lineNo;

    @Column(name = "SKU", nullable = false, length = 40)
    private String sku;

    @Column(name = "QUANTITY", nullable = false, precision = 19, scale = 3)
    private BigDecimal quantity;

    @Column(name = "LOT", length = 40)
    private String lot;

    @Column(name = "EXPIRY_DATE")
    private Date expiryDate;

    @Column(name = "DIFFERENCE", precision = 19, scale = 3)
    private BigDecimal difference;

    public static StockDocumentLineEntity of(String documentId, StockDocumentLine l) {
        StockDocumentLineEntity e = new StockDocumentLineEntity();
        e.id = UUID.randomUUID().toString();
        e.documentId = documentId;
        e.lineNo = l.lineNo();
        e.sku = l.sku();
        e.quantity = l.quantity();
        e.lot = l.lot();
        e.expiryDate = l.expiryDate() == null ? null : Date.valueOf(l.expiryDate());
        e.difference = l.difference();
        return e;
    }

    /** Product name and unit are the product's, added by the caller. */
    public StockDocumentLine toRecord(String productName, String unit) {
        return new StockDocumentLine(lineNo, sku, productName, unit, quantity, lot, expiryDate == null ? null : expiryDate.toLocalDate(),
                difference);
    }

    public String documentId() {
        return documentId;
    }

    public String sku() {
        return sku;
    }
}
