package org.titrate.invoicing.api;

/** The kinds of VAT invoice the tax system issues. */
public enum InvoiceType {
    /** 增值税专用发票: the buyer deducts the input tax; needs the buyer's full tax data. */
    SPECIAL,
    /** 增值税普通发票. */
    ORDINARY,
    /** 全面数字化的电子发票 (全电发票): numbered by the tax system alone, no invoice code. */
    ELECTRONIC
}
