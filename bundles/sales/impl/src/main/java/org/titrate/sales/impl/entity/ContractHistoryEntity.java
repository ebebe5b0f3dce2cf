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
import org.titrate.sales.api.ContractAction;
import org.titrate.sales.api.ContractChange;
import org.titrate.sales.api.ContractStatus;

/** One action on a contract; append-only, numbered per contract. */
@Entity
@Table(name = "SAL_CONTRACT_HISTORY")
public class ContractHistoryEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CONTRACT_ID", nullable = false, length = 36)
    private String contractId;

    @Column(name = "SEQ", nullable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "ACTION", nullable = false, length = 12)
    private ContractAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "FROM_STATUS", length = 12)
    private ContractStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "TO_STATUS", nullable = false, length = 12)
    private ContractStatus toStatus;

    @Column(name = "CHANGED_AT", nullable = false)
    private Timestamp changedAt;

    @Column(name = "CHANGED_BY", nullable = false, length = 100)
    private String changedBy;

    @Column(name = "REASON", length = 2000)
    private String reason;

    public static ContractHistoryEntity of(String contractId, int seq, ContractAction action, ContractStatus from, ContractStatus to,
            String user, Instant at, String reason) {
        ContractHistoryEntity e = new ContractHistoryEntity();
        e.id = UUID.randomUUID().toString();
        e.contractId = contractId;
        e.seq = seq;
        e.action = action;
        e.fromStatus = from;
        e.toStatus = to;
        e.changedBy = user;
        e.changedAt = Timestamp.from(at);
        e.reason = reason;
        return e;
    }

    public ContractChange toRecord() {
        return new ContractChange(seq, action, fromStatus, toStatus, changedAt.toInstant(), changedBy, reason);
    }

    public String contractId() {
        return contractId;
    }
}
