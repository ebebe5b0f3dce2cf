package org.titrate.inventory.impl.soap;

import java.math.BigDecimal;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import org.titrate.inventory.api.StockRow;
import org.titrate.inventory.api.StockStatus;

/** On hand of one lot and status on the wire; {@code expiryDate} as {@code YYYY-MM-DD}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "stock", propOrder = {"sku", "productName", "unit", "warehouseCode", "lot", "expiryDate", "status", "quantity"})
public class StockData {
    public String sku;
    public String productName;
    public String unit;
    public String warehouseCode;
    public String lot;
    @XmlSchemaType(name = "date")
    public String expiryDate;
    public StockStatus status;
    public BigDecimal quantity;

    static StockData of(StockRow r) {
        StockData d = new StockData();
        d.sku = r.sku();
        d.productName = r.productName();
        d.unit = r.unit();
        d.warehouseCode = r.warehouseCode();
        d.lot = r.lot();
        d.expiryDate = r.expiryDate() == null ? null : r.expiryDate().toString();
        d.status = r.status();
        d.quantity = r.quantity();
        return d;
    }
}
