package org.titrate.customers.impl.soap;

import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "customerPage", propOrder = {"items", "total", "offset", "limit"})
public class CustomerPage {
    @XmlElement(name = "item")
    public List<CustomerData> items;
    public long total;
    public int offset;
    public int limit;
}
