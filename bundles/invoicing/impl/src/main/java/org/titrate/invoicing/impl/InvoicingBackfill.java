package org.titrate.invoicing.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.events.LoggedEvent;
import org.titrate.sales.api.OrderAction;
import org.titrate.sales.api.OrderType;
import org.titrate.sales.api.PostingKind;
import org.titrate.sales.api.PostingLine;
import org.titrate.sales.api.SalesEvents;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.SalesOrderService;
import org.titrate.sales.api.SalesPosting;
import org.titrate.sales.api.SalesPostingListener;
import org.titrate.sales.api.StatusChange;

/**
 * Records the shipments and return receipts sales posted while invoicing was not listening (installed late, or
 * uninstalled for a while), by following sales' events in the platform's event log with a durable cursor
 * ({@value #CURSOR}). Each posting event after the cursor is handed to the posting listener again, rebuilt from the
 * document as sales holds it; the listener records a document once ({@code IVC_POSTED}), so what it recorded itself
 * is passed over, and the cursor moves in the transaction that recorded. A registered cursor also keeps the log from
 * pruning what invoicing has not seen while it is away.
 *
 * <p>Where the cursor starts the first time: at the log's beginning when invoicing has recorded nothing (a late
 * install: every shipment in the log is replayed), else at the log's end (an installation whose listener recorded
 * everything so far). Documents older than the log's oldest kept event are not replayed. Passes run on a thread of
 * their own: at start, half a second after commits that appended, and every minute.
 */
@Component(service = InvoicingBackfill.class, immediate = true)
public class InvoicingBackfill {
    static final String CURSOR = "invoicing.sales";
    private static final Logger LOG = LoggerFactory.getLogger(InvoicingBackfill.class);
    private static final int PAGE = 500;
    private static final String SHIP = SalesEvents.topic(OrderAction.SHIP);
    private static final String RECEIVE = SalesEvents.topic(OrderAction.RECEIVE);

    @Reference(target = "(titrate.schema=invoicing)")
    private DataSource dataSource;

    @Reference
    private TransactionManager transactions;

    @Reference
    private EventLog log;

    @Reference
    private SalesOrderService sales;

    @Reference(target = "(component.name=org.titrate.invoicing.impl.JdbcInvoiceService)")
    private SalesPostingListener listener;

    private ScheduledThreadPoolExecutor follower;
    private AutoCloseable wakeUps;
    private final AtomicBoolean due = new AtomicBoolean();

    @Activate
    void activate() {
        follower = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "titrate-invoicing-backfill");
            t.setDaemon(true);
            return t;
        });
        follower.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        follower.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        follower.scheduleWithFixedDelay(this::pass, 0, 1, TimeUnit.MINUTES);
        wakeUps = log.onCommit(this::wake);
    }

    @Deactivate
    void deactivate() {
        try {
            wakeUps.close();
        } catch (Exception e) {
            LOG.warn("Cannot stop following the event log", e);
        }
        follower.shutdown();
        try {
            follower.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On the committing thread: only queues one pass, half a second later, so one pass reads what many commits appended. */
    private void wake() {
        if (due.compareAndSet(false, true)) {
            try {
                follower.schedule(() -> {
                    due.set(false);
                    pass();
                }, 500, TimeUnit.MILLISECONDS);
            } catch (RuntimeException stopping) {
                due.set(false);
            }
        }
    }

    /** Follows the log from the cursor to what is visible now. */
    synchronized void pass() {
        try {
            long position = cursor();
            int recorded = 0;
            while (true) {
                List<LoggedEvent> events = log.read(position, PAGE, SalesEvents.TOPIC_PREFIX);
                if (events.isEmpty()) {
                    break;
                }
                long handled = position;
                for (LoggedEvent e : events) {
                    if ((e.type().equals(SHIP) || e.type().equals(RECEIVE)) && !recorded(e.key())) {
                        SalesPosting p = posting(e.key());
                        long from = position;
                        // the document and the cursor past it (and past the events before it that post nothing) commit together
                        Transactions.required(transactions, () -> {
                            if (p != null) {
                                listener.posted(p);
                            }
                            log.advance(CURSOR, from, e.seq());
                            return null;
                        });
                        position = e.seq();
                        recorded += p == null ? 0 : 1;
                    }
                    handled = e.seq();
                }
                if (handled > position) {
                    long from = position;
                    long to = handled;
                    Transactions.required(transactions, () -> {
                        log.advance(CURSOR, from, to);
                        return null;
                    });
                    position = handled;
                }
                if (events.size() < PAGE) {
                    break;
                }
            }
            if (recorded > 0) {
                LOG.info("Invoicing recorded {} sales documents posted while it was not listening", recorded);
            }
        } catch (RuntimeException e) {
            LOG.warn("Invoicing could not record the sales postings it missed; it tries again", e);
        }
    }

    private boolean recorded(String number) {
        try (Connection c = dataSource.getConnection()) {
            return JdbcInvoiceService.recorded(c, number);
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read what invoicing recorded", e);
        }
    }

    private long cursor() {
        try {
            return log.position(CURSOR);
        } catch (IllegalArgumentException notRegistered) {
            long start;
            try (Connection c = dataSource.getConnection()) {
                start = Sql.list(c, "SELECT COUNT(*) FROM IVC_ORDER_LINE", List.of(), rs -> rs.getLong(1)).get(0) == 0 ? 0 : log.visibleUpTo();
            } catch (SQLException e) {
                throw Transactions.failure("Cannot read invoicing's order lines", e);
            }
            return log.register(CURSOR, start);
        }
    }

    /** The posting sales made for this document's shipment or receipt, rebuilt from the document; null when it is gone. */
    private SalesPosting posting(String number) {
        SalesOrder o;
        try {
            o = sales.get(number);
        } catch (RuntimeException gone) {
            LOG.warn("Invoicing cannot read sales document {} to record it: {}", number, gone.getMessage());
            return null;
        }
        boolean order = o.type() == OrderType.ORDER;
        OrderAction action = order ? OrderAction.SHIP : OrderAction.RECEIVE;
        StatusChange at = o.history().stream().filter(h -> h.action() == action).reduce((a, b) -> b).orElse(null);
        return new SalesPosting(order ? PostingKind.SHIPMENT : PostingKind.RETURN_RECEIPT, o.id(), o.number(), o.type(),
                o.sourceOrderNumber(), o.customerCode(), o.channel(), o.warehouseCode(), o.currency(), o.orderDate(), o.totalAmount(),
                o.lines().stream().map(l -> new PostingLine(l.lineNo(), l.sku(), l.direction(), l.quantity(), l.unitPrice(), l.amount(),
                        l.lot(), l.reasonCode())).toList(), at == null ? o.updatedAt() : at.at(), at == null ? o.updatedBy() : at.by());
    }
}
