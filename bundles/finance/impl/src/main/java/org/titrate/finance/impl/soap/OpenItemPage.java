package org.titrate.finance.impl.soap;

import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;
import org.titrate.finance.api.OpenItem;
import org.titrate.platform.api.Page;

/** One page of a party's open items, oldest due first. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "openItemPage", propOrder = {"items", "total", "offset", "limit"})
public class OpenItemPage {
    @XmlElement(name = "item")
    public List<OpenItemData> items;
    public long total;
    public int offset;
    public int limit;

    static OpenItemPage of(Page<OpenItem> page) {
        OpenItemPage p = new OpenItemPage();
        p.items = page.items().stream().map(OpenItemData::of).toList();
        p.total = page.total();
        p.offset = page.offset();
        p.limit = page.limit();
        return p;
    }
}
