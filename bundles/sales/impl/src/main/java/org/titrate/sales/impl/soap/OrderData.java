package org.titrate.sales.impl.soap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlElementWrapper;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import javax.xml.datatype.XMLGregorianCalendar;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.soap.SoapTime;
import org.titrate.sales.api.OrderLine;
import org.titrate.sales.api.OrderStatus;
import org.titrate.sales.api.OrderType;
import org.titrate.sales.api.SalesOrder;

/** A sales or return order on the wire of {@code SalesOrderService}; {@code orderDate} as {@code YYYY-MM-DD}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "order", propOrder = {"number", "type", "status", "customerCode", "customerName", "channel", "warehouseCode",
        "sourceOrderNumber", "currency", "orderDate", "comment", "customFields", "lines", "shippedAmount", "returnedAmount",
        "totalAmount", "paidAmount", "outstandingAmount", "carrier", "trackingNumber", "history", "version", "updatedAt", "eventSeq",
        "invoiceNumbers"})
public class OrderData {
    public String number;
    public OrderType type;
    public OrderStatus status;
    public String customerCode;
    public String customerName;
    public String channel;
    public String warehouseCode;
    public String sourceOrderNumber;
    public String currency;
    @XmlSchemaType(name = "date")
    public String orderDate;
    public String comment;
    @XmlElementWrapper(name = "customFields")
    @XmlElement(name = "field")
    public List<CustomFieldValueData> customFields;
    @XmlElementWrapper(name = "lines")
    @XmlElement(name = "line")
    public List<OrderLineData> lines;
    public BigDecimal shippedAmount;
    public BigDecimal returnedAmount;
    public BigDecimal totalAmount;
    public BigDecimal paidAmount;
    public BigDecimal outstandingAmount;
    public String carrier;
    public String trackingNumber;
    @XmlElementWrapper(name = "history")
    @XmlElement(name = "change")
    public List<StatusChangeData> history;
    public Long version;
    @XmlSchemaType(name = "dateTime")
    public XMLGregorianCalendar updatedAt;
    /** The document's last change in this answer, as its place in the platform's event log; only in {@code listOrdersChangedAfter}. */
    public Long eventSeq;
    /**
     * The numbers of the invoices naming this document (requested or issued, not cancelled); absent when invoicing is not
     * installed. Last, so that clients reading the older shape in sequence still read it.
     */
    @XmlElementWrapper(name = "invoiceNumbers")
    @XmlElement(name = "invoiceNumber")
    public List<String> invoiceNumbers;

    static OrderData of(SalesOrder o) {
        OrderData d = new OrderData();
        d.number = o.number();
        d.type = o.type();
        d.status = o.status();
        d.customerCode = o.customerCode();
        d.customerName = o.customerName();
        d.channel = o.channel();
        d.warehouseCode = o.warehouseCode();
        d.sourceOrderNumber = o.sourceOrderNumber();
        d.currency = o.currency();
        d.orderDate = o.orderDate().toString();
        d.comment = o.comment();
        d.customFields = new ArrayList<>();
        o.customFields().forEach((k, v) -> {
            CustomFieldValueData f = new CustomFieldValueData();
            f.key = k;
            f.value = v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v);
            d.customFields.add(f);
        });
        d.lines = o.lines().stream().map(OrderLineData::of).toList();
        d.shippedAmount = o.shippedAmount();
        d.returnedAmount = o.returnedAmount();
        d.totalAmount = o.totalAmount();
        d.paidAmount = o.paidAmount();
        d.outstandingAmount = o.outstandingAmount();
        d.carrier = o.carrier();
        d.trackingNumber = o.trackingNumber();
        d.history = o.history().stream().map(StatusChangeData::of).toList();
        d.version = o.version();
        d.updatedAt = SoapTime.of(o.updatedAt());
        return d;
    }

    /** What a client sends to create a document; values of custom fields go as text and are checked like JSON ones. */
    SalesOrder toRecord() {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (customFields != null) {
            for (CustomFieldValueData f : customFields) {
                if (f != null && f.key != null) {
                    fields.put(f.key, f.value);
                }
            }
        }
        // every malformed date is named at once, a line's by its place: lines[0].deliveryDate
        Check check = new Check();
        List<OrderLine> input = null;
        if (lines != null) {
            input = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                OrderLineData l = lines.get(i);
                input.add(l == null ? null : new OrderLine(null, l.sku, null, null, l.direction, l.quantity, l.unitPrice, null,
                        check.date("lines[" + i + "].deliveryDate", l.deliveryDate), l.lot, l.reasonCode, l.note));
            }
        }
        LocalDate date = check.date("orderDate", orderDate);
        check.throwIfInvalid();
        return new SalesOrder(null, null, type, null, customerCode, null, null, warehouseCode, sourceOrderNumber, currency,
                date, comment, fields, input, null, null, null, null, null, null, null, null, null, null,
                null, null, null, List.of());
    }
}
