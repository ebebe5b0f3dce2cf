package org.titrate.sales.impl.soap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.titrate.invoicing.api.OrderInvoices;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.soap.SoapEndpoints;
import org.titrate.sales.api.SalesOrderService;

/** Publishes {@link SalesOrderSoapService} while the sales module is installed. */
@Component(immediate = true)
public class SalesOrderSoapEndpoint {

    @Reference
    private SoapEndpoints soap;

    @Reference
    private SalesOrderService orders;

    @Reference
    private EventLog log;

    /** Present while invoicing is installed: the feeds show the invoice numbers of each order. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile OrderInvoices invoices;

    private AutoCloseable endpoint;

    @Activate
    void activate() {
        endpoint = soap.publish("SalesOrderService", new SalesOrderSoapService(orders, log, () -> invoices));
    }

    @Deactivate
    void deactivate() throws Exception {
        endpoint.close();
    }
}
