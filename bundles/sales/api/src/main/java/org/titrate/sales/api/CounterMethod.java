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
    OTHER
}
