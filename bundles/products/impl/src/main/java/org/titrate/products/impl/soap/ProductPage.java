package org.titrate.products.impl.soap;

import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "productPage", propOrder = {"items", "total", "offset", "limit"})
public class ProductPage {
    @XmlElement(name = "item")
    public List<ProductData> items;
    public long total;
    public int offset;
    public int limit;
}
