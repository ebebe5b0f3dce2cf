package org.titrate.sales.impl.entity;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.UUID;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import org.titrate.sales.api.Direction;
import org.titrate.sales.api.OrderLine;

/** A document line; written with the document and replaced only while it is a draft. */
@Entity
@Table(name = "SAL_ORDER_LINE")
public class OrderLineEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ORDER_ID", nullable = false, length = 36)
    private String orderId;

    @Column(name = "LINE_NO", nullable = false)
    private int lineNo;

    @Column(name = "SKU", nullable = false, length = 40)
    private String sku;

    @Column(name = "PRODUCT_NAME", nullable = false, length = 200)
    private String productName;

    @Column(name = "UNIT", nullable = false, length = 20)
    private String unit;

    @Enumerated(EnumType.STRING)
    @Column(name = "DIRECTION", nullable = false, length = 10)
    private Direction direction;

    @Column(name = "QUANTITY", nullable = false, precision = 15, scale = 3)
    private BigDecimal quantity;

    @Column(name = "UNIT_PRICE", nullable = false, precision = 15, scale = 2)
    private BigDecimal unitPrice;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "DELIVERY_DATE")
    private Date deliveryDate;

    @Column(name = "LOT", length = 40)
    private String lot;

    @Column(name = "REASON_CODE", length = 40)
    private String reasonCode;

    @Column(name = "NOTE", length = 500)
    private String note;

    /** A line validated and priced by OrderRules. */
    public static OrderLineEntity of(String orderId, OrderLine l) {
        OrderLineEntity e = new OrderLineEntity();
        e.id = UUID.randomUUID().toString();
        e.orderId = orderId;
        e.lineNo = l.lineNo();
        e.sku = l.sku();
        e.productName = l.productName();
        e.unit = l.unit();
        e.direction = l.direction();
        e.quantity = l.quantity();
        e.unitPrice = l.unitPrice();
        e.amount = l.amount();
        e.deliveryDate = l.deliveryDate() == null ? null : Date.valueOf(l.deliveryDate());
        e.lot = l.lot();
        e.reasonCode = l.reasonCode();
        e.note = l.note();
        return e;
    }

    public OrderLine toRecord() {
        return new OrderLine(lineNo, sku, productName, unit, direction, quantity, unitPrice, amount,
                deliveryDate == null ? null : deliveryDate.toLocalDate(), lot, reasonCode, note);
    }

    public String orderId() {
        return orderId;
    }
}
