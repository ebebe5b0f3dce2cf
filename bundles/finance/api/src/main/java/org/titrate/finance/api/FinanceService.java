package org.titrate.finance.api;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.titrate.platform.api.Page;

/**
 * Receivables and payables: the finance ledger, its open items and balances, and the money
 * documents that settle them. Methods throw the platform's problem exceptions: 400 naming the field,
 * 404 for an unknown party or document, 409 for a refund above the credit (also when two race).
 */
@ProviderType
public interface FinanceService {

    /** The party's accounts, one per currency it has postings in (none: an empty list). */
    List<Balance> balance(PartyType partyType, String partyCode);

    Page<Balance> balances(BalanceQuery query);

    Page<OpenItem> openItems(OpenItemQuery query);

    Page<Posting> postings(PostingQuery query);

    /** One ledger entry by its id (404 when there is none). */
    Posting posting(String id);

    /**
     * Postings written after {@code since}, about {@code limit}, read from the platform's event log in its
     * order (entries from before the log existed first, oldest first). An entry shows as soon as its
     * transaction and every earlier one in the log have ended; a posting is stamped before its event, so a
     * poller continuing from the last {@code postedAt} misses nothing (it may get the last few again).
     */
    List<Posting> postingsSince(Instant since, int limit);

    /**
     * Ledger entries by their place in the platform's event log: those whose event follows {@code afterSeq}, in
     * log order, up to {@code limit}. Nothing is held back: an entry shows as soon as its transaction and every
     * earlier one in the log have ended. A caller that continues after the highest {@code seq} it got never
     * misses an entry and never gets one twice. Entries posted before the log existed are in {@link #postingsSince}.
     */
    List<SequencedPosting> postingsAfter(long afterSeq, int limit);

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
