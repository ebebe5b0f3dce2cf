package org.titrate.purchasing.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.titrate.platform.api.Page;

/**
 * Purchase orders and returns, addressed by number ({@code PO-2026-000001}, {@code PN-…}) or id.
 * 400 for bad input naming the field, 404 unknown, 409 for an illegal state change or stale version,
 * and whatever a posting listener refuses (not enough stock to send back, say).
 */
@ProviderType
public interface PurchaseOrderService {

    PurchaseList find(PurchaseQuery query);

    PurchaseOrder get(String idOrNumber);

    PurchaseOrder create(PurchaseOrder order);

    /** Replaces a draft's header and lines; {@code order.version()} must be the version read. */
    PurchaseOrder update(String idOrNumber, PurchaseOrder order);

    /** A draft return of a received order: supplier, warehouse, prices, lots and lines copied as {@code RETURN} lines. */
    PurchaseOrder createReturn(String sourceIdOrNumber, String comment);

    /**
     * Performs {@code action}. Receiving may name the lots the goods came with ({@code lots}); every
     * lot-tracked line needs one by then. {@code version}, when given, must be current.
     */
    PurchaseOrder act(String idOrNumber, PurchaseAction action, String comment, Long version, List<ReceivedLot> lots);

    /**
     * Documents changed after {@code since}, oldest change first, about {@code limit} (never cut between
     * documents changed in the same millisecond). A change appears 15 seconds after it was made
     * (longer than a posting may wait for locks), once no transaction that could still commit an earlier change is running.
     */
    List<PurchaseOrder> changedSince(java.time.Instant since, int limit);

    /**
     * Every document whose change after {@code since} is committed now, oldest change first, about {@code limit},
     * including the last 15 seconds that {@link #changedSince} still holds back. For a reader that must see
     * everything committed at once and may read a document twice (finance booking what it missed, idempotently);
     * a poller must not continue from its last {@code updatedAt}: a change stamped earlier may still commit.
     */
    List<PurchaseOrder> committedSince(java.time.Instant since, int limit);
}
