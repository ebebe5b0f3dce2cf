package org.titrate.customers.impl.entity;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.titrate.customers.api.CustomerContact;

/** A contact of a customer; the list is replaced as a whole when a client saves it. */
@Entity
@Table(name = "CUS_CONTACT")
public class ContactEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CUSTOMER_ID", nullable = false, length = 36)
    private String customerId;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "NAME", nullable = false, length = 100)
    private String name;

    @Column(name = "MOBILE", length = 20)
    private String mobile;

    @Column(name = "EMAIL", length = 200)
    private String email;

    @Column(name = "LANGUAGE", nullable = false, length = 10)
    private String language;

    @Column(name = "CHANNELS", nullable = false, length = 100)
    private String channels;

    public static ContactEntity create(String customerId, int position, CustomerContact c) {
        ContactEntity e = new ContactEntity();
        e.id = UUID.randomUUID().toString();
        e.customerId = customerId;
        e.position = position;
        e.name = c.name();
        e.mobile = c.mobile();
        e.email = c.email();
        e.language = c.language();
        e.channels = String.join(",", c.channels());
        return e;
    }

    public CustomerContact toRecord() {
        List<String> list = channels.isEmpty() ? List.of() : Arrays.asList(channels.split(","));
        return new CustomerContact(id, name, mobile, email, language, List.copyOf(list));
    }
}
