package org.titrate.finance.impl;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.finance.api.MoneyKind;
import org.titrate.finance.api.PaymentMethod;
import org.titrate.platform.api.ValidationException;
import org.titrate.sales.api.CounterPayments;

/**
 * The receipt of a counter sale and the refund of a counter return, posted in sales' transaction right after the
 * shipment's invoice or the return's credit note: the receipt settles the invoice, the refund uses the credit.
 */
@Component(service = CounterPayments.class)
public class CounterMoneyPosting implements CounterPayments {

    @Reference
    private JdbcFinanceService finance;

    @Override
    public String register(CounterMoney money) {
        PaymentMethod method;
        try {
            method = PaymentMethod.valueOf(money.method());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException("payment.method", "finance knows no payment method '" + money.method() + "'");
        }
        return finance.registerForPosted(money.refund() ? MoneyKind.REFUND : MoneyKind.RECEIPT, money.customerCode(), money.amount(),
                money.currency(), method, money.orderNumber(), money.reference(), money.comment()).number();
    }
}
