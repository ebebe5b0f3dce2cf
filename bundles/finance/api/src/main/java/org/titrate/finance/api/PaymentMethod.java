package org.titrate.finance.api;

/** How money moved. */
public enum PaymentMethod {
    BANK_TRANSFER,
    /** 银行承兑汇票: a bank acceptance bill, common between Chinese companies. */
    BANK_ACCEPTANCE,
    CASH,
    CHEQUE,
    ALIPAY,
    WECHAT_PAY,
    OTHER
}
