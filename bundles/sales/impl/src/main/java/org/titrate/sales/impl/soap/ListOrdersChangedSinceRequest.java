package org.titrate.sales.impl.soap;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * The request element of {@code listOrdersChangedSince}, written out because the wrapper CXF generates drops {@code
 * @XmlSchemaType} from parameters: the WSDL says {@code since} is an xs:dateTime (it read xs:anySimpleType, and generated
 * clients got an Object).
 */
@XmlRootElement(name = "listOrdersChangedSince", namespace = SalesOrderSoapService.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "listOrdersChangedSince", namespace = SalesOrderSoapService.NS, propOrder = {"since"})
public class ListOrdersChangedSinceRequest {
    @XmlElement(name = "since")
    @XmlSchemaType(name = "dateTime")
    public XMLGregorianCalendar since;
}
