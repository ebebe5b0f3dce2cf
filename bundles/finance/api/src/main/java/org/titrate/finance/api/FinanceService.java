package org.titrate.finance.api;

import java.time.Instant;
import java.util.List;
import org.titrate.platform.api.Page;

/**
 * Receivables and payables: the finance ledger, its open items and balances, and the money
 * documents that settle them. Methods throw the platform's problem exceptions: 400 naming the field,
 * 404 for an unknown party or document, 409 for a refund above the credit (also when two race).
 */
public interface FinanceService {

    /** The party's accounts, one per currency it has postings in (none: an empty list). */
    List<Balance> balance(PartyType partyType, String partyCode);

    Page<Balance> balances(BalanceQuery query);

    Page<OpenItem> openItems(OpenItemQuery query);

    Page<Posting> postings(PostingQuery query);

    /**
     * Postings written after {@code since}, oldest first, about {@code limit} (never cut between postings of
     * one instant). A posting appears 15 seconds after it was written, once no transaction that could still
     * commit an earlier one is running, so a poller continuing from the last {@code postedAt} misses nothing.
     */
    List<Posting> postingsSince(Instant since, int limit);

    /**
     * The payment reminders due as of {@code asOf} (debts due before that day and still open), one
     * per customer, currency and due date, with whether each was raised already.
     */
    List<PaymentReminder> reminders(java.time.LocalDate asOf);

    /**
     * Raises the reminders due as of {@code asOf} that were not raised before (an EventAdmin event
     * each, {@link FinanceEvents#PAYMENT_OVERDUE}); returns those raised now. Finance does this every
     * hour for today by itself.
     */
    List<PaymentReminder> raiseReminders(java.time.LocalDate asOf);

    /** Posts a money document of {@code document.kind()}. */
    MoneyDocument register(MoneyDocument document);

    Page<MoneyDocument> moneyDocuments(MoneyQuery query);

    /** By number or id, of the given kind. */
    MoneyDocument moneyDocument(MoneyKind kind, String idOrNumber);
}
