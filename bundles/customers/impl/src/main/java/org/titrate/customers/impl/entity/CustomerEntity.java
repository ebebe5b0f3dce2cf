package org.titrate.customers.impl.entity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.titrate.customers.api.Channel;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerSource;
import org.titrate.customers.api.CustomerStatus;

@Entity
@Table(name = "CUS_CUSTOMER")
public class CustomerEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CODE", nullable = false, length = 40)
    private String code;

    @Column(name = "NAME", nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 10)
    private CustomerStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "CHANNEL", nullable = false, length = 10)
    private Channel channel;

    @Column(name = "CONTACT_NAME", length = 100)
    private String contactName;

    @Column(name = "PHONE", length = 40)
    private String phone;

    @Column(name = "EMAIL", length = 200)
    private String email;

    @Column(name = "ADDRESS", length = 500)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(name = "SOURCE", length = 10)
    private CustomerSource source;

    @Column(name = "PAYMENT_TERM_DAYS", nullable = false)
    private int paymentTermDays;

    @Column(name = "CREDIT_LIMIT", nullable = false, precision = 15, scale = 2)
    private BigDecimal creditLimit;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    private String currency;

    @Column(name = "TAX_ID", length = 30)
    private String taxId;

    @Column(name = "NOTES", length = 2000)
    private String notes;

    @Column(name = "SALESPERSON", length = 40)
    private String salesperson;

    @Version
    @Column(name = "VERSION")
    private long version;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "UPDATED_AT", nullable = false)
    private Timestamp updatedAt;

    @Column(name = "UPDATED_BY", nullable = false, length = 100)
    private String updatedBy;

    public static CustomerEntity create(String code, String user, Instant now) {
        CustomerEntity e = new CustomerEntity();
        e.id = UUID.randomUUID().toString();
        e.code = code;
        e.createdAt = Timestamp.from(now);
        e.createdBy = user;
        return e;
    }

    /** Applies a validated customer (see CustomerRules). */
    public void apply(Customer c, String user, Instant now) {
        name = c.name();
        status = c.status();
        channel = c.channel();
        contactName = c.contactName();
        phone = c.phone();
        email = c.email();
        address = c.address();
        source = c.source();
        paymentTermDays = c.paymentTermDays();
        creditLimit = c.creditLimit();
        currency = c.currency();
        taxId = c.taxId();
        notes = c.notes();
        salesperson = c.salesperson();
        updatedAt = Timestamp.from(now);
        updatedBy = user;
    }

    public Customer toRecord() {
        return new Customer(id, code, name, status, channel, contactName, phone, email, address, source, paymentTermDays,
                creditLimit, currency, taxId, notes, version, createdAt.toInstant(), createdBy, updatedAt.toInstant(), updatedBy, null,
                salesperson);
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public long version() {
        return version;
    }
}
