package org.titrate.inventory.impl.entity;

import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The lock row of a product's stock (see db/inventory/V1.sql); only updated in bulk, never loaded for change. */
@Entity
@Table(name = "INV_ITEM")
public class ItemEntity {
    @Id
    @Column(name = "SKU", length = 40)
    private String sku;

    @Column(name = "LAST_POSTED_AT", nullable = false)
    private Timestamp lastPostedAt;

    @Column(name = "POSTINGS", nullable = false)
    private long postings;
}
