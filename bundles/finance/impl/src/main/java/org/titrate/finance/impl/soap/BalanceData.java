package org.titrate.finance.impl.soap;

import java.math.BigDecimal;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import org.titrate.finance.api.Balance;
import org.titrate.platform.api.soap.SoapTime;

/** A customer's account in one currency on the wire. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "balance", propOrder = {"customerCode", "currency", "balance", "openDebit", "openCredit", "overdueAmount", "postings",
        "lastPostedAt"})
public class BalanceData {
    public String customerCode;
    public String currency;
    public BigDecimal balance;
    public BigDecimal openDebit;
    public BigDecimal openCredit;
    public BigDecimal overdueAmount;
    public long postings;
    @XmlSchemaType(name = "dateTime")
    public String lastPostedAt;

    static BalanceData of(Balance b) {
        BalanceData d = new BalanceData();
        d.customerCode = b.partyCode();
        d.currency = b.currency();
        d.balance = b.balance();
        d.openDebit = b.openDebit();
        d.openCredit = b.openCredit();
        d.overdueAmount = b.overdueAmount();
        d.postings = b.postings();
        d.lastPostedAt = SoapTime.text(b.lastPostedAt());
        return d;
    }
}
