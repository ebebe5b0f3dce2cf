package org.titrate.finance.impl.soap;

import java.math.BigDecimal;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import org.titrate.finance.api.MoneyDocument;
import org.titrate.platform.api.soap.SoapTime;

/**
 * A receipt on the wire: what a caller sends ({@code customerCode}, {@code amount}, {@code method},
 * optional {@code currency}, {@code date}, {@code salesOrderNumber}, {@code reference}, {@code comment},
 * {@code requestId} — the caller's own id, so that a retry gets the first receipt back instead of a copy)
 * and, in the answer, its {@code number} and what it settled ({@code settled}: "SO-2026-000042 500.00").
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "receipt", propOrder = {"number", "customerCode", "amount", "currency", "method", "date", "salesOrderNumber", "reference",
        "comment", "requestId", "settled", "postedAt", "postedBy"})
public class ReceiptData {
    public String number;
    public String customerCode;
    public BigDecimal amount;
    public String currency;
    public String method;
    @XmlSchemaType(name = "date")
    public String date;
    public String salesOrderNumber;
    public String reference;
    public String comment;
    public String requestId;
    public List<String> settled;
    @XmlSchemaType(name = "dateTime")
    public String postedAt;
    public String postedBy;

    static ReceiptData of(MoneyDocument m) {
        ReceiptData d = new ReceiptData();
        d.number = m.number();
        d.customerCode = m.customerCode();
        d.amount = m.amount();
        d.currency = m.currency();
        d.method = m.method().name();
        d.date = m.date().toString();
        d.salesOrderNumber = m.salesOrderNumber();
        d.reference = m.reference();
        d.comment = m.comment();
        d.requestId = m.requestId();
        d.settled = m.allocations().stream().map(a -> a.documentNumber() + " " + a.amount().toPlainString()).toList();
        d.postedAt = SoapTime.text(m.postedAt());
        d.postedBy = m.postedBy();
        return d;
    }
}
