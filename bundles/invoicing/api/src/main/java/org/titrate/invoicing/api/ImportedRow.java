package org.titrate.invoicing.api;

/**
 * What importing one row of the tax system's export of issued invoices did: {@code row} as the spreadsheet numbers it,
 * the request it matched ({@code requestNumber}, ours) and the tax system's {@code invoiceNumber}; for a row not issued
 * the {@code column} (its header, e.g. {@code 开票日期}) and a {@code message} saying why.
 */
public record ImportedRow(int row, Outcome outcome, String requestNumber, String invoiceNumber, String column, String message) {

    /** ISSUED: recorded now; ALREADY_ISSUED: this invoice number was recorded before (importing a file twice is harmless);
     * NO_MATCH: no request, or more than one, fits the row; SKIPPED: voided (作废) in the tax system; ERROR: the row is
     * wrong or contradicts the request it names. */
    public enum Outcome { ISSUED, ALREADY_ISSUED, NO_MATCH, SKIPPED, ERROR }
}
