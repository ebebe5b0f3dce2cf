package org.titrate.inventory.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.inventory.api.StockDocument;
import org.titrate.inventory.api.StockDocumentLine;
import org.titrate.inventory.api.StockDocumentType;
import org.titrate.inventory.api.Warehouse;
import org.titrate.inventory.api.WarehouseService;
import org.titrate.inventory.api.StockService;
import org.titrate.platform.api.demo.DemoData;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.time.BusinessClock;

/**
 * A dangerous-goods warehouse in the Jinshan chemical park (the default, where the demo orders ship
 * from) and a general warehouse in Suzhou; opening stock of the demo products in lots, one of them
 * close to expiry. Runs after products and customers and before the sales documents, which ship
 * from this stock; skipped when the first warehouse exists.
 */
@Component
public class InventoryDemoData implements DemoData {
    static final String MAIN = "WH1";

    @Reference
    private WarehouseService warehouses;

    @Reference
    private StockService stock;

    @Override
    public String module() {
        return "inventory";
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public String load() {
        try {
            warehouses.get(MAIN);
            return "0 documents added (warehouse " + MAIN + " already exists)";
        } catch (NotFoundException absent) {
            // first run
        }
        warehouses.create(new Warehouse(null, MAIN, "上海金山化工区危化品仓库", "上海市金山区金山工业区月工路 1688 号", "WH1-QC", false, true,
                true, null, null, null, null, null));
        warehouses.create(new Warehouse(null, "WH2", "苏州工业园区普货仓库", "江苏省苏州市工业园区星龙街 428 号", null, false, false, true,
                null, null, null, null, null));
        LocalDate today = BusinessClock.today();
        stock.post(StockDocument.of(StockDocumentType.RECEIPT, MAIN, null, "新疆中泰化学送货单 ZT-2611-0387", null, List.of(
                line("NAOH-25", "120", "ZT20260912", today.plusDays(650)),
                line("NAOH-25", "60", "ZT20251203", today.plusDays(25)),
                line("HCL-31", "200", "HC20261105", today.plusDays(340)),
                line("H2O2-30", "80", "HP20261020", today.plusDays(140)),
                line("H2O2-30", "15", "HP20260610", today.plusDays(12)),
                line("ETOH-95", "40", "ET20261001", today.plusDays(1000)),
                line("ACETONE", "30", "AC20260918", today.plusDays(1020)),
                line("TOLUENE", "24", "TL20260925", today.plusDays(1030)),
                line("CITRIC-25", "50", "CA20261101", null),
                line("NA2CO3-40", "300", null, null))));
        stock.post(StockDocument.of(StockDocumentType.TRANSFER, MAIN, "WH2", "苏州仓月度调拨", null, List.of(
                line("NA2CO3-40", "100", null, null), line("CITRIC-25", "20", null, null))));
        return "2 warehouses, an opening receipt of 10 lots and a transfer to Suzhou";
    }

    private static StockDocumentLine line(String sku, String quantity, String lot, LocalDate expiry) {
        return StockDocumentLine.of(sku, new BigDecimal(quantity), lot, expiry);
    }
}
