package org.titrate.purchasing.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.demo.DemoData;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.purchasing.api.PurchaseAction;
import org.titrate.purchasing.api.PurchaseDirection;
import org.titrate.purchasing.api.PurchaseLine;
import org.titrate.purchasing.api.PurchaseOrder;
import org.titrate.purchasing.api.PurchaseOrderService;
import org.titrate.purchasing.api.PurchaseType;
import org.titrate.purchasing.api.ReceivedLot;
import org.titrate.purchasing.api.Supplier;
import org.titrate.purchasing.api.SupplierService;

/**
 * Two real producers the demo products come from, a caustic-soda order received into the main
 * warehouse with the producer's lot, and a solvent order confirmed and on its way. Runs after sales;
 * skipped when the first demo supplier exists.
 */
@Component
public class PurchasingDemoData implements DemoData {
    private static final String ZHONGTAI = "S000101";
    private static final String WANHUA = "S000102";

    @Reference
    private SupplierService suppliers;

    @Reference
    private PurchaseOrderService orders;

    @Override
    public String module() {
        return "purchasing";
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public String load() {
        if (suppliers.findByCode(ZHONGTAI).isPresent()) {
            return "0 suppliers added (the demo suppliers exist)";
        }
        suppliers.create(new Supplier(null, ZHONGTAI, "新疆中泰化学股份有限公司", "马建新", "0991-8751690", "sales@zthx.example.cn",
                "新疆乌鲁木齐市经济技术开发区阳澄湖路 39 号", 30, true, null, null, null, null, null));
        suppliers.create(new Supplier(null, WANHUA, "万华化学集团股份有限公司", "孙丽", "0535-3031588", null,
                "山东省烟台市经济技术开发区重庆大街 59 号", 45, true, null, null, null, null, null));
        LocalDate today = BusinessClock.today();
        PurchaseOrder soda = orders.create(new PurchaseOrder(null, null, PurchaseType.ORDER, null, ZHONGTAI, null, "WH1", null,
                "中泰销售合同 ZT-2026-1187", "CNY", null, "片碱月度采购，铁路槽车到货", List.of(new PurchaseLine(null, "NAOH-25", null, null,
                        PurchaseDirection.RECEIVE, new BigDecimal("200"), new BigDecimal("82.50"), null, null, null, today)),
                null, null, null, null, null, null, null, null, null, null, null));
        orders.act(soda.number(), PurchaseAction.CONFIRM, "价格已确认", null, null);
        orders.act(soda.number(), PurchaseAction.RECEIVE, "到货验收合格", null,
                List.of(new ReceivedLot(1, "ZT20261115", today.plusDays(720))));
        PurchaseOrder solvent = orders.create(new PurchaseOrder(null, null, PurchaseType.ORDER, null, WANHUA, null, "WH1", null, null, "CNY",
                null, "丙酮补库", List.of(new PurchaseLine(null, "ACETONE", null, null, PurchaseDirection.RECEIVE, new BigDecimal("40"),
                        new BigDecimal("61.20"), null, null, null, today.plusDays(6))),
                null, null, null, null, null, null, null, null, null, null, null));
        orders.act(solvent.number(), PurchaseAction.CONFIRM, null, null, null);
        return "2 suppliers and 2 purchase orders added (" + soda.number() + " received, " + solvent.number() + " confirmed)";
    }
}
