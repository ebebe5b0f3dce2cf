package org.titrate.finance.impl.soap;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * Which part of a money register to read: documents dated {@code from} to {@code to} (xs:date, both included, both
 * required), optionally of one party ({@code partyCode}: the customer's for receipts and refunds, the supplier's for
 * supplier payments and refunds), {@code offset} and {@code limit} (1 to 500, default 50) as every page.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "registerQuery", propOrder = {"partyCode", "from", "to", "offset", "limit"})
public class RegisterQuery {
    public String partyCode;
    @XmlElement(required = true)
    @XmlSchemaType(name = "date")
    public XMLGregorianCalendar from;
    @XmlElement(required = true)
    @XmlSchemaType(name = "date")
    public XMLGregorianCalendar to;
    public Integer offset;
    public Integer limit;
}
