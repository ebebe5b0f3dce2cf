package org.titrate.finance.impl.soap;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;

/**
 * The request element of {@code listPostingsSince}, written out because the wrapper CXF generates drops {@code @XmlSchemaType}
 * from parameters: the WSDL says {@code since} is an xs:dateTime, while the text is read as before (an empty {@code since}
 * still means the start of the ledger).
 */
@XmlRootElement(name = "listPostingsSince", namespace = FinanceSoapService.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "listPostingsSince", namespace = FinanceSoapService.NS, propOrder = {"since"})
public class ListPostingsSinceRequest {
    @XmlElement(name = "since")
    @XmlSchemaType(name = "dateTime")
    public String since;
}
