package org.titrate.customers.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;
import org.titrate.customers.api.Channel;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerStatus;
import org.titrate.customers.api.FollowUp;
import org.titrate.customers.api.FollowUpChannel;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.api.ValidationException;

public class CustomerRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    public void aNewCustomerIsAWholesaleProspectWithoutCreditByDefault() {
        Customer c = CustomerRules.validate(Customer.of(null, "上海华谊新材料有限公司", null, null, null, "021-6432 1100", null, null,
                null, null, null));
        assertEquals(CustomerStatus.PROSPECT, c.status());
        assertEquals(Channel.WHOLESALE, c.channel());
        assertEquals(0, c.paymentTermDays().intValue());
        assertEquals("0.00", c.creditLimit().toPlainString());
        assertEquals("CNY", c.currency());
    }

    @Test
    public void acceptsChinesePhoneFormats() {
        for (String phone : new String[] {"0512-6658 2301", "13805712345", "+86 21 6432 1100", "021-64321100 转 8001"}) {
            CustomerRules.validate(Customer.of(null, "x", null, null, null, phone, null, null, null, null, null));
        }
    }

    @Test
    public void rejectsBadFieldsAtOnce() {
        try {
            CustomerRules.validate(Customer.of("a b", "", null, null, null, "call me", "x@", null, null, 400, new BigDecimal("-1")));
            fail();
        } catch (ValidationException e) {
            assertEquals(List.of("code", "name", "phone", "email", "paymentTermDays", "creditLimit"),
                    e.errors().stream().map(FieldError::field).toList());
        }
    }

    @Test
    public void followUpsHappenInThePastAndPlanAhead() {
        FollowUp ok = CustomerRules.validate(new FollowUp(null, null, TODAY, FollowUpChannel.VISIT, "拜访", null, TODAY.plusDays(7),
                null, null), TODAY);
        assertEquals(TODAY.plusDays(7), ok.nextDate());
        try {
            CustomerRules.validate(new FollowUp(null, null, TODAY.plusDays(5), null, " ", null, TODAY, null, null), TODAY);
            fail();
        } catch (ValidationException e) {
            assertEquals(List.of("channel", "summary", "date", "nextDate"), e.errors().stream().map(FieldError::field).toList());
        }
    }
}
