package org.titrate.sales.impl.entity;

import java.math.BigDecimal;
import java.util.UUID;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.titrate.sales.api.ContractPrice;

/** An agreed price of a contract, one per product. */
@Entity
@Table(name = "SAL_CONTRACT_PRICE")
public class ContractPriceEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CONTRACT_ID", nullable = false, length = 36)
    private String contractId;

    @Column(name = "LINE_NO", nullable = false)
    private int lineNo;

    @Column(name = "SKU", nullable = false, length = 40)
    private String sku;

    @Column(name = "PRODUCT_NAME", nullable = false, length = 200)
    private String productName;

    @Column(name = "UNIT_PRICE", nullable = false, precision = 15, scale = 2)
    private BigDecimal unitPrice;

    @Column(name = "QUANTITY", precision = 15, scale = 3)
    private BigDecimal quantity;

    public static ContractPriceEntity of(String contractId, int lineNo, ContractPrice p) {
        ContractPriceEntity e = new ContractPriceEntity();
        e.id = UUID.randomUUID().toString();
        e.contractId = contractId;
        e.lineNo = lineNo;
        e.sku = p.sku();
        e.productName = p.productName();
        e.unitPrice = p.unitPrice();
        e.quantity = p.quantity();
        return e;
    }

    public ContractPrice toRecord() {
        return new ContractPrice(sku, productName, unitPrice, quantity);
    }

    public String contractId() {
        return contractId;
    }
}
