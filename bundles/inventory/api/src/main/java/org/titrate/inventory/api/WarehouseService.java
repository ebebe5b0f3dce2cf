package org.titrate.inventory.api;

import org.osgi.annotation.versioning.ProviderType;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;

/** Warehouses, by code or id. */
@ProviderType
public interface WarehouseService {

    Page<Warehouse> find(String q, Boolean active, PageRequest page);

    Warehouse get(String idOrCode);

    Warehouse create(Warehouse warehouse);

    /** {@code warehouse.version()} must be the version the client read; a warehouse holding stock cannot be deactivated. */
    Warehouse update(String idOrCode, Warehouse warehouse);
}
