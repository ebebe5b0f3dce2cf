package org.titrate.sales.api;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;

/**
 * Sales and return orders. Documents are addressed by number ({@code SO-2026-000042}) or id.
 * Methods throw the platform's problem exceptions: 400 for bad input (naming the field, e.g.
 * {@code lines[2].quantity}), 404 for unknown documents, 409 for illegal state changes, stale
 * versions, concurrent changes and postings a listener refuses.
 */
@ProviderType
public interface SalesOrderService {

    OrderList find(OrderQuery query);

    SalesOrder get(String idOrNumber);

    SalesOrder create(SalesOrder order);

    /** Replaces a draft's header and lines; {@code order.version()} must be the version read. */
    SalesOrder update(String idOrNumber, SalesOrder order);

    /**
     * A draft {@code RETURN} copying the order's customer, warehouse, currency, prices and lines
     * (as {@code RETURN} lines with negated quantities), with {@code sourceOrderNumber} set. An
     * information link only: nothing is checked against or deducted from the source.
     */
    SalesOrder createReturn(String sourceIdOrNumber, String comment);

    /**
     * Performs a workflow action ({@code CONFIRM}, {@code SHIP}, {@code CANCEL}, {@code SUBMIT},
     * {@code APPROVE}, {@code REJECT}, {@code RECEIVE}, {@code CLOSE}). {@code comment} goes into
     * the history; a rejection requires it (the reason). {@code version}, when given, must be current.
     */
    SalesOrder act(String idOrNumber, OrderAction action, String comment, Long version);

    /**
     * Confirms an order. The customer's exposure (open receivables + confirmed orders not shipped + this order, in the
     * currency of the customer's credit limit) must stay within the limit, and no debt may be overdue beyond the
     * configured days: otherwise 409 naming {@code creditLimit} (or {@code overdue}) unless {@code overrideCreditLimit},
     * which needs {@code comment} (the reason) and is recorded in the history. Who may override is the caller's concern
     * (REST: the finance and admin roles). {@code act(CONFIRM)} is this without override.
     */
    SalesOrder confirm(String idOrNumber, String comment, Long version, boolean overrideCreditLimit);

    /** Records the customer's return shipment of a return order. */
    SalesOrder track(String idOrNumber, Tracking tracking);

    /** The history of a document, oldest first. */
    Page<StatusChange> history(String idOrNumber, PageRequest page);

    /**
     * Documents changed after {@code since}, oldest change first, about {@code limit} (never cut between
     * documents changed in the same millisecond). A change appears 15 seconds after it was made
     * (longer than a posting may wait for locks), once no transaction that could still commit an earlier change is running, so a poller that
     * continues from the last {@code updatedAt} it saw misses nothing.
     */
    List<SalesOrder> changedSince(Instant since, int limit);

    /**
     * Every document whose change after {@code since} is committed now, oldest change first, about {@code limit},
     * including the last 15 seconds that {@link #changedSince} still holds back. For a reader that must see
     * everything committed at once and may read a document twice (finance booking what it missed, idempotently);
     * a poller must not continue from its last {@code updatedAt}: a change stamped earlier may still commit.
     */
    List<SalesOrder> committedSince(Instant since, int limit);
}
