package org.titrate.invoicing.impl.soap;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;
import org.titrate.invoicing.api.InvoiceChange;

/** An invoice as it is now, for the event at {@code seq} ({@code REQUESTED}, {@code ISSUED} or {@code CANCELLED}). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "invoiceChange", propOrder = {"seq", "event", "invoice"})
public class InvoiceChangeData {
    public long seq;
    public String event;
    public InvoiceData invoice;

    static InvoiceChangeData of(InvoiceChange c) {
        InvoiceChangeData d = new InvoiceChangeData();
        d.seq = c.seq();
        d.event = c.event();
        d.invoice = InvoiceData.of(c.invoice());
        return d;
    }
}
