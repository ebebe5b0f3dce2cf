package org.titrate.sales.impl.soap;

import java.math.BigDecimal;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import org.titrate.sales.api.Direction;
import org.titrate.sales.api.OrderLine;

/** A document line on the wire; {@code deliveryDate} as {@code YYYY-MM-DD}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "orderLine", propOrder = {"lineNo", "sku", "productName", "unit", "direction", "quantity", "unitPrice", "amount",
        "deliveryDate", "lot", "reasonCode", "note"})
public class OrderLineData {
    public Integer lineNo;
    public String sku;
    public String productName;
    public String unit;
    public Direction direction;
    public BigDecimal quantity;
    public BigDecimal unitPrice;
    public BigDecimal amount;
    @XmlSchemaType(name = "date")
    public String deliveryDate;
    public String lot;
    public String reasonCode;
    public String note;

    static OrderLineData of(OrderLine l) {
        OrderLineData d = new OrderLineData();
        d.lineNo = l.lineNo();
        d.sku = l.sku();
        d.productName = l.productName();
        d.unit = l.unit();
        d.direction = l.direction();
        d.quantity = l.quantity();
        d.unitPrice = l.unitPrice();
        d.amount = l.amount();
        d.deliveryDate = l.deliveryDate() == null ? null : l.deliveryDate().toString();
        d.lot = l.lot();
        d.reasonCode = l.reasonCode();
        d.note = l.note();
        return d;
    }
}
