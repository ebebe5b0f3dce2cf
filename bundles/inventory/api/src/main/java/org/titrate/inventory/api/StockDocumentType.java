package org.titrate.inventory.api;

/** The stock in/out forms and what each moves; quantities on their lines are positive. */
public enum StockDocumentType {
    /** Goods come in: available stock up. */
    RECEIPT(null, StockStatus.AVAILABLE),
    /** Goods go out (consumption, samples, disposal): available stock down. */
    ISSUE(StockStatus.AVAILABLE, null),
    /** Available stock moves to {@code toWarehouseCode}. */
    TRANSFER(StockStatus.AVAILABLE, StockStatus.AVAILABLE),
    /** A stock count: each line's quantity is what was counted; the difference to the books is posted. */
    ADJUSTMENT(null, StockStatus.AVAILABLE),
    /** Available stock is put on hold in the quarantine location (a suspect lot). */
    HOLD(StockStatus.AVAILABLE, StockStatus.QUARANTINE),
    /** Inspected quarantined stock is accepted back to available. */
    RELEASE(StockStatus.QUARANTINE, StockStatus.AVAILABLE),
    /** Quarantined stock is destroyed. */
    SCRAP(StockStatus.QUARANTINE, null);

    private final StockStatus from;
    private final StockStatus to;

    StockDocumentType(StockStatus from, StockStatus to) {
        this.from = from;
        this.to = to;
    }

    /** The status stock leaves, or null when nothing leaves. */
    public StockStatus from() {
        return from;
    }

    /** The status stock arrives in, or null when nothing arrives. */
    public StockStatus to() {
        return to;
    }

    /** Forms that judge or destroy goods, or correct the books, say why. */
    public boolean needsReason() {
        return this == ADJUSTMENT || this == HOLD || this == RELEASE || this == SCRAP;
    }
}
