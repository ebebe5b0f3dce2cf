package org.titrate.sales.impl.entity;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.titrate.sales.api.Contract;
import org.titrate.sales.api.ContractAttachment;
import org.titrate.sales.api.ContractChange;
import org.titrate.sales.api.ContractPrice;
import org.titrate.sales.api.ContractStatus;

/** The header of a sales contract; prices, history and attachments are rows of their own. */
@Entity
@Table(name = "SAL_CONTRACT")
public class ContractEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CONTRACT_NUMBER", nullable = false, length = 40)
    private String number;

    @Column(name = "CUSTOMER_CODE", nullable = false, length = 40)
    private String customerCode;

    @Column(name = "CUSTOMER_NAME", nullable = false, length = 200)
    private String customerName;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 12)
    private ContractStatus status;

    @Column(name = "SIGNING_DATE", nullable = false)
    private Date signingDate;

    @Column(name = "VALID_FROM", nullable = false)
    private Date validFrom;

    @Column(name = "VALID_UNTIL", nullable = false)
    private Date validUntil;

    @Column(name = "SALESPERSON", length = 40)
    private String salesperson;

    @Column(name = "PAYMENT_TERM_DAYS", nullable = false)
    private int paymentTermDays;

    @Column(name = "PAYMENT_TERMS", length = 500)
    private String paymentTerms;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    private String currency;

    @Column(name = "AGREED_AMOUNT", precision = 19, scale = 2)
    private BigDecimal agreedAmount;

    @Column(name = "AGREED_QUANTITY", precision = 19, scale = 3)
    private BigDecimal agreedQuantity;

    @Column(name = "NOTES", length = 2000)
    private String notes;

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

    public static ContractEntity create(String number, String user, Instant now) {
        ContractEntity e = new ContractEntity();
        e.id = UUID.randomUUID().toString();
        e.number = number;
        e.status = ContractStatus.DRAFT;
        e.createdAt = Timestamp.from(now);
        e.createdBy = user;
        e.touch(user, now);
        return e;
    }

    /** Applies validated terms (see ContractRules) with the customer's name. */
    public void apply(Contract c, String customerName, String user, Instant now) {
        customerCode = c.customerCode();
        this.customerName = customerName;
        signingDate = Date.valueOf(c.signingDate());
        validFrom = Date.valueOf(c.validFrom());
        validUntil = Date.valueOf(c.validUntil());
        salesperson = c.salesperson();
        paymentTermDays = c.paymentTermDays();
        paymentTerms = c.paymentTerms();
        currency = c.currency();
        agreedAmount = c.agreedAmount();
        agreedQuantity = c.agreedQuantity();
        notes = c.notes();
        touch(user, now);
    }

    public void moveTo(ContractStatus next, String user, Instant now) {
        status = next;
        touch(user, now);
    }

    public void touch(String user, Instant now) {
        updatedAt = Timestamp.from(now);
        updatedBy = user;
    }

    public Contract toRecord(List<ContractPrice> prices, List<ContractChange> history, List<ContractAttachment> attachments) {
        return new Contract(id, number, customerCode, customerName, status, signingDate.toLocalDate(), validFrom.toLocalDate(),
                validUntil.toLocalDate(), salesperson, paymentTermDays, paymentTerms, currency, agreedAmount, agreedQuantity, notes,
                prices, history, attachments, version, createdAt.toInstant(), createdBy, updatedAt.toInstant(), updatedBy);
    }

    public String id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String customerCode() {
        return customerCode;
    }

    public ContractStatus status() {
        return status;
    }

    public LocalDate validFrom() {
        return validFrom.toLocalDate();
    }

    public LocalDate validUntil() {
        return validUntil.toLocalDate();
    }

    public String currency() {
        return currency;
    }

    public long version() {
        return version;
    }
}
