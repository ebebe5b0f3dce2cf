package org.titrate.finance.impl;

import java.time.Instant;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.titrate.finance.api.PartyType;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderStatus;
import org.titrate.sales.api.OrderType;
import org.titrate.sales.api.PostingKind;
import org.titrate.sales.api.SalesEvents;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.SalesOrderService;
import org.titrate.sales.api.StatusChange;

/**
 * Books the sales documents shipped or received while finance was not installed. It starts after
 * the posting listener, so a document posted meanwhile is booked by one or the other, never both;
 * finance's views wait for its first pass ({@link #awaitFirstPass()}), so balances are right from their
 * first answer.
 */
@Component(service = SalesHistoryBackfill.class, immediate = true)
public class SalesHistoryBackfill extends HistoryBackfill<SalesOrder> {

    @Reference
    private SalesFinancePosting posting;

    @Reference
    private SalesOrderService sales;

    @Reference
    private FinanceCursors cursors;

    @Activate
    void activate() {
        start();
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    @Override
    protected String module() {
        return "sales";
    }

    @Override
    protected List<SalesOrder> changedSince(Instant since, int limit) {
        return sales.changedSince(since, limit);
    }

    @Override
    protected Instant changedAt(SalesOrder o) {
        return o.updatedAt();
    }

    @Override
    protected boolean book(SalesOrder o) {
        boolean order = o.type() == OrderType.ORDER;
        boolean posted = order ? o.status() == OrderStatus.SHIPPED || o.status() == OrderStatus.CLOSED
                : o.status() == OrderStatus.RECEIVED || o.status() == OrderStatus.CLOSED;
        if (!posted) {
            return false;
        }
        OrderAction action = order ? OrderAction.SHIP : OrderAction.RECEIVE;
        StatusChange at = o.history().stream().filter(h -> h.action() == action).reduce((a, b) -> b).orElse(null);
        return posting.book(order ? PostingKind.SHIPMENT : PostingKind.RETURN_RECEIPT, o.number(), o.sourceOrderNumber(), o.customerCode(),
                o.currency(), o.totalAmount(), at == null ? o.updatedAt() : at.at(), at == null ? o.updatedBy() : at.by());
    }

    @Override
    protected String typePrefix() {
        return SalesEvents.TOPIC_PREFIX;
    }

    @Override
    protected boolean posts(String type) {
        return type.equals(SalesEvents.topic(OrderAction.SHIP)) || type.equals(SalesEvents.topic(OrderAction.RECEIVE));
    }

    @Override
    protected PartyType party() {
        return PartyType.CUSTOMER;
    }

    @Override
    protected SalesOrder load(String number) {
        return sales.get(number);
    }

    @Override
    protected FinanceCursors cursors() {
        return cursors;
    }
}
