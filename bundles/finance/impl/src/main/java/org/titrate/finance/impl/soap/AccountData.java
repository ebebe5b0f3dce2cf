package org.titrate.finance.impl.soap;

import java.math.BigDecimal;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import javax.xml.datatype.XMLGregorianCalendar;
import org.titrate.finance.api.Balance;
import org.titrate.platform.api.soap.SoapTime;

/**
 * A party's account in one currency, as {@code getPayableBalance} answers it: {@code balance} is what is owed (for a supplier,
 * negative: what Titrate's company owes it), {@code lastPostedAt} an xs:dateTime.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "account", propOrder = {"partyType", "partyCode", "currency", "balance", "openDebit", "openCredit", "overdueAmount",
        "postings", "lastPostedAt"})
public class AccountData {
    public String partyType;
    public String partyCode;
    public String currency;
    public BigDecimal balance;
    public BigDecimal openDebit;
    public BigDecimal openCredit;
    public BigDecimal overdueAmount;
    public long postings;
    @XmlSchemaType(name = "dateTime")
    public XMLGregorianCalendar lastPostedAt;

    static AccountData of(Balance b) {
        AccountData d = new AccountData();
        d.partyType = b.partyType().name();
        d.partyCode = b.partyCode();
        d.currency = b.currency();
        d.balance = b.balance();
        d.openDebit = b.openDebit();
        d.openCredit = b.openCredit();
        d.overdueAmount = b.overdueAmount();
        d.postings = b.postings();
        d.lastPostedAt = SoapTime.of(b.lastPostedAt());
        return d;
    }
}
