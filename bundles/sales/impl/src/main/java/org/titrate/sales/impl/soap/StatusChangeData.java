package org.titrate.sales.impl.soap;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import javax.xml.datatype.XMLGregorianCalendar;
import org.titrate.platform.api.soap.SoapTime;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderStatus;
import org.titrate.sales.api.StatusChange;

@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "statusChange", propOrder = {"action", "fromStatus", "toStatus", "at", "by", "comment"})
public class StatusChangeData {
    public OrderAction action;
    public OrderStatus fromStatus;
    public OrderStatus toStatus;
    @XmlSchemaType(name = "dateTime")
    public XMLGregorianCalendar at;
    public String by;
    public String comment;

    static StatusChangeData of(StatusChange c) {
        StatusChangeData d = new StatusChangeData();
        d.action = c.action();
        d.fromStatus = c.fromStatus();
        d.toStatus = c.toStatus();
        d.at = SoapTime.of(c.at());
        d.by = c.by();
        d.comment = c.comment();
        return d;
    }
}
