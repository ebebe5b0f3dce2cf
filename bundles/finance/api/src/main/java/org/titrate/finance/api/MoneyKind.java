package org.titrate.finance.api;

/** Money documents: what they post and the number series they take. */
public enum MoneyKind {
    RECEIPT(PostingType.RECEIPT, "RC"),
    REFUND(PostingType.REFUND, "RF"),
    SUPPLIER_PAYMENT(PostingType.SUPPLIER_PAYMENT, "PY"),
    SUPPLIER_REFUND(PostingType.SUPPLIER_REFUND, "SR");

    private final PostingType postingType;
    private final String series;

    MoneyKind(PostingType postingType, String series) {
        this.postingType = postingType;
        this.series = series;
    }

    public PostingType postingType() {
        return postingType;
    }

    public String series() {
        return series;
    }

    /** Refunds take back a credit and may never exceed it. */
    public boolean limitedByCredit() {
        return postingType.debit();
    }
}
