package org.titrate.customers.impl.soap;

import java.math.BigDecimal;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;
import org.titrate.customers.api.Channel;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerSource;
import org.titrate.customers.api.CustomerStatus;

/** A customer on the wire of {@code CustomerService} (JAXB needs a mutable bean; the API record is not). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "customer", propOrder = {"code", "name", "status", "channel", "contactName", "phone", "email", "address",
        "source", "paymentTermDays", "creditLimit", "currency", "taxId", "notes", "version", "changeReason",
        "salesperson"})
public class CustomerData {
    public String code;
    public String name;
    public CustomerStatus status;
    public Channel channel;
    public String contactName;
    public String phone;
    public String email;
    public String address;
    public CustomerSource source;
    public Integer paymentTermDays;
    public BigDecimal creditLimit;
    public String currency;
    public String taxId;
    public String notes;
    public Long version;
    /** Why this save changes the customer; goes into its history. */
    public String changeReason;
    /** The owner's employee code (optional, appended last so older clients' messages stay valid). */
    public String salesperson;

    static CustomerData of(Customer c) {
        CustomerData d = new CustomerData();
        d.code = c.code();
        d.name = c.name();
        d.status = c.status();
        d.channel = c.channel();
        d.contactName = c.contactName();
        d.phone = c.phone();
        d.email = c.email();
        d.address = c.address();
        d.source = c.source();
        d.paymentTermDays = c.paymentTermDays();
        d.creditLimit = c.creditLimit();
        d.currency = c.currency();
        d.taxId = c.taxId();
        d.notes = c.notes();
        d.version = c.version();
        d.salesperson = c.salesperson();
        return d;
    }

    Customer toRecord(Long currentVersion) {
        return new Customer(null, code, name, status, channel, contactName, phone, email, address, source, paymentTermDays,
                creditLimit, currency, taxId, notes, version != null ? version : currentVersion, null, null, null, null,
                changeReason, salesperson);
    }
}
