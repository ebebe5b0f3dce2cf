package org.titrate.customers.impl.entity;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import org.titrate.customers.api.FollowUp;
import org.titrate.customers.api.FollowUpChannel;

/** A follow-up is a log entry: written once, never changed. */
@Entity
@Table(name = "CUS_FOLLOW_UP")
public class FollowUpEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CUSTOMER_ID", nullable = false, length = 36)
    private String customerId;

    @Column(name = "FOLLOW_UP_DATE", nullable = false)
    private Date date;

    @Enumerated(EnumType.STRING)
    @Column(name = "CHANNEL", nullable = false, length = 12)
    private FollowUpChannel channel;

    @Column(name = "SUMMARY", nullable = false, length = 2000)
    private String summary;

    @Column(name = "NEXT_ACTION", length = 500)
    private String nextAction;

    @Column(name = "NEXT_DATE")
    private Date nextDate;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    private String createdBy;

    public static FollowUpEntity create(String customerId, FollowUp f, String user, Instant now) {
        FollowUpEntity e = new FollowUpEntity();
        e.id = UUID.randomUUID().toString();
        e.customerId = customerId;
        e.date = Date.valueOf(f.date());
        e.channel = f.channel();
        e.summary = f.summary();
        e.nextAction = f.nextAction();
        e.nextDate = f.nextDate() == null ? null : Date.valueOf(f.nextDate());
        e.createdAt = Timestamp.from(now);
        e.createdBy = user;
        return e;
    }

    public String customerId() {
        return customerId;
    }

    public FollowUp toRecord(String customerCode) {
        return new FollowUp(id, customerCode, date.toLocalDate(), channel, summary, nextAction,
                nextDate == null ? null : nextDate.toLocalDate(), createdAt.toInstant(), createdBy);
    }
}
