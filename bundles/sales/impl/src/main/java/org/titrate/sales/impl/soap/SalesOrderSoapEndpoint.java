package org.titrate.sales.impl.soap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
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

    private AutoCloseable endpoint;

    @Activate
    void activate() {
        endpoint = soap.publish("SalesOrderService", new SalesOrderSoapService(orders, log));
    }

    @Deactivate
    void deactivate() throws Exception {
        endpoint.close();
    }
}
