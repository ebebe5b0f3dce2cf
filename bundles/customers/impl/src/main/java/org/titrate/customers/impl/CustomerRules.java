package org.titrate.customers.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.titrate.customers.api.Channel;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerContact;
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
        String salesperson = check.code("salesperson", in.salesperson(), false);
        check.throwIfInvalid();
        return new Customer(in.id(), code, name, in.status() == null ? CustomerStatus.PROSPECT : in.status(),
                in.channel() == null ? Channel.WHOLESALE : in.channel(), contact, phone, email, address, in.source(),
                terms == null ? 0 : terms, credit == null ? Money.of(BigDecimal.ZERO) : credit, currency, taxId, notes,
                in.version(), null, null, null, null, reason, salesperson);
    }

    /** Mainland mobile numbers, optionally with the country code; spaces and dashes are dropped first. */
    static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("(\\+86)?1[3-9][0-9]{9}");
    static final java.util.Set<String> LANGUAGES = java.util.Set.of(CustomerContact.ZH_CN, CustomerContact.EN);
    static final java.util.Set<String> CHANNELS = java.util.Set.of(CustomerContact.EMAIL, CustomerContact.SMS);
    static final int MAX_CONTACTS = 20;

    /** Contacts as stored: trimmed, language defaulted to zh-CN, channels upper-case without repeats; each bad field named. */
    static java.util.List<CustomerContact> validate(java.util.List<CustomerContact> in) {
        Check check = new Check();
        if (in == null) {
            throw new org.titrate.platform.api.ValidationException("contacts", "is required (a list, may be empty)");
        }
        if (in.size() > MAX_CONTACTS) {
            throw new org.titrate.platform.api.ValidationException("contacts", "at most " + MAX_CONTACTS + " contacts");
        }
        java.util.List<CustomerContact> out = new java.util.ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            String f = "contacts[" + i + "].";
            CustomerContact c = in.get(i);
            if (c == null) {
                check.fail("contacts[" + i + "]", "is required");
                continue;
            }
            String name = check.text(f + "name", c.name(), 100, true);
            String mobile = check.text(f + "mobile", c.mobile() == null ? null : c.mobile().replaceAll("[ -]", ""), 20, false);
            if (mobile != null && !MOBILE.matcher(mobile).matches()) {
                check.fail(f + "mobile", "is not a mobile number (11 digits starting with 1, optionally +86)");
            }
            String email = check.email(f + "email", c.email());
            String language = c.language() == null || c.language().isBlank() ? CustomerContact.ZH_CN : c.language().strip();
            if (!LANGUAGES.contains(language)) {
                check.fail(f + "language", "must be zh-CN or en");
            }
            java.util.List<String> channels = new java.util.ArrayList<>();
            for (String ch : c.channels() == null ? java.util.List.<String>of() : c.channels()) {
                String u = ch == null ? "" : ch.strip().toUpperCase(java.util.Locale.ROOT);
                if (!CHANNELS.contains(u)) {
                    check.fail(f + "channels", "'" + ch + "' is not a channel; EMAIL or SMS");
                } else if (!channels.contains(u)) {
                    channels.add(u);
                }
            }
            if (channels.contains(CustomerContact.EMAIL) && c.email() == null) {
                check.fail(f + "email", "is required to accept EMAIL");
            }
            if (channels.contains(CustomerContact.SMS) && c.mobile() == null) {
                check.fail(f + "mobile", "is required to accept SMS");
            }
            out.add(new CustomerContact(null, name, mobile, email, language, java.util.List.copyOf(channels)));
        }
        check.throwIfInvalid();
        return out;
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
