package org.titrate.platform.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Human numbers for documents and codes, gap-free per series and year within committed
 * transactions. Implemented by the platform; call it inside the transaction that creates the record.
 */
@ProviderType
public interface DocumentNumbers {

    /** The next document number of a series, e.g. {@code next("SO")} gives {@code SO-2026-000042}. */
    String next(String series);

    /** The next master-data code, e.g. {@code nextCode("C", 6)} gives {@code C000042}. */
    String nextCode(String prefix, int digits);
}
