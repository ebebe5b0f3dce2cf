package org.titrate.finance.impl.soap;

import java.math.BigDecimal;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlElementWrapper;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import org.titrate.finance.api.Posting;
import org.titrate.platform.api.soap.SoapTime;

/** One finance ledger entry on the wire; dates xs:date, {@code postedAt} an xs:dateTime in UTC to the millisecond. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "posting", propOrder = {"id", "partyType", "partyCode", "type", "documentNumber", "orderNumber", "currency", "amount",
        "balanceAfter", "documentDate", "dueDate", "postedAt", "postedBy", "seq", "invoiceNumbers"})
public class PostingData {
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
    public String documentDate;
    @XmlSchemaType(name = "date")
    public String dueDate;
    @XmlSchemaType(name = "dateTime")
    public String postedAt;
    public String postedBy;
    /** The posting's place in the platform's event log; only in {@code listPostingsAfter}. */
    public Long seq;
    /**
     * The numbers of the invoices naming the posting's order ({@code orderNumber}, or {@code documentNumber} for a shipped
     * order's own posting; requested or issued, not cancelled); absent when invoicing is not installed. Last, so that
     * clients reading the older shape in sequence still read it.
     */
    @XmlElementWrapper(name = "invoiceNumbers")
    @XmlElement(name = "invoiceNumber")
    public List<String> invoiceNumbers;

    static PostingData of(Posting p, long seq) {
        PostingData d = of(p);
        d.seq = seq;
        return d;
    }

    static PostingData of(Posting p) {
        PostingData d = new PostingData();
        d.id = p.id();
        d.partyType = p.partyType().name();
        d.partyCode = p.partyCode();
        d.type = p.type().name();
        d.documentNumber = p.documentNumber();
        d.orderNumber = p.orderNumber();
        d.currency = p.currency();
        d.amount = p.amount();
        d.balanceAfter = p.balanceAfter();
        d.documentDate = p.documentDate().toString();
        d.dueDate = p.dueDate().toString();
        d.postedAt = SoapTime.text(p.postedAt());
        d.postedBy = p.postedBy();
        return d;
    }
}
