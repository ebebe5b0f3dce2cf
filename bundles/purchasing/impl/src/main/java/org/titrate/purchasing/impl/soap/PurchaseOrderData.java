package org.titrate.purchasing.impl.soap;

import java.math.BigDecimal;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import org.titrate.purchasing.api.PurchaseLine;
import org.titrate.purchasing.api.PurchaseOrder;

/** A purchase document on the wire; dates {@code YYYY-MM-DD}, amounts signed like the lines. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "purchaseOrder", propOrder = {"number", "type", "status", "supplierCode", "supplierName", "warehouseCode",
        "sourceOrderNumber", "supplierReference", "currency", "orderDate", "totalAmount", "paidAmount", "outstandingAmount", "lines"})
public class PurchaseOrderData {
    public String number;
    public String type;
    public String status;
    public String supplierCode;
    public String supplierName;
    public String warehouseCode;
    public String sourceOrderNumber;
    public String supplierReference;
    public String currency;
    @XmlSchemaType(name = "date")
    public String orderDate;
    public BigDecimal totalAmount;
    public BigDecimal paidAmount;
    public BigDecimal outstandingAmount;
    @XmlElement(name = "line")
    public List<Line> lines;

    /** A line: signed quantity, the lot and expiry it was received with. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "purchaseLine", propOrder = {"lineNo", "sku", "productName", "direction", "quantity", "unitPrice", "amount", "lot",
            "expiryDate"})
    public static class Line {
        public Integer lineNo;
        public String sku;
        public String productName;
        public String direction;
        public BigDecimal quantity;
        public BigDecimal unitPrice;
        public BigDecimal amount;
        public String lot;
        @XmlSchemaType(name = "date")
        public String expiryDate;

        static Line of(PurchaseLine l) {
            Line d = new Line();
            d.lineNo = l.lineNo();
            d.sku = l.sku();
            d.productName = l.productName();
            d.direction = l.direction().name();
            d.quantity = l.quantity();
            d.unitPrice = l.unitPrice();
            d.amount = l.amount();
            d.lot = l.lot();
            d.expiryDate = l.expiryDate() == null ? null : l.expiryDate().toString();
            return d;
        }
    }

    static PurchaseOrderData of(PurchaseOrder o) {
        PurchaseOrderData d = new PurchaseOrderData();
        d.number = o.number();
        d.type = o.type().name();
        d.status = o.status().name();
        d.supplierCode = o.supplierCode();
        d.supplierName = o.supplierName();
        d.warehouseCode = o.warehouseCode();
        d.sourceOrderNumber = o.sourceOrderNumber();
        d.supplierReference = o.supplierReference();
        d.currency = o.currency();
        d.orderDate = o.orderDate().toString();
        d.totalAmount = o.totalAmount();
        d.paidAmount = o.paidAmount();
        d.outstandingAmount = o.outstandingAmount();
        d.lines = o.lines().stream().map(Line::of).toList();
        return d;
    }
}
