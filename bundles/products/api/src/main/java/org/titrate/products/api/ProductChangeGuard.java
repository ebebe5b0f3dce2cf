package org.titrate.products.api;

import org.osgi.annotation.versioning.ConsumerType;
import org.titrate.platform.api.db.InCallersTransaction;

/**
 * A downstream module's say in a product change (whiteboard: every registered guard is asked). Called
 * inside the update's transaction, before anything is stored; a guard refuses by throwing the platform's
 * {@code ConflictException} naming the field, and the update then changes nothing. Products names no
 * guard: inventory registers one that keeps lot tracking on while lots of the product are on hand;
 * without inventory nothing is asked.
 */
@ConsumerType
@InCallersTransaction
public interface ProductChangeGuard {

    /**
     * @param before the product as stored
     * @param after the product as the update would store it (validated)
     */
    void changing(Product before, Product after);
}
