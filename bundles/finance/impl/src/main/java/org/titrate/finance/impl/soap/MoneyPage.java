package org.titrate.finance.impl.soap;

import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;
import org.titrate.finance.api.MoneyDocument;
import org.titrate.platform.api.Page;

/** One page of a money register (receipts, refunds, supplier payments or refunds), newest date first. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "moneyPage", propOrder = {"items", "total", "offset", "limit"})
public class MoneyPage {
    @XmlElement(name = "item")
    public List<MoneyDocumentData> items;
    public long total;
    public int offset;
    public int limit;

    static MoneyPage of(Page<MoneyDocument> page) {
        MoneyPage p = new MoneyPage();
        p.items = page.items().stream().map(MoneyDocumentData::of).toList();
        p.total = page.total();
        p.offset = page.offset();
        p.limit = page.limit();
        return p;
    }
}
