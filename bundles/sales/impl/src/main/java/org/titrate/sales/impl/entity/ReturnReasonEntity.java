package org.titrate.sales.impl.entity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.titrate.sales.api.ReturnReason;

/** A return reason code; seeded by the migration, maintained by administrators. */
@Entity
@Table(name = "SAL_RETURN_REASON")
public class ReturnReasonEntity {
    @Id
    @Column(name = "CODE", length = 40)
    private String code;

    @Column(name = "NAME", nullable = false, length = 100)
    private String name;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    @Version
    @Column(name = "VERSION")
    private long version;

    @Column(name = "UPDATED_AT", nullable = false)
    private Timestamp updatedAt;

    @Column(name = "UPDATED_BY", nullable = false, length = 100)
    private String updatedBy;

    public static ReturnReasonEntity create(String code) {
        ReturnReasonEntity e = new ReturnReasonEntity();
        e.code = code;
        return e;
    }

    public void apply(String name, boolean active, String user, Instant now) {
        this.name = name;
        this.active = active;
        updatedAt = Timestamp.from(now);
        updatedBy = user;
    }

    public ReturnReason toRecord() {
        return new ReturnReason(code, name, active, version);
    }

    public String code() {
        return code;
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }
}
