package org.titrate.invoicing.impl.soap;

import java.math.BigDecimal;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import org.titrate.invoicing.api.Invoice;
import org.titrate.invoicing.api.InvoiceLine;
import org.titrate.platform.api.soap.SoapTime;

/** An invoice on the wire; dates as {@code YYYY-MM-DD}, instants ISO in UTC. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "invoice", propOrder = {"number", "kind", "type", "status", "customerCode", "buyerName", "buyerTaxId", "buyerAddressPhone",
    "buyerBankAccount", "currency", "originalNumber", "returnNumber", "reason", "invoiceNumber", "invoiceCode", "issueDate", "amount", "tax",
    "amountInclusive", "requestedAt", "issuedAt", "lines"})
public class InvoiceData {
    public String number;
    public String kind;
    public String type;
    public String status;
    public String customerCode;
    public String buyerName;
    public String buyerTaxId;
    public String buyerAddressPhone;
    public String buyerBankAccount;
    public String currency;
    public String originalNumber;
    public String returnNumber;
    public String reason;
    public String invoiceNumber;
    public String invoiceCode;
    @XmlSchemaType(name = "date")
    public String issueDate;
    public BigDecimal amount;
    public BigDecimal tax;
    public BigDecimal amountInclusive;
    @XmlSchemaType(name = "dateTime")
    public String requestedAt;
    @XmlSchemaType(name = "dateTime")
    public String issuedAt;
    @XmlElement(name = "line")
    public List<Line> lines;

    /** One line; {@code originalLineNo} on red invoices. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "invoiceLine", propOrder = {"lineNo", "orderNumber", "orderLineNo", "sku", "productName", "taxCode", "unit", "quantity",
        "unitPrice", "amount", "taxRate", "tax", "amountInclusive", "originalLineNo"})
    public static class Line {
        public Integer lineNo;
        public String orderNumber;
        public Integer orderLineNo;
        public String sku;
        public String productName;
        public String taxCode;
        public String unit;
        public BigDecimal quantity;
        public BigDecimal unitPrice;
        public BigDecimal amount;
        public BigDecimal taxRate;
        public BigDecimal tax;
        public BigDecimal amountInclusive;
        public Integer originalLineNo;
    }

    static InvoiceData of(Invoice i) {
        InvoiceData d = new InvoiceData();
        d.number = i.number();
        d.kind = i.kind().name();
        d.type = i.type().name();
        d.status = i.status().name();
        d.customerCode = i.customerCode();
        d.buyerName = i.buyerName();
        d.buyerTaxId = i.buyerTaxId();
        d.buyerAddressPhone = i.buyerAddressPhone();
        d.buyerBankAccount = i.buyerBankAccount();
        d.currency = i.currency();
        d.originalNumber = i.originalNumber();
        d.returnNumber = i.returnNumber();
        d.reason = i.reason();
        d.invoiceNumber = i.invoiceNumber();
        d.invoiceCode = i.invoiceCode();
        d.issueDate = i.issueDate() == null ? null : i.issueDate().toString();
        d.amount = i.amount();
        d.tax = i.tax();
        d.amountInclusive = i.amountInclusive();
        d.requestedAt = SoapTime.text(i.requestedAt());
        d.issuedAt = SoapTime.text(i.issuedAt());
        d.lines = i.lines().stream().map(InvoiceData::line).toList();
        return d;
    }

    private static Line line(InvoiceLine l) {
        Line d = new Line();
        d.lineNo = l.lineNo();
        d.orderNumber = l.orderNumber();
        d.orderLineNo = l.orderLineNo();
        d.sku = l.sku();
        d.productName = l.productName();
        d.taxCode = l.taxCode();
        d.unit = l.unit();
        d.quantity = l.quantity();
        d.unitPrice = l.unitPrice();
        d.amount = l.amount();
        d.taxRate = l.taxRate();
        d.tax = l.tax();
        d.amountInclusive = l.amountInclusive();
        d.originalLineNo = l.originalLineNo();
        return d;
    }
}
