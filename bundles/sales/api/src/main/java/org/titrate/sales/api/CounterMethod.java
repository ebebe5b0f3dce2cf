package org.titrate.sales.api;

/** How a buyer pays at the counter (and how a counter return is refunded). */
public enum CounterMethod {
    CASH,
    /** 支付宝 */
    ALIPAY,
    /** 微信支付 */
    WECHAT_PAY,
    /** A bank card through the terminal, booked as a bank transfer. */
    BANK_TRANSFER,
    CHEQUE,
    OTHER,
    /**
     * 挂账: a registered customer takes the goods and pays later. Nothing is paid at the counter; the sale stays open on the
     * customer's account (the debt finance books at shipment) and is checked against the customer's credit limit. For a
     * counter return: the credit stays on the account instead of money going back.
     */
    ON_ACCOUNT
}
