package org.titrate.sales.api;

import org.osgi.annotation.versioning.ConsumerType;
import org.titrate.platform.api.db.InCallersTransaction;

/**
 * Books the consequences of a sales posting (stock movements, receivables, credit notes). Register
 * an implementation as an OSGi service; sales calls every registered listener, in service-ranking
 * order, inside the JTA transaction of the action, so their bookings and the document's change
 * commit together or not at all.
 *
 * <p>To refuse a posting (not enough stock, say), throw a
 * {@link org.titrate.platform.api.ProblemException} — usually a
 * {@link org.titrate.platform.api.ConflictException}: the whole action is rolled back and the client
 * gets that status and message. Listeners must not start their own transactions.
 */
@ConsumerType
@InCallersTransaction
public interface SalesPostingListener {

    void posted(SalesPosting posting);
}
