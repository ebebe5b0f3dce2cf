package org.titrate.sales.impl.soap;

import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.xml.datatype.XMLGregorianCalendar;
import org.titrate.platform.api.ValidationException;
import org.titrate.sales.api.SalesOrderService;

/** {@code /soap/SalesOrderService}: sales and return orders for legacy finance systems, document/literal wrapped. */
@WebService(name = "SalesOrderService", serviceName = "SalesOrderService", portName = "SalesOrderServicePort",
        targetNamespace = SalesOrderSoapService.NS)
public class SalesOrderSoapService {
    public static final String NS = "urn:titrate:sales";
    /** One poll answers at most this many documents; poll again from the last {@code updatedAt}. */
    static final int MAX_CHANGES = 500;

    private final SalesOrderService orders;

    public SalesOrderSoapService(SalesOrderService orders) {
        this.orders = orders;
    }

    @WebMethod
    @WebResult(name = "order")
    public OrderData getOrder(@WebParam(name = "number") String number) {
        if (number == null || number.isBlank()) {
            throw new ValidationException("number", "is required");
        }
        return OrderData.of(orders.get(number.strip()));
    }

    /** Creates a draft document; confirm or submit it over REST or the shell. */
    @WebMethod
    @WebResult(name = "order")
    public OrderData createOrder(@WebParam(name = "order") OrderData order) {
        if (order == null) {
            throw new ValidationException("order", "is required");
        }
        return OrderData.of(orders.create(order.toRecord()));
    }

    /** Documents changed strictly after {@code since}, oldest change first, about 500 per call; poll on from the last {@code updatedAt}. */
    @WebMethod
    @WebResult(name = "order")
    public List<OrderData> listOrdersChangedSince(@WebParam(name = "since") XMLGregorianCalendar since) {
        if (since == null) {
            throw new ValidationException("since", "is required (xs:dateTime)");
        }
        return orders.changedSince(SoapTime.toInstant(since), MAX_CHANGES).stream().map(OrderData::of).toList();
    }
}
