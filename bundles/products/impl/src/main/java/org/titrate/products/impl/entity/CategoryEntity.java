package org.titrate.products.impl.entity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.titrate.products.api.Category;

@Entity
@Table(name = "PRD_CATEGORY")
public class CategoryEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CODE", nullable = false, length = 40)
    private String code;

    @Column(name = "NAME", nullable = false, length = 200)
    private String name;

    @Column(name = "PARENT_CODE", length = 40)
    private String parentCode;

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

    public static CategoryEntity create(String code, String user, Instant now) {
        CategoryEntity e = new CategoryEntity();
        e.id = UUID.randomUUID().toString();
        e.code = code;
        e.createdAt = Timestamp.from(now);
        e.createdBy = user;
        return e;
    }

    /** Applies validated values. */
    public void apply(String name, String parentCode, String user, Instant now) {
        this.name = name;
        this.parentCode = parentCode;
        this.updatedAt = Timestamp.from(now);
        this.updatedBy = user;
    }

    public Category toRecord() {
        return new Category(id, code, name, parentCode, version);
    }

    public String code() {
        return code;
    }

    public long version() {
        return version;
    }
}
