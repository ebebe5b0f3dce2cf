package org.titrate.sales.impl.entity;

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
import javax.persistence.Version;
import org.titrate.sales.api.CustomField;
import org.titrate.sales.api.CustomFieldType;

/** A custom field definition; its choices are stored one per line (a choice cannot contain a line break). */
@Entity
@Table(name = "SAL_CUSTOM_FIELD")
public class CustomFieldEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ENTITY", nullable = false, length = 40)
    private String entity;

    @Column(name = "FIELD_KEY", nullable = false, length = 40)
    private String key;

    @Column(name = "LABEL", nullable = false, length = 100)
    private String label;

    @Enumerated(EnumType.STRING)
    @Column(name = "FIELD_TYPE", nullable = false, length = 10)
    private CustomFieldType type;

    @Column(name = "REQUIRED", nullable = false)
    private boolean required;

    @Column(name = "CHOICES", length = 4000)
    private String choices;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

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

    public static CustomFieldEntity create(String entity, String key, CustomFieldType type, String user, Instant now) {
        CustomFieldEntity e = new CustomFieldEntity();
        e.id = UUID.randomUUID().toString();
        e.entity = entity;
        e.key = key;
        e.type = type;
        e.createdAt = Timestamp.from(now);
        e.createdBy = user;
        return e;
    }

    /** Applies a validated definition (see CustomFieldRules). */
    public void apply(CustomField f, String user, Instant now) {
        label = f.label();
        required = f.required();
        choices = f.choices().isEmpty() ? null : String.join("\n", f.choices());
        active = f.active();
        updatedAt = Timestamp.from(now);
        updatedBy = user;
    }

    public CustomField toRecord() {
        return new CustomField(id, entity, key, label, type, required, choices == null ? List.of() : Arrays.asList(choices.split("\n")),
                active, version);
    }

    public String key() {
        return key;
    }

    public String entity() {
        return entity;
    }

    public CustomFieldType type() {
        return type;
    }

    public long version() {
        return version;
    }
}
