package org.titrate.sales.api;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks returned goods against what a downstream module knows (inventory: which lots went to the
 * customer, which have expired). Sales asks every registered implementation whenever it shows
 * return documents and lists what they report as the document's {@code warnings}; nothing is
 * blocked. Called on every read, so implementations answer a whole page with a few queries.
 */
@ConsumerType
public interface ReturnChecks {

    /** Warnings by document id for the given {@code RETURN} documents; documents without warnings are left out. */
    Map<String, List<DocumentWarning>> check(List<SalesOrder> returns);
}
