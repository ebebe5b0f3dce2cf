package org.titrate.finance.impl.soap;

import java.math.BigDecimal;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import javax.xml.datatype.XMLGregorianCalendar;
import org.titrate.finance.api.OpenItem;
import org.titrate.platform.api.soap.SoapTime;

/** A posting not yet settled, on the wire: {@code openAmount} is what is left of {@code amount}; days are xs:date. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "openItem", propOrder = {"postingId", "partyType", "partyCode", "type", "documentNumber", "orderNumber", "currency",
        "amount", "openAmount", "documentDate", "dueDate", "daysOverdue"})
public class OpenItemData {
    public String postingId;
    public String partyType;
    public String partyCode;
    public String type;
    public String documentNumber;
    public String orderNumber;
    public String currency;
    public BigDecimal amount;
    public BigDecimal openAmount;
    @XmlSchemaType(name = "date")
    public XMLGregorianCalendar documentDate;
    @XmlSchemaType(name = "date")
    public XMLGregorianCalendar dueDate;
    public int daysOverdue;

    static OpenItemData of(OpenItem o) {
        OpenItemData d = new OpenItemData();
        d.postingId = o.postingId();
        d.partyType = o.partyType().name();
        d.partyCode = o.partyCode();
        d.type = o.type().name();
        d.documentNumber = o.documentNumber();
        d.orderNumber = o.orderNumber();
        d.currency = o.currency();
        d.amount = o.amount();
        d.openAmount = o.openAmount();
        d.documentDate = SoapTime.of(o.documentDate());
        d.dueDate = SoapTime.of(o.dueDate());
        d.daysOverdue = o.daysOverdue();
        return d;
    }
}
