package org.titrate.sales.impl.entity;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.titrate.sales.api.OrderLine;
import org.titrate.sales.api.OrderStatus;
import org.titrate.sales.api.OrderType;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.Settlement;
import org.titrate.sales.api.StatusChange;

/** The header of a sales or return order; lines, history and field values are rows of their own, loaded in one query each. */
@Entity
@Table(name = "SAL_ORDER")
public class SalesOrderEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ORDER_NUMBER", nullable = false, length = 40)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(name = "ORDER_TYPE", nullable = false, length = 10)
    private OrderType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 10)
    private OrderStatus status;

    @Column(name = "CUSTOMER_CODE", nullable = false, length = 40)
    private String customerCode;

    @Column(name = "CUSTOMER_NAME", nullable = false, length = 200)
    private String customerName;

    @Column(name = "CHANNEL", nullable = false, length = 10)
    private String channel;

    @Column(name = "WAREHOUSE_CODE", length = 40)
    private String warehouseCode;

    @Column(name = "SOURCE_ORDER_NUMBER", length = 40)
    private String sourceOrderNumber;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    private String currency;

    @Column(name = "ORDER_DATE", nullable = false)
    private Date orderDate;

    @Column(name = "COMMENT_TEXT", length = 2000)
    private String comment;

    @Column(name = "SHIPPED_AMOUNT", nullable = false, precision = 19, scale = 2)
    private BigDecimal shippedAmount;

    @Column(name = "RETURNED_AMOUNT", nullable = false, precision = 19, scale = 2)
    private BigDecimal returnedAmount;

    @Column(name = "TOTAL_AMOUNT", nullable = false, precision = 19, scale = 2)
    private BigDecimal totalAmount;

    @Column(name = "CARRIER", length = 100)
    private String carrier;

    @Column(name = "TRACKING_NUMBER", length = 100)
    private String trackingNumber;

    @Column(name = "SALESPERSON", length = 40)
    private String salesperson;

    @Column(name = "CONTRACT_NUMBER", length = 40)
    private String contractNumber;

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

    public static SalesOrderEntity create(String number, OrderType type, String user, Instant now) {
        SalesOrderEntity e = new SalesOrderEntity();
        e.id = UUID.randomUUID().toString();
        e.number = number;
        e.type = type;
        e.status = OrderStatus.DRAFT;
        e.createdAt = Timestamp.from(now);
        e.createdBy = user;
        e.touch(user, now);
        return e;
    }

    /** Applies a validated header (see OrderRules) and the amounts of its lines. */
    public void apply(String customerCode, String customerName, String channel, String warehouseCode, String sourceOrderNumber,
            String currency, LocalDate orderDate, String comment, BigDecimal shipped, BigDecimal returned) {
        this.customerCode = customerCode;
        this.customerName = customerName;
        this.channel = channel;
        this.warehouseCode = warehouseCode;
        this.sourceOrderNumber = sourceOrderNumber;
        this.currency = currency;
        this.orderDate = Date.valueOf(orderDate);
        this.comment = comment;
        this.shippedAmount = shipped;
        this.returnedAmount = returned;
        this.totalAmount = shipped.add(returned);
    }

    /** The salesperson (employee code) and the contract the document is made under, both optional. */
    public void assign(String salesperson, String contractNumber) {
        this.salesperson = salesperson;
        this.contractNumber = contractNumber;
    }

    public void moveTo(OrderStatus next, String user, Instant now) {
        status = next;
        touch(user, now);
    }

    public void track(String carrier, String trackingNumber, String user, Instant now) {
        this.carrier = carrier;
        this.trackingNumber = trackingNumber;
        touch(user, now);
    }

    private void touch(String user, Instant now) {
        updatedAt = Timestamp.from(now);
        updatedBy = user;
    }

    public SalesOrder toRecord(List<OrderLine> lines, List<StatusChange> history, Map<String, Object> fields, Settlement settlement) {
        return new SalesOrder(id, number, type, status, customerCode, customerName, channel, warehouseCode, sourceOrderNumber, currency,
                orderDate.toLocalDate(), comment, fields, lines, shippedAmount, returnedAmount, totalAmount, settlement.paidAmount(),
                settlement.outstandingAmount(), carrier, trackingNumber, history, version, createdAt.toInstant(), createdBy,
                updatedAt.toInstant(), updatedBy, List.of(), salesperson, contractNumber);
    }

    public String id() {
        return id;
    }

    public String number() {
        return number;
    }

    public OrderType type() {
        return type;
    }

    public OrderStatus status() {
        return status;
    }

    public String customerCode() {
        return customerCode;
    }

    public String channel() {
        return channel;
    }

    public String warehouseCode() {
        return warehouseCode;
    }

    public String sourceOrderNumber() {
        return sourceOrderNumber;
    }

    public String currency() {
        return currency;
    }

    public LocalDate orderDate() {
        return orderDate.toLocalDate();
    }

    public BigDecimal totalAmount() {
        return totalAmount;
    }

    public String contractNumber() {
        return contractNumber;
    }

    public String salesperson() {
        return salesperson;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }
}
