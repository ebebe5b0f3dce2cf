package org.titrate.finance.impl.soap;

import java.math.BigDecimal;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import javax.xml.datatype.XMLGregorianCalendar;
import org.titrate.finance.api.MoneyDocument;
import org.titrate.platform.api.soap.SoapTime;

/**
 * A refund, supplier payment or supplier refund on the wire (and each entry of the money registers, receipts included). The
 * caller sends the party ({@code customerCode} for a refund, {@code supplierCode} for the supplier's documents),
 * {@code amount}, {@code method} and optionally {@code currency}, {@code date} (xs:date), the order it is for
 * ({@code salesOrderNumber} or {@code purchaseOrderNumber}), {@code reference}, {@code comment} and {@code requestId}: the
 * caller's own id, so that a retry gets the first document back; any difference under a used {@code requestId} is a fault
 * naming it. The answer adds {@code number}, {@code kind}, what it settled and when ({@code postedAt}, xs:dateTime).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "moneyDocument", propOrder = {"number", "kind", "customerCode", "supplierCode", "amount", "currency", "method", "date",
        "salesOrderNumber", "purchaseOrderNumber", "reference", "comment", "requestId", "settled", "postedAt", "postedBy"})
public class MoneyDocumentData {
    public String number;
    public String kind;
    public String customerCode;
    public String supplierCode;
    public BigDecimal amount;
    public String currency;
    public String method;
    @XmlSchemaType(name = "date")
    public XMLGregorianCalendar date;
    public String salesOrderNumber;
    public String purchaseOrderNumber;
    public String reference;
    public String comment;
    public String requestId;
    /** What it settled when it was posted, one {@code "<document number> <amount>"} each. */
    public List<String> settled;
    @XmlSchemaType(name = "dateTime")
    public XMLGregorianCalendar postedAt;
    public String postedBy;

    static MoneyDocumentData of(MoneyDocument m) {
        MoneyDocumentData d = new MoneyDocumentData();
        d.number = m.number();
        d.kind = m.kind().name();
        d.customerCode = m.customerCode();
        d.supplierCode = m.supplierCode();
        d.amount = m.amount();
        d.currency = m.currency();
        d.method = m.method().name();
        d.date = SoapTime.of(m.date());
        d.salesOrderNumber = m.salesOrderNumber();
        d.purchaseOrderNumber = m.purchaseOrderNumber();
        d.reference = m.reference();
        d.comment = m.comment();
        d.requestId = m.requestId();
        d.settled = m.allocations().stream().map(a -> a.documentNumber() + " " + a.amount().toPlainString()).toList();
        d.postedAt = SoapTime.of(m.postedAt());
        d.postedBy = m.postedBy();
        return d;
    }
}
