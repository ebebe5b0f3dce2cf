package org.titrate.sales.impl.entity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderStatus;
import org.titrate.sales.api.StatusChange;

/** One action on a document; append-only. {@code SEQ} orders entries written within the same millisecond. */
@Entity
@Table(name = "SAL_ORDER_HISTORY")
public class OrderHistoryEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ORDER_ID", nullable = false, length = 36)
    private String orderId;

    @Column(name = "SEQ", nullable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "ACTION", nullable = false, length = 10)
    private OrderAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "FROM_STATUS", length = 10)
    private OrderStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "TO_STATUS", nullable = false, length = 10)
    private OrderStatus toStatus;

    @Column(name = "CHANGED_AT", nullable = false)
    private Timestamp changedAt;

    @Column(name = "CHANGED_BY", nullable = false, length = 100)
    private String changedBy;

    @Column(name = "COMMENT_TEXT", length = 2000)
    private String comment;

    public static OrderHistoryEntity of(String orderId, int seq, OrderAction action, OrderStatus from, OrderStatus to, String user,
            Instant at, String comment) {
        OrderHistoryEntity e = new OrderHistoryEntity();
        e.id = UUID.randomUUID().toString();
        e.orderId = orderId;
        e.seq = seq;
        e.action = action;
        e.fromStatus = from;
        e.toStatus = to;
        e.changedBy = user;
        e.changedAt = Timestamp.from(at);
        e.comment = comment;
        return e;
    }

    public StatusChange toRecord() {
        return new StatusChange(action, fromStatus, toStatus, changedAt.toInstant(), changedBy, comment);
    }

    public String orderId() {
        return orderId;
    }
}
