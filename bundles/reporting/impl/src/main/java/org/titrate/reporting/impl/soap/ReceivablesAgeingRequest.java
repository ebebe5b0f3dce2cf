package org.titrate.reporting.impl.soap;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;

/**
 * The request element of {@code getReceivablesAgeing}, written out because the wrapper CXF generates drops {@code
 * @XmlSchemaType} from parameters: the WSDL says {@code asOf} is an xs:date, while the text goes to the report as before (a bad
 * one is refused naming it).
 */
@XmlRootElement(name = "getReceivablesAgeing", namespace = ReportSoapService.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "getReceivablesAgeing", namespace = ReportSoapService.NS, propOrder = {"asOf"})
public class ReceivablesAgeingRequest {
    @XmlElement(name = "asOf")
    @XmlSchemaType(name = "date")
    public String asOf;
}
