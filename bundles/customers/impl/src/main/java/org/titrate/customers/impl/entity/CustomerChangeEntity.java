package org.titrate.customers.impl.entity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import org.titrate.customers.api.CustomerChange;
import org.titrate.customers.api.CustomerStatus;

/** The audit trail of a customer: appended on every change, never updated. */
@Entity
@Table(name = "CUS_CUSTOMER_CHANGE")
public class CustomerChangeEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CUSTOMER_ID", nullable = false, length = 36)
    private String customerId;

    @Column(name = "CHANGED_AT", nullable = false)
    private Timestamp changedAt;

    @Column(name = "CHANGED_BY", nullable = false, length = 100)
    private String changedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "FROM_STATUS", length = 10)
    private CustomerStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "TO_STATUS", nullable = false, length = 10)
    private CustomerStatus toStatus;

    @Column(name = "FIELDS", nullable = false, length = 1000)
    private String fields;

    @Column(name = "REASON", length = 500)
    private String reason;

    public static CustomerChangeEntity of(String customerId, CustomerStatus from, CustomerStatus to, List<String> fields,
            String reason, String user, Instant now) {
        CustomerChangeEntity e = new CustomerChangeEntity();
        e.id = UUID.randomUUID().toString();
        e.customerId = customerId;
        e.changedAt = Timestamp.from(now);
        e.changedBy = user;
        e.fromStatus = from;
        e.toStatus = to;
        e.fields = String.join(",", fields);
        e.reason = reason;
        return e;
    }

    public CustomerChange toRecord() {
        return new CustomerChange(changedAt.toInstant(), changedBy, fromStatus, toStatus,
                fields.isEmpty() ? List.of() : Arrays.asList(fields.split(",")), reason);
    }
}
