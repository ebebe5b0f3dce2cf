package org.titrate.finance.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.titrate.finance.api.MoneyDocument;
import org.titrate.finance.api.PaymentMethod;

/**
 * Whether money sent again under a used {@code requestId} is the same request: a retry answers the first document, any
 * difference is refused (a caller who reused the id for another receipt must not believe it was booked).
 */
final class RequestRetry {
    private RequestRetry() {
    }

    /**
     * The fields in which this request differs from the first document under its {@code requestId}, by the names the
     * caller sent them under; empty for a true retry. {@code date} null: the request named no date (a retry on another
     * day would otherwise differ in the default).
     */
    static List<String> differences(MoneyDocument first, String partyField, String partyCode, BigDecimal amount, String currency,
            PaymentMethod method, LocalDate date, String orderField, String orderNumber, String reference, String comment) {
        boolean customer = "customerCode".equals(partyField);
        List<String> differ = new ArrayList<>();
        String firstParty = first.customerCode() != null ? first.customerCode() : first.supplierCode();
        if (!Objects.equals(firstParty, partyCode) || (first.customerCode() != null) != customer) {
            differ.add(customer ? "customerCode" : "supplierCode");
        }
        if (first.amount().compareTo(amount) != 0) {
            differ.add("amount");
        }
        if (!first.currency().equals(currency)) {
            differ.add("currency");
        }
        if (first.method() != method) {
            differ.add("method");
        }
        if (date != null && !date.equals(first.date())) {
            differ.add("date");
        }
        String firstOrder = first.salesOrderNumber() != null ? first.salesOrderNumber() : first.purchaseOrderNumber();
        if (!Objects.equals(firstOrder, orderNumber)) {
            differ.add(orderField);
        }
        if (!Objects.equals(first.reference(), reference)) {
            differ.add("reference");
        }
        if (!Objects.equals(first.comment(), comment)) {
            differ.add("comment");
        }
        return differ;
    }

    /** Whose the first document is, as a caller reads it. */
    static String party(MoneyDocument first) {
        return first.customerCode() != null ? "customer " + first.customerCode() : "supplier " + first.supplierCode();
    }
}
