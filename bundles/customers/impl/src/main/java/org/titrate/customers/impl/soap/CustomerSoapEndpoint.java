package org.titrate.customers.impl.soap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.titrate.customers.api.CustomerService;
import org.titrate.platform.api.soap.SoapEndpoints;

/** Publishes {@link CustomerSoapService} while the customers module is installed. */
@Component(immediate = true)
public class CustomerSoapEndpoint {

    @Reference
    private SoapEndpoints soap;

    @Reference
    private CustomerService customers;

    private AutoCloseable endpoint;

    @Activate
    void activate() {
        endpoint = soap.publish("CustomerService", new CustomerSoapService(customers));
    }

    @Deactivate
    void deactivate() throws Exception {
        endpoint.close();
    }
}
