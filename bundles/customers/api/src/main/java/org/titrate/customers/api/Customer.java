package org.titrate.customers.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer or prospect. {@code code} is the human id ({@code C000042}), generated when a client
 * leaves it empty. {@code creditLimit} is in {@code currency}; {@code paymentTermDays} sets when
 * invoices fall due. {@code changeReason} is written, not stored on the customer: it goes into the
 * change history (required when a customer is made inactive). {@code salesperson} is the code of the employee who
 * owns the customer (since 1.2): new orders take it unless they name another.
 */
public record Customer(
        String id,
        String code,
        String name,
        CustomerStatus status,
        Channel channel,
        String contactName,
        String phone,
        String email,
        String address,
        CustomerSource source,
        Integer paymentTermDays,
        BigDecimal creditLimit,
        String currency,
        String taxId,
        String notes,
        Long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        String changeReason,
        String salesperson) {

    /** A customer without salesperson (as before 1.2). */
    public Customer(String id, String code, String name, CustomerStatus status, Channel channel, String contactName, String phone,
            String email, String address, CustomerSource source, Integer paymentTermDays, BigDecimal creditLimit, String currency,
            String taxId, String notes, Long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
            String changeReason) {
        this(id, code, name, status, channel, contactName, phone, email, address, source, paymentTermDays, creditLimit, currency, taxId,
                notes, version, createdAt, createdBy, updatedAt, updatedBy, changeReason, null);
    }

    /** This customer owned by {@code code}. */
    public Customer withSalesperson(String employeeCode) {
        return new Customer(id, code, name, status, channel, contactName, phone, email, address, source, paymentTermDays, creditLimit,
                currency, taxId, notes, version, createdAt, createdBy, updatedAt, updatedBy, changeReason, employeeCode);
    }

    /** What a client supplies to create a customer. */
    public static Customer of(String code, String name, CustomerStatus status, Channel channel, String contactName, String phone,
            String email, String address, CustomerSource source, Integer paymentTermDays, BigDecimal creditLimit) {
        return new Customer(null, code, name, status, channel, contactName, phone, email, address, source, paymentTermDays,
                creditLimit, null, null, null, null, null, null, null, null, null);
    }

    public boolean canOrder() {
        return status != CustomerStatus.INACTIVE;
    }
}
