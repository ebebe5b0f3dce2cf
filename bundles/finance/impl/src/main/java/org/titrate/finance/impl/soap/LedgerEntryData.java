package org.titrate.finance.impl.soap;

import java.math.BigDecimal;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import javax.xml.datatype.XMLGregorianCalendar;
import org.titrate.finance.api.Posting;
import org.titrate.platform.api.soap.SoapTime;

/**
 * One ledger entry as {@code getPosting} answers it: the fields of {@code posting} with typed days (xs:date) and
 * {@code postedAt} an xs:dateTime ({@code posting} keeps its strings for the feeds' existing clients).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ledgerEntry", propOrder = {"id", "partyType", "partyCode", "type", "documentNumber", "orderNumber", "currency", "amount",
        "balanceAfter", "documentDate", "dueDate", "postedAt", "postedBy"})
public class LedgerEntryData {
    public String id;
    public String partyType;
    public String partyCode;
    public String type;
    public String documentNumber;
    public String orderNumber;
    public String currency;
    public BigDecimal amount;
    public BigDecimal balanceAfter;
    @XmlSchemaType(name = "date")
    public XMLGregorianCalendar documentDate;
    @XmlSchemaType(name = "date")
    public XMLGregorianCalendar dueDate;
    @XmlSchemaType(name = "dateTime")
    public XMLGregorianCalendar postedAt;
    public String postedBy;

    static LedgerEntryData of(Posting p) {
        LedgerEntryData d = new LedgerEntryData();
        d.id = p.id();
        d.partyType = p.partyType().name();
        d.partyCode = p.partyCode();
        d.type = p.type().name();
        d.documentNumber = p.documentNumber();
        d.orderNumber = p.orderNumber();
        d.currency = p.currency();
        d.amount = p.amount();
        d.balanceAfter = p.balanceAfter();
        d.documentDate = SoapTime.of(p.documentDate());
        d.dueDate = SoapTime.of(p.dueDate());
        d.postedAt = SoapTime.of(p.postedAt());
        d.postedBy = p.postedBy();
        return d;
    }
}
