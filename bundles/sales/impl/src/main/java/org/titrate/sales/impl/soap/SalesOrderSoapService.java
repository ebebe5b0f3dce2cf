package org.titrate.sales.impl.soap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.ws.RequestWrapper;
import org.titrate.invoicing.api.OrderInvoices;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.events.LoggedEvent;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.soap.ProblemFault;
import org.titrate.platform.api.soap.SoapFeeds;
import org.titrate.platform.api.soap.SoapTime;
import org.titrate.sales.api.SalesEvents;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.SalesOrderService;

/** {@code /soap/SalesOrderService}: sales and return orders for legacy finance systems, document/literal wrapped. */
@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@WebService(name = "SalesOrderService", serviceName = "SalesOrderService", portName = "SalesOrderServicePort",
        targetNamespace = SalesOrderSoapService.NS)
public class SalesOrderSoapService {
    public static final String NS = "urn:titrate:sales";
    /** One poll answers at most this many documents by default; poll again from the last {@code updatedAt}. */
    static final int MAX_CHANGES = 500;
    /** What one poll answers at most: {@code pageLimit} of PID {@code org.titrate.sales.feeds} (SalesFeedSettings). */
    private static volatile int pageLimit = MAX_CHANGES;

    private final SalesOrderService orders;
    private final EventLog log;
    /** Invoicing's invoice numbers of orders while that module is installed (null otherwise). */
    private final Supplier<OrderInvoices> invoices;

    static void pageLimit(int limit) {
        pageLimit = limit;
    }

    public SalesOrderSoapService(SalesOrderService orders, EventLog log, Supplier<OrderInvoices> invoices) {
        this.orders = orders;
        this.log = log;
        this.invoices = invoices;
    }

    @WebMethod
    @WebResult(name = "order")
    public OrderData getOrder(@WebParam(name = "number") String number) throws ProblemFault {
        if (number == null || number.isBlank()) {
            throw new ValidationException("number", "is required");
        }
        return withInvoices(List.of(OrderData.of(orders.get(number.strip())))).get(0);
    }

    /** Creates a draft document; confirm or submit it over REST or the shell. */
    @WebMethod
    @Allowed(Roles.SALES)
    @WebResult(name = "order")
    public OrderData createOrder(@WebParam(name = "order") OrderData order) throws ProblemFault {
        if (order == null) {
            throw new ValidationException("order", "is required");
        }
        return OrderData.of(orders.create(order.toRecord()));
    }

    /**
     * Documents changed strictly after {@code since}, oldest change first, about 500 per call, without delay: poll on from
     * the last {@code updatedAt} (the last few may come again). New integrations use {@link #listOrdersChangedAfter}.
     */
    @WebMethod
    @WebResult(name = "order")
    @RequestWrapper(className = "org.titrate.sales.impl.soap.ListOrdersChangedSinceRequest")
    public List<OrderData> listOrdersChangedSince(@WebParam(name = "since") XMLGregorianCalendar since) throws ProblemFault {
        if (since == null) {
            throw new ValidationException("since", "is required (xs:dateTime)");
        }
        Instant from = SoapTime.toInstant("since", since);
        // Documents last changed before the log existed come from the order table, up to the log's first event.
        Instant logStart = log.read(0, 1).stream().map(LoggedEvent::at).findFirst().orElse(null);
        if (logStart == null || from.isBefore(logStart)) {
            List<SalesOrder> old = orders.changedSince(from, pageLimit).stream()
                    .filter(o -> logStart == null || o.updatedAt().isBefore(logStart)).toList();
            if (!old.isEmpty() || logStart == null) {
                return withInvoices(old.stream().map(OrderData::of).toList());
            }
        }
        // The log's times order it as its numbers do, and a document is stamped before its event is appended, so
        // continuing from any updatedAt of an answer misses no later change.
        List<SalesOrder> changed = new ArrayList<>(changes(log.lastSeqAtOrBefore(from), true, pageLimit).keySet());
        changed.sort(Comparator.comparing(SalesOrder::updatedAt));
        return withInvoices(changed.stream().map(OrderData::of).toList());
    }

    /**
     * Documents whose change follows {@code afterSeq} in the platform's event log (0 for the start of the log), in log
     * order, about 500 per call (pageLimit of PID org.titrate.sales.feeds), each with the {@code eventSeq} of its last change: ask again after the highest. No change
     * is missed; a document shows again only when it changed again.
     */
    @WebMethod
    @WebResult(name = "order")
    public List<OrderData> listOrdersChangedAfter(@WebParam(name = "afterSeq") Long afterSeq) throws ProblemFault {
        return after(SoapFeeds.afterSeq(afterSeq), pageLimit);
    }

    /**
     * As {@link #listOrdersChangedAfter}, with a page size: {@code limit} (optional, 1 or more) changes read from the log at
     * most, never more than {@code pageLimit} of PID org.titrate.sales.feeds (500 by default), whatever is asked. Each
     * document carries the {@code eventSeq} of its last change: ask again after the highest.
     */
    @WebMethod
    @WebResult(name = "order")
    public List<OrderData> listOrdersAfter(@WebParam(name = "afterSeq") Long afterSeq, @WebParam(name = "limit") Integer limit) throws ProblemFault {
        return after(SoapFeeds.afterSeq(afterSeq), SoapFeeds.pageSize(limit, pageLimit));
    }

    private List<OrderData> after(long afterSeq, int limit) {
        List<OrderData> answer = new ArrayList<>();
        changes(afterSeq, false, limit).forEach((order, seq) -> {
            OrderData d = OrderData.of(order);
            d.eventSeq = seq;
            answer.add(d);
        });
        return withInvoices(answer);
    }

    /** The documents with the numbers of the invoices naming them, read for all at once; as they are without invoicing. */
    private List<OrderData> withInvoices(List<OrderData> documents) {
        OrderInvoices.attach(invoices.get(), documents, d -> d.number, (d, numbers) -> d.invoiceNumbers = numbers);
        return documents;
    }

    /**
     * The documents of the sales events after {@code afterSeq}, each with its last event's number, in that order. For a
     * caller that continues by time ({@code byTime}), a page cut before the end of the log leaves out documents changed
     * again after the cut (their later change brings them back), so no answer carries an updatedAt past the cut.
     */
    private Map<SalesOrder, Long> changes(long afterSeq, boolean byTime, int limit) {
        long after = afterSeq;
        while (true) {
            List<LoggedEvent> events = log.read(after, limit, SalesEvents.TOPIC_PREFIX);
            Map<String, Long> lastSeq = new LinkedHashMap<>();
            for (LoggedEvent e : events) {
                lastSeq.remove(e.key());
                lastSeq.put(e.key(), e.seq());
            }
            boolean cut = events.size() == limit;
            Instant cutAt = cut ? events.get(events.size() - 1).at() : null;
            Map<SalesOrder, Long> answer = new LinkedHashMap<>();
            lastSeq.forEach((number, seq) -> {
                SalesOrder o = orders.get(number);
                if (!byTime || cutAt == null || !o.updatedAt().isAfter(cutAt)) {
                    answer.put(o, seq);
                }
            });
            if (!answer.isEmpty() || !cut) {
                return answer;
            }
            after = events.get(events.size() - 1).seq();
        }
    }
}
