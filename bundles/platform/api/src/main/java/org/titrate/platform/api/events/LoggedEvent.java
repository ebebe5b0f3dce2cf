package org.titrate.platform.api.events;

import java.time.Instant;

/**
 * One entry of the platform's event log.
 *
 * @param seq     strictly increasing over the log (a rolled-back append leaves a gap, never a later fill)
 * @param type    what happened; it is also the EventAdmin topic the entry is announced under,
 *                e.g. {@code org/titrate/sales/order/SHIP}
 * @param key     the document or master record it is about (an order number, a SKU, a customer code)
 * @param actor   who did it
 * @param at      when the change was made (the append, inside the change's transaction)
 * @param payload a small JSON object with the facts a consumer needs without reading the document
 */
public record LoggedEvent(long seq, String type, String key, String actor, Instant at, String payload) {
}
