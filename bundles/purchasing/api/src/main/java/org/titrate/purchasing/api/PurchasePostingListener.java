package org.titrate.purchasing.api;

import org.osgi.annotation.versioning.ConsumerType;
import org.titrate.platform.api.db.InCallersTransaction;

/**
 * Books the consequences of a purchase posting (stock in or out, payables). Register an
 * implementation as an OSGi service; purchasing calls every registered listener inside the JTA
 * transaction of the action, so their bookings and the document's change commit together or not at
 * all. Refuse with a {@link org.titrate.platform.api.ProblemException}; never start a transaction.
 * Book with JDBC on the transaction's connection, not with an entity manager of your own.
 */
@ConsumerType
@InCallersTransaction
public interface PurchasePostingListener {

    void posted(PurchasePosting posting);
}
