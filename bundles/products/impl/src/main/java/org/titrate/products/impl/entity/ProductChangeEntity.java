package org.titrate.products.impl.entity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.titrate.products.api.ProductChange;

/** The audit trail of a product: appended on every change, never updated. */
@Entity
@Table(name = "PRD_PRODUCT_CHANGE")
public class ProductChangeEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "PRODUCT_ID", nullable = false, length = 36)
    private String productId;

    @Column(name = "CHANGED_AT", nullable = false)
    private Timestamp changedAt;

    @Column(name = "CHANGED_BY", nullable = false, length = 100)
    private String changedBy;

    @Column(name = "FROM_ACTIVE")
    private Boolean fromActive;

    @Column(name = "TO_ACTIVE", nullable = false)
    private boolean toActive;

    @Column(name = "FIELDS", nullable = false, length = 1000)
    private String fields;

    @Column(name = "REASON", length = 500)
    private String reason;

    public static ProductChangeEntity of(String productId, Boolean from, boolean to, List<String> fields, String reason,
            String user, Instant now) {
        ProductChangeEntity e = new ProductChangeEntity();
        e.id = UUID.randomUUID().toString();
        e.productId = productId;
        e.changedAt = Timestamp.from(now);
        e.changedBy = user;
        e.fromActive = from;
        e.toActive = to;
        e.fields = String.join(",", fields);
        e.reason = reason;
        return e;
    }

    public ProductChange toRecord() {
        return new ProductChange(changedAt.toInstant(), changedBy, fromActive, toActive,
                fields.isEmpty() ? List.of() : Arrays.asList(fields.split(",")), reason);
    }
}
