package org.titrate.platform.api.db;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates a row that concurrent requests may race to create (a counter, a lock row) in a transaction
 * of its own. Inside the caller's transaction a losing insert would fail it — on PostgreSQL the whole
 * transaction is aborted — so the row is inserted outside it, and a duplicate key counts as success.
 */
@ProviderType
public interface MissingRows {

    /** Runs {@code insertSql} with {@code parameters} outside the caller's transaction; an existing row is no error. */
    void insertIfAbsent(String insertSql, Object... parameters);
}
