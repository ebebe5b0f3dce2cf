package org.titrate.purchasing.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;

/** Suppliers; 400 naming the field, 404 unknown, 409 duplicate code or stale version. */
@ProviderType
public interface SupplierService {

    /** {@code q} searches code and name; {@code active} null lists all. */
    Page<Supplier> find(String q, Boolean active, PageRequest page);

    Supplier get(String idOrCode);

    Optional<Supplier> findByCode(String code);

    Supplier create(Supplier supplier);

    /** {@code supplier.version()} must be the version the client read. */
    Supplier update(String idOrCode, Supplier supplier);
}
