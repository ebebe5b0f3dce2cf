package org.titrate.sales.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.demo.DemoData;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.sales.api.Direction;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderLine;
import org.titrate.sales.api.OrderQuery;
import org.titrate.sales.api.OrderType;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.SalesOrderService;
import org.titrate.sales.api.Tracking;

/**
 * A month of a distributor's sales desk: wholesale and retail orders in each state, a return of
 * damaged caustic soda awaiting approval, and an exchange of the wrong hydrochloric acid grade.
 * Uses the demo customers and products; skipped when the first demo customer already has documents.
 */
@Component
public class SalesDemoData implements DemoData {
    private static final String FIRST_CUSTOMER = "C000101";

    @Reference
    private SalesOrderService orders;

    @Override
    public String module() {
        return "sales";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String load() {
        if (orders.find(new OrderQuery(null, null, FIRST_CUSTOMER, null, null, null, null, null, Map.of(), new PageRequest(0, 1)))
                .total() > 0) {
            return "0 documents added (the demo customers already have documents)";
        }
        LocalDate today = BusinessClock.today();
        SalesOrder shipped = order(FIRST_CUSTOMER, "恒瑞月度补货，送货前电话联系仓库王师傅",
                ship("NAOH-25", "40", today.plusDays(2)), ship("H2O2-30", "20", today.plusDays(2)), ship("HCL-31", "30", today.plusDays(3)));
        orders.act(shipped.number(), OrderAction.CONFIRM, "客户已确认价格", null);
        orders.act(shipped.number(), OrderAction.SHIP, "危险品专车发运，押运员李强", null);

        SalesOrder confirmed = order("C000102", "龙盛季度框架订单第一批", ship("ETOH-95", "8", today.plusDays(5)),
                ship("ACETONE", "6", today.plusDays(5)), ship("TOLUENE", "4", today.plusDays(7)));
        orders.act(confirmed.number(), OrderAction.CONFIRM, null, null);

        order("C000105", "实验室零星采购，开普通发票", ship("CITRIC-25", "2", today.plusDays(1)), ship("NA2CO3-40", "1", today.plusDays(1)));

        SalesOrder returned = orders.createReturn(shipped.number(), "客户反映 2 袋片碱运输途中破损");
        SalesOrder damaged = orders.update(returned.number(), new SalesOrder(null, null, OrderType.RETURN, null, FIRST_CUSTOMER, null,
                null, null, shipped.number(), "CNY", null, "客户反映 2 袋片碱运输途中破损", Map.of(),
                List.of(new OrderLine(null, "NAOH-25", null, null, Direction.RETURN, new BigDecimal("-2"), null, null, null, null,
                        "DAMAGED", "外包装破裂，已拍照留存")),
                null, null, null, null, null, null, null, null, returned.version(), null, null, null, null, List.of()));
        orders.track(damaged.number(), new Tracking("顺丰速运", "SF1402938475621"));
        orders.act(damaged.number(), OrderAction.SUBMIT, "请质检部确认破损情况", null);

        SalesOrder exchange = orders.create(SalesOrder.of(OrderType.RETURN, "C000104", null, null, "CNY", Map.of(), List.of(
                new OrderLine(null, "HCL-31", null, null, Direction.RETURN, new BigDecimal("-10"), null, null, null, null,
                        "WRONG_PRODUCT", "客户订的是 36% 试剂级，发成了 31% 工业级"),
                OrderLine.of("HCL-31", Direction.SHIP, new BigDecimal("10"), new BigDecimal("48.00"), today.plusDays(2), null, null))));
        orders.act(exchange.number(), OrderAction.SUBMIT, "换货：退回工业级盐酸，补发试剂级", null);
        orders.act(exchange.number(), OrderAction.APPROVE, "同意换货，运费由我方承担", null);
        return "5 documents added: 3 orders (shipped, confirmed, draft), a submitted return and an approved exchange";
    }

    private SalesOrder order(String customer, String comment, OrderLine... lines) {
        SalesOrder o = SalesOrder.of(OrderType.ORDER, customer, "WH1", null, "CNY", Map.of(), List.of(lines));
        return orders.create(new SalesOrder(null, null, o.type(), null, o.customerCode(), null, null, o.warehouseCode(), null, o.currency(),
                null, comment, o.customFields(), o.lines(), null, null, null, null, null, null, null, null, null, null, null, null, null, List.of()));
    }

    private static OrderLine ship(String sku, String quantity, LocalDate deliveryDate) {
        return OrderLine.of(sku, Direction.SHIP, new BigDecimal(quantity), null, deliveryDate, null, null);
    }
}
