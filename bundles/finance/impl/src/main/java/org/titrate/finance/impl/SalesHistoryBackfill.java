package org.titrate.finance.impl;

import org.titrate.platform.api.db.Transactions;
import java.util.List;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.PageRequest;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderList;
import org.titrate.sales.api.OrderQuery;
import org.titrate.sales.api.OrderStatus;
import org.titrate.sales.api.OrderType;
import org.titrate.sales.api.PostingKind;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.SalesOrderService;
import org.titrate.sales.api.StatusChange;

/**
 * Books the sales documents that shipped or were received while finance was not installed, once,
 * when finance starts: a document already on the ledger is skipped (postings are idempotent per
 * document), so starting again books nothing twice. It starts after the posting listener, so a
 * document posted meanwhile is booked by one or the other, never both, and finance's views wait for
 * it, so balances are right from their first answer.
 */
@Component(service = SalesHistoryBackfill.class, immediate = true)
public class SalesHistoryBackfill {
    private static final Logger LOG = LoggerFactory.getLogger(SalesHistoryBackfill.class);

    @Reference
    private SalesFinancePosting posting;

    @Reference
    private SalesOrderService sales;

    @Reference
    private TransactionManager transactions;

    @Activate
    void activate() {
        int booked = book(OrderType.ORDER, OrderStatus.SHIPPED, OrderAction.SHIP, PostingKind.SHIPMENT)
                + book(OrderType.ORDER, OrderStatus.CLOSED, OrderAction.SHIP, PostingKind.SHIPMENT)
                + book(OrderType.RETURN, OrderStatus.RECEIVED, OrderAction.RECEIVE, PostingKind.RETURN_RECEIPT)
                + book(OrderType.RETURN, OrderStatus.CLOSED, OrderAction.RECEIVE, PostingKind.RETURN_RECEIPT);
        if (booked > 0) {
            LOG.info("Finance booked {} sales documents posted while it was not installed", booked);
        }
    }

    private int book(OrderType type, OrderStatus status, OrderAction action, PostingKind kind) {
        int booked = 0;
        int offset = 0;
        while (true) {
            OrderList page = sales.find(new OrderQuery(type, status, null, null, null, null, null, null, null,
                    new PageRequest(offset, PageRequest.MAX_LIMIT)));
            for (SalesOrder o : page.items()) {
                StatusChange posted = postingOf(o.history(), action);
                if (Transactions.required(transactions, () -> posting.book(kind, o.number(), o.sourceOrderNumber(), o.customerCode(),
                        o.currency(), o.totalAmount(), posted == null ? o.updatedAt() : posted.at(),
                        posted == null ? o.updatedBy() : posted.by()))) {
                    booked++;
                }
            }
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return booked;
            }
        }
    }

    private static StatusChange postingOf(List<StatusChange> history, OrderAction action) {
        return history.stream().filter(h -> h.action() == action).reduce((a, b) -> b).orElse(null);
    }
}
