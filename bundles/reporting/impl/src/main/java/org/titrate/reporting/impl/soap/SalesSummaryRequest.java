package org.titrate.reporting.impl.soap;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;

/**
 * The request element of {@code getSalesSummary}, written out because the wrapper CXF generates drops {@code @XmlSchemaType}
 * from parameters: the WSDL says {@code from} and {@code to} are xs:date, while the text goes to the report as before (a bad
 * one is refused naming it).
 */
@XmlRootElement(name = "getSalesSummary", namespace = ReportSoapService.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "getSalesSummary", namespace = ReportSoapService.NS, propOrder = {"from", "to", "groupBy"})
public class SalesSummaryRequest {
    @XmlElement(name = "from")
    @XmlSchemaType(name = "date")
    public String from;
    @XmlElement(name = "to")
    @XmlSchemaType(name = "date")
    public String to;
    @XmlElement(name = "groupBy")
    public String groupBy;
}
