package org.titrate.sales.impl.entity;

import java.util.UUID;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import org.titrate.sales.api.CustomFieldType;

/** The value of one custom field on one document, in its canonical text form (what filters compare). */
@Entity
@Table(name = "SAL_ORDER_FIELD")
public class OrderFieldEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ORDER_ID", nullable = false, length = 36)
    private String orderId;

    @Column(name = "FIELD_KEY", nullable = false, length = 40)
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(name = "FIELD_TYPE", nullable = false, length = 10)
    private CustomFieldType type;

    @Column(name = "VALUE_TEXT", nullable = false, length = 200)
    private String value;

    public static OrderFieldEntity of(String orderId, String key, CustomFieldType type, String value) {
        OrderFieldEntity e = new OrderFieldEntity();
        e.id = UUID.randomUUID().toString();
        e.orderId = orderId;
        e.key = key;
        e.type = type;
        e.value = value;
        return e;
    }

    public String orderId() {
        return orderId;
    }

    public String key() {
        return key;
    }

    public CustomFieldType type() {
        return type;
    }

    public String value() {
        return value;
    }
}
