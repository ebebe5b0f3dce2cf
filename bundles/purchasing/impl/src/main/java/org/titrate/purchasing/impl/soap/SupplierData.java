package org.titrate.purchasing.impl.soap;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;
import org.titrate.purchasing.api.Supplier;

/** A supplier on the wire. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "supplier", propOrder = {"code", "name", "contactName", "phone", "email", "address", "paymentTermDays", "active"})
public class SupplierData {
    public String code;
    public String name;
    public String contactName;
    public String phone;
    public String email;
    public String address;
    public Integer paymentTermDays;
    public Boolean active;

    static SupplierData of(Supplier s) {
        SupplierData d = new SupplierData();
        d.code = s.code();
        d.name = s.name();
        d.contactName = s.contactName();
        d.phone = s.phone();
        d.email = s.email();
        d.address = s.address();
        d.paymentTermDays = s.paymentTermDays();
        d.active = s.active();
        return d;
    }
}
