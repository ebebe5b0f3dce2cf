package org.titrate.inventory.impl;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.WarehouseCheck;

/** Sales and purchasing ask it when a document naming a warehouse is saved: it must exist and be active. */
@Component(service = WarehouseCheck.class)
public class InventoryWarehouseCheck implements WarehouseCheck {

    @Reference
    private StockLedger ledger;

    @Override
    public String problem(String code) {
        return ledger.problem(code);
    }
}
