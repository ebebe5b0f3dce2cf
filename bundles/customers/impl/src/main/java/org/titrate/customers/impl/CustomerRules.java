package org.titrate.customers.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.titrate.customers.api.Channel;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerStatus;
import org.titrate.customers.api.FollowUp;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.Money;

/** Validates and normalises what a client sends; every bad field is reported at once. */
final class CustomerRules {
    static final int MAX_PAYMENT_TERM_DAYS = 365;
    /** Follow-ups are logged when they happen; a date far off is a typing error. */
    static final int MAX_DAYS_AHEAD = 3 * 365;

    private CustomerRules() {
    }

    /** A customer with defaults applied: prospect, wholesale, cash on delivery, no credit. */
    static Customer validate(Customer in) {
        Check.body(in);
        Check check = new Check();
        String code = check.code("code", in.code(), false);
        String name = check.text("name", in.name(), 200, true);
        String contact = check.text("contactName", in.contactName(), 100, false);
        String phone = check.phone("phone", in.phone());
        String email = check.email("email", in.email());
        String address = check.text("address", in.address(), 500, false);
        Integer terms = check.range("paymentTermDays", in.paymentTermDays(), 0, MAX_PAYMENT_TERM_DAYS, false);
        BigDecimal credit = check.decimal("creditLimit", in.creditLimit(), BigDecimal.ZERO, Money.MAX, Money.SCALE, false);
        String currency = check.currency("currency", in.currency());
        String taxId = check.text("taxId", in.taxId(), 30, false);
        String notes = check.text("notes", in.notes(), 2000, false);
        String reason = check.text("changeReason", in.changeReason(), 500, false);
        check.throwIfInvalid();
        return new Customer(in.id(), code, name, in.status() == null ? CustomerStatus.PROSPECT : in.status(),
                in.channel() == null ? Channel.WHOLESALE : in.channel(), contact, phone, email, address, in.source(),
                terms == null ? 0 : terms, credit == null ? Money.of(BigDecimal.ZERO) : credit, currency, taxId, notes,
                in.version(), null, null, null, null, reason);
    }

    static FollowUp validate(FollowUp in, LocalDate today) {
        Check.body(in);
        Check check = new Check();
        LocalDate date = check.required("date", in.date());
        check.required("channel", in.channel());
        String summary = check.text("summary", in.summary(), 2000, true);
        String next = check.text("nextAction", in.nextAction(), 500, false);
        if (date != null && date.isAfter(today.plusDays(1))) {
            check.fail("date", "must not be in the future");
        }
        if (in.nextDate() != null) {
            if (date != null && in.nextDate().isBefore(date)) {
                check.fail("nextDate", "must not be before date");
            } else if (in.nextDate().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
                check.fail("nextDate", "must be within " + MAX_DAYS_AHEAD + " days");
            }
        }
        if (date != null && date.isBefore(today.minusYears(50))) {
            check.fail("date", "is too far in the past");
        }
        check.throwIfInvalid();
        return new FollowUp(null, null, date, in.channel(), summary, next, in.nextDate(), null, null);
    }
}
