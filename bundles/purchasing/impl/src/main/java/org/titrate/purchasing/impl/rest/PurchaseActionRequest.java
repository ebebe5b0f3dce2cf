package org.titrate.purchasing.impl.rest;

import java.util.List;
import org.titrate.purchasing.api.ReceivedLot;

/**
 * The optional body of a purchase action: a comment for the history, the version the client acted
 * on (checked when given) and, when receiving, the lots the goods came with.
 */
public record PurchaseActionRequest(String comment, Long version, List<ReceivedLot> lots) {
}
